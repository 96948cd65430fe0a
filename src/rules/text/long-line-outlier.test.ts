import { ruleTest } from '../../testing/rule-tester.js';
import rule from './long-line-outlier.js';

/** 20 ordinary lines of a hand-written config, ~40 characters each. */
const config = Array.from({ length: 20 }, (_, i) => `  option${i}: require('./plugins/p${i}.js'),`).join('\n');
/** An obfuscator.io-style loader as one 5,000+ character line. */
const payload =
  `(function(_0x4dcd76,_0x502349){const _0x1aae15=_0x4dcd76();while(!![]){try{const _0x28dfcd=parseInt(_0x3b48(0x1f2))/0x1;` +
  Array.from({ length: 60 }, (_, i) => `_0x1aae15['push'](_0x1aae15['shift']('0x${(i + 16).toString(16)}'));var _0x${(4096 + i).toString(16)}=_0x3b48(${i});`).join('') +
  `}catch(_0x7f38cf){}}}(_0x1d44,0x6b5a1));const cp=require('child_process');cp['exec'](Buffer.from(a,'base64')['toString']());`;
/** Plain minified code pasted into an example file (no loader signs). */
const minifiedLib = `function Voronoi(){this.sites=[];this.edges=[];}` + Array.from({ length: 120 }, (_, i) => `Voronoi.prototype.m${i}=function(a,b){var c=a.x-b.x,d=a.y-b.y;return c*c+d*d};`).join('');

ruleTest(rule, {
  clean: [
    { name: 'ordinary config', file: 'tailwind.config.js', code: `module.exports = {\n${config}\n};\n` },
    {
      name: 'one long base64 data URI string',
      file: 'src/logo.js',
      code: `// logo\nconst a = 1;\nconst b = 2;\nconst c = 3;\nexport const logo = "data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg'.repeat(80)}";\nexport default logo;\n`,
    },
    {
      name: 'inline source map comment',
      file: 'src/index.js',
      code: `import a from './a.js';\nimport b from './b.js';\nexport function f() {\n  return a + b;\n}\n//# sourceMappingURL=data:application/json;base64,${'eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbXX0'.repeat(200)}\n`,
    },
    {
      name: 'long JSX className and SVG path strings',
      file: 'src/Icon.tsx',
      code: `import React from 'react';\nexport function Icon() {\n  return (\n    <svg viewBox="0 0 24 24">\n      <path d="${'M12 2L2 7l10 5 10-5-10-5z '.repeat(120)}" />\n    </svg>\n  );\n}\n`,
    },
    {
      name: 'a numeric lookup table has no code punctuation beyond commas',
      file: 'src/crc.py',
      code: `# CRC table\nimport sys\n\ndef crc(b):\n    return TABLE[b]\n\nTABLE = [${Array.from({ length: 400 }, (_, i) => (i * 2654435761) % 4294967296).join(' ')}]\n`,
    },
    { name: 'minified file (many long lines)', file: 'src/vendor-lib.js', code: Array.from({ length: 6 }, () => minifiedLib).join('\n') + '\nexport default Voronoi;\n' },
    { name: 'a licence banner over one minified line', file: 'test/manual/promise.js', code: `/*!\n * @overview es6-promise\n * @license MIT\n * @version 3.0.2\n */\n\n(function(){"use strict";${minifiedLib}}).call(this);\n` },
    { name: 'vendored', file: 'node_modules/x/index.js', code: `module.exports = {\n${config}\n};\n${payload}\n` },
    { name: 'JSON data', file: 'data/list.json', code: `{\n "a": 1,\n "b": 2,\n "c": 3,\n "d": [${Array.from({ length: 600 }, (_, i) => `{"k":${i}}`).join(',')}]\n}\n` },
    { name: 'payload behind padding is whitespace-hidden-code\'s', file: 'postcss.config.js', code: `module.exports = {\n${config}\n};${' '.repeat(500)}${payload}\n` },
  ],
  flagged: [
    {
      name: 'loader appended to a config as one line',
      file: 'tailwind.config.js',
      code: `module.exports = {\n${config}\n};\n${payload}\n`,
      findings: [{ line: 23, column: 1, severity: 'medium', evidence: /^\(function\(_0x4dcd76/, message: /obfuscator\.io names.*process spawning/ }],
    },
    {
      name: 'loader prepended to a short next.config.js',
      file: 'next.config.js',
      code: `${payload}\n/** @type {import('next').NextConfig} */\nconst nextConfig = {\n  reactStrictMode: true,\n}\n\nmodule.exports = nextConfig\n`,
      findings: [{ line: 1, severity: 'medium' }],
    },
    {
      name: 'plain minified code pasted into an example is only worth a look (low)',
      file: 'examples/voronoi.js',
      code: `/* Voronoi example */\n${minifiedLib}\n\nmodule.exports = function () {\n  return new Voronoi()\n}\n`,
      findings: [{ line: 2, severity: 'low', confidence: 'low' }],
    },
    {
      name: 'python exec line',
      file: 'setup.py',
      code: `from setuptools import setup\n\nsetup(\n    name="x",\n    version="1.0",\n)\n${Array.from({ length: 80 }, (_, i) => `_v${i}=__import__('os');_v${i}.system(chr(${i})+chr(${i + 1}))`).join(';')}\n`,
      findings: [{ line: 7, severity: 'medium', message: /1 lines|5 lines/ }],
    },
  ],
});
