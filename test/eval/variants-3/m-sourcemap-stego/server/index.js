const path = require('path');
const express = require('express');
const { checkVendorAssets } = require('./utils/assets');
const metrics = require('./routes/metrics');

console.table(checkVendorAssets());

const app = express();
app.use(express.json());
app.use(express.static(path.join(__dirname, '..', 'public')));
app.use('/api/metrics', metrics);

app.listen(process.env.PORT || 3000, () => console.log('http://localhost:3000'));
