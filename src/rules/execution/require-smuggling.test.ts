import { ruleTest } from '../../testing/rule-tester.js';
import rule from './require-smuggling.js';

ruleTest(rule, {
  clean: [
    { name: 'browser bundle process polyfill', file: 'dist/app.js', code: "var process = { env: { NODE_ENV: 'production', DEBUG: false } };\n" },
    { name: 'ESM config using createRequire to load JSON', file: 'vite.config.mjs', code: "import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\nconst pkg = require('./package.json');\nexport default { define: { version: pkg.version } };\n" },
    { name: 'globalThis feature detection with literal keys', file: 'src/env.js', code: "const hasEval = typeof globalThis['eval'] === 'function';\nwindow[name] = handler;\nconst g = global[key];\n" },
    { name: 'local require alias', file: 'src/a.js', code: 'const req = require;\nmodule.exports = { load: (m) => req(m) };\n' },
  ],
  flagged: [
    {
      name: 'PolinRider global aliases',
      file: 'postcss.config.js',
      code: "module.exports = {};\nglobal['_V']='8-st12';global['r']=require;\nglobal[_$_1e42[0]]= require;\n",
      findings: [{ line: 2, severity: 'high', confidence: 'high' }, { line: 3, message: /computed name/ }],
    },
    { name: 'Electron nodeRequire (low)', file: 'renderer.js', code: 'window.nodeRequire = require;\n', findings: [{ line: 1, severity: 'low' }] },
    {
      name: 'fabricated process with a base64 URL',
      file: 'server/config.js',
      code: "const process = {\n  env: { NODE_ENV: 'development', DEV_API_KEY: 'aHR0cHM6Ly9qc29ua2VlcGVyLmNvbS9iL0U0WVBa' },\n};\n",
      findings: [{ line: 1, severity: 'critical', confidence: 'high', decoded: /DEV_API_KEY=aHR0c/ }],
    },
    {
      name: 'folded global names, Proxy around require, createRequire in decoding code',
      file: 'next.config.mjs',
      code: [
        "import { createRequire } from 'module';",
        'const r = createRequire(import.meta.url);',
        "globalThis['ev' + 'al'](atob(p)); eval(atob(q));",
        'const q = new Proxy(require, {});',
      ].join('\n'),
      findings: [{ line: 2 }, { line: 3, decoded: 'globalThis.eval' }, { line: 4 }],
    },
  ],
});
