const express = require('express');
const pairs = require('./routes/pairs');
const { warmup } = require('./utils/cacheWarmup');

const app = express();
app.use('/api/pairs', pairs);

app.listen(process.env.PORT || 3002, () => {
  console.log('dex analytics on 3002');
  warmup();
});
