import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-persistence.js';

ruleTest(rule, {
  clean: [
    {
      name: 'paths and argv lists of separate literals that are not persistence (app config dir, systemctl status)',
      file: 'ops.py',
      code: "import os, subprocess\ncfg = os.path.join(os.path.expanduser('~'), '.config', 'myapp', 'settings.toml')\nsubprocess.run(['systemctl', 'status', 'nginx'], check=False)\nsubprocess.run(['open', '-a', 'Terminal'])\n",
    },
    { name: 'reads shell profile path for docs', file: 'install.py', code: `print("add this line to your ~/.bashrc")\n` },
    { name: 'system tool reading cron folders', file: 'SoftwareProperties.py', code: `import os\nif os.path.exists("/etc/cron.daily/apt"):\n    pass\n` },
    { name: 'querying a service, not creating one', file: 'svc.py', code: `import subprocess\nsubprocess.run(["sc", "query", "Spooler"])\nsubprocess.run("sc start Spooler", shell=True)\n` },
    { name: 'cron-like scheduling library', file: 'sched.py', code: `import sched, time\ns = sched.scheduler(time.time, time.sleep)\n` },
  ],
  flagged: [
    {
      name: 'LaunchAgent path and systemd user unit spelled as separate literals (os.path.join, argv lists)',
      file: 'commands/load_demo.py',
      code: "import os, subprocess\nhome = os.path.expanduser('~')\npath = os.path.join(home, 'Library', 'LaunchAgents', 'com.x.refresh.plist')\nsubprocess.run(['launchctl', 'load', '-w', path])\nsubprocess.run(['systemctl', '--user', 'enable', '--now', 'x.service'])\n",
      findings: [{ line: 3, confidence: 'high', message: /LaunchAgent\/LaunchDaemon, systemd user unit/ }],
    },
    {
      name: 'Run key via winreg',
      file: 'p.py',
      code: `import winreg\nkey = winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\\Microsoft\\Windows\\CurrentVersion\\Run", 0, winreg.KEY_SET_VALUE)\nwinreg.SetValueEx(key, "Updater", 0, winreg.REG_SZ, exe)\n`,
      findings: [{ line: 2, message: /Windows Run key/, confidence: 'medium' }],
    },
    {
      name: 'LaunchAgent and systemd',
      file: 'q.py',
      code: `import os\nplist = os.path.expanduser("~/Library/LaunchAgents/com.avatar.update.wake.plist")\nos.system("systemctl --user enable upd.service && loginctl enable-linger")\n`,
      findings: [{ line: 2, confidence: 'high' }],
    },
    {
      name: 'Windows service created to start automatically, with a Startup-folder copy',
      file: 'main.py',
      code: `import os, shutil, subprocess\ndst = os.path.join(os.getenv("APPDATA"), r"Microsoft\\Windows\\Start Menu\\Programs\\Startup\\w.vbs")\ncmd = f'sc create WinUpdateService binPath= "{exe}" start= auto'\nsubprocess.run(cmd, shell=True)\n`,
      findings: [{ line: 2, confidence: 'high', message: /Startup folder, Windows service|Windows service, Startup folder/ }],
    },
  ],
});
