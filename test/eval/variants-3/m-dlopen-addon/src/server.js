const express = require('express');
const native = require('./native');
const hash = require('./routes/hash');

const app = express();
app.use('/hash', hash);

native
  .init()
  .catch((e) => console.warn('pHash binding not ready:', e.message))
  .finally(() => app.listen(process.env.PORT || 7070, () => console.log('image-hash-service ready')));
