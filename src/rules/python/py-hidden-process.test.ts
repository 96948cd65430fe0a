import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-hidden-process.js';

ruleTest(rule, {
  clean: [
    { name: 'build script subprocess', file: 'build.py', code: `import subprocess\nsubprocess.check_call(["cmake", "--build", "."], cwd="build")\nsubprocess.run("pytest -q", shell=True)\n` },
    { name: 'pip vendored subprocess helper', file: 'pip/_internal/utils/subprocess.py', code: `import subprocess\ndef call_subprocess(cmd, cwd=None):\n    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd)\n    return proc.communicate()\n` },
    { name: 'CREATE_NO_WINDOW mentioned outside a spawn', file: 'consts.py', code: `CREATE_NO_WINDOW = 0x08000000\n` },
  ],
  flagged: [
    {
      name: 'payload started with CREATE_NO_WINDOW',
      file: 'main.py',
      code: `import subprocess, sys\nsubprocess.Popen([sys.executable, ap], creationflags=subprocess.CREATE_NO_WINDOW | subprocess.CREATE_NEW_PROCESS_GROUP)\n`,
      findings: [{ line: 2, message: /CREATE_NO_WINDOW/, confidence: 'medium' }],
    },
    {
      name: 'nohup in background',
      file: 'run.py',
      code: `import os\nos.system("nohup python3 ~/.n2/pay > /dev/null 2>&1 &")\n`,
      findings: [{ line: 2, message: /nohup/ }],
    },
    {
      name: 'ffmpeg hidden: low',
      file: 'gui.py',
      code: `import subprocess\nsubprocess.run(["ffmpeg", "-i", f], creationflags=0x08000000)\n`,
      findings: [{ line: 2, confidence: 'low', severity: 'low' }],
    },
  ],
});
