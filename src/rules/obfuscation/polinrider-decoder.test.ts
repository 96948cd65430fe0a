import { ruleTest } from '../../testing/rule-tester.js';
import rule from './polinrider-decoder.js';

const decoder =
  "var _$_1e42=(function(l,e){var h=l.length;var g=[];for(var j=0;j< h;j++){g[j]= l.charAt(j)};for(var j=0;j< h;j++){var s=e* (j+ 489)+ (e% 19597);var w=e* (j+ 659)+ (e% 48014);var t=s% h;var p=w% h;var y=g[t];g[t]= g[p];g[p]= y;e= (s+ w)% 4573868};return g.join('')})(\"rmcej%otb%\",2857687);global[_$_1e42[0]]= require;";
const variant =
  "global['_V']='8-st12';global['r']=require;(function(){var VRG='',GhP=764-753;function MDy(f){var r=1111436;var w=f.length;var h=[];for(var q=0;q<w;q++){h[q]=f.charAt(q)};for(var q=0;q<w;q++){var z=r*(q+119)+(r%13553);var i=r*(q+615)+(r%37182);var b=z%w;var c=i%w;var j=h[b];h[b]=h[c];h[c]=j;r=(z+i)%3896884;};return h.join('')};})();";

ruleTest(rule, {
  clean: [
    { name: 'Fisher-Yates shuffle with Math.random', file: 'src/shuffle.js', code: 'function shuffle(a){for(let i=a.length-1;i>0;i--){const j=Math.floor(Math.random()*(i+1));[a[i],a[j]]=[a[j],a[i]];}return a;}\nconst c = s.charAt(0);\n' },
    { name: 'global assignment of config', file: 'jest.setup.js', code: "global['fetch'] = require('node-fetch');\nglobal.TextEncoder = TextEncoder;\n" },
    { name: 'caesar cipher exercise', file: 'src/caesar.js', code: "function enc(s,k){let o='';for(let i=0;i<s.length;i++){o+=String.fromCharCode((s.charCodeAt(i)+k)%126);}return o;}\nconst first = s.charAt(0);\n" },
  ],
  flagged: [
    { name: '_$_1e42 after a config export', file: 'tailwind.config.js', code: `module.exports = {};\n${decoder}\n`, findings: [{ line: 2, severity: 'critical', confidence: 'high' }] },
    { name: 'global _V variant in a fake font', file: 'public/fonts/fa-solid-400.woff2', code: `${variant}\n`, findings: [{ line: 1, message: /markers: global\['_V'\]= global\['r'\]=/ }] },
  ],
});
