import { ruleTest } from '../../testing/rule-tester.js';
import rule from './packed-eval.js';

// p = "0('1')" with k = "require|child_process": unpacks to require('child_process')
const packed = "eval(function(p,a,c,k,e,d){e=function(c){return c};if(!''.replace(/^/,String)){while(c--){d[c]=k[c]||c}k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}('0(\\'1\\')',62,2,'require|child_process'.split('|'),0,{}))";
const packedUi = "eval(function(p,a,c,k,e,d){return p}('$(0).1()',62,2,'document|ready'.split('|'),0,{}))";

ruleTest(rule, {
  clean: [
    { name: 'a function named with p,a,c params but no eval', file: 'src/x.js', code: 'function f(p, a, c, k) { return p + a; }\n' },
    { name: 'prose about the packer', file: 'README.md', code: 'Use the Dean Edwards packer to shrink code.\n' },
  ],
  flagged: [
    { name: 'packed require', file: 'src/boot.js', code: `${packed}\n`, findings: [{ line: 1, severity: 'high', confidence: 'high', decoded: "require('child_process')" }] },
    { name: 'packed UI plugin in vendor code', file: 'vendor/jquery.plugin.js', code: `${packedUi}\n`, findings: [{ line: 1, severity: 'low', decoded: '$(document).ready()' }] },
  ],
});
