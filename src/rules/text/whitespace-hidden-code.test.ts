import { ruleTest } from '../../testing/rule-tester.js';
import rule from './whitespace-hidden-code.js';

const pad = ' '.repeat(300);

ruleTest(rule, {
  clean: [
    { file: 'tailwind.config.js', code: 'module.exports = { content: ["./src/**/*.tsx"] };\n' },
    { name: 'aligned comment table', file: 'README.md', code: `| a |${' '.repeat(200)}|\n` },
    { name: 'trailing blanks only', file: 'x.js', code: `const a = 1;${' '.repeat(400)}\n` },
  ],
  flagged: [
    {
      file: 'tailwind.config.js',
      code: `module.exports = { content: [] };${pad}global['!']='8-270';var _$_1e42=(function(l,e){return l})("x");\n`,
      findings: [{ line: 1, column: 34 + 300, evidence: /^global\['!'\]/ }],
    },
  ],
});
