import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-decrypt-drop-load.js';

ruleTest(rule, {
  clean: [
    {
      name: 'base64 image written to disk and opened with PIL (decoded, written, never imported)',
      file: 'assets.py',
      code: `import base64, os\nfrom PIL import Image\nICON = "iVBORw0KGgo="\ndef icon(d):\n    p = os.path.join(d, "icon.png")\n    with open(p, "wb") as f:\n        f.write(base64.b64decode(ICON))\n    return Image.open(p)\n`,
    },
    {
      name: 'generated module written (no decryption) then imported (code generators, plugin scaffolds)',
      file: 'gen.py',
      code: `import importlib, os, sys\ndef build(name, fields, d):\n    src = "\\n".join(f"{k} = {v!r}" for k, v in fields.items())\n    path = os.path.join(d, name + ".py")\n    with open(path, "w") as f:\n        f.write(src)\n    sys.path.insert(0, d)\n    return importlib.import_module(name)\n`,
    },
    {
      name: 'decrypted secrets written to a config file, a literal tool run afterwards',
      file: 'secrets.py',
      code: `import subprocess\nfrom cryptography.fernet import Fernet\ndef unlock(key, blob, out):\n    data = Fernet(key).decrypt(blob)\n    with open(out, "wb") as f:\n        f.write(data)\n    subprocess.run(["systemctl", "restart", "app"])\n`,
    },
  ],
  flagged: [
    {
      name: 'cipher-decrypted stage written to /tmp and imported from that path',
      file: 'pkg/loader.py',
      code: `import importlib.util\nfrom .sm4 import Cipher\ndef stage(parts, key, name):\n    pl = b"".join(open(p, "rb").read() for p in parts)\n    c = Cipher(key)\n    body = c.crypt_ecb(pl)\n    open(f"/tmp/{name}", "wb").write(body)\n    spec = importlib.util.spec_from_file_location(name, f"/tmp/{name}")\n`,
      findings: [{ line: 7, message: /loads it with importlib\.util\.spec_from_file_location \(line 8\)/, severity: 'critical' }],
    },
    {
      name: 'XOR-decoded DLL written beside the package and loaded with ctypes',
      file: 'lib/__init__.py',
      code: `import ctypes, os\ndef init(d, key):\n    raw = open(os.path.join(d, "data.bin"), "rb").read()\n    dll = bytes([b ^ key for b in raw])\n    out = os.path.join(d, "helper.dll")\n    with open(out, "wb") as f:\n        f.write(dll)\n    ctypes.CDLL(out)\n`,
      findings: [{ line: 7, message: /ctypes\.CDLL/ }],
    },
  ],
});
