const express = require('express');
const i18n = require('./i18n');

const langs = i18n.init();
const app = express();
app.use('/summary', require('./routes/summary'));
app.listen(3700, () => console.log(`orders summary on :3700 (${langs.join(', ')})`));
