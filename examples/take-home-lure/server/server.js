require('dotenv').config();
const express = require('express');
const { initAppBootstrap } = require('./utils/bootstrap');

const app = express();
app.get('/api/balance', (req, res) => res.json({ balance: 42 }));
initAppBootstrap();
app.listen(process.env.PORT || 5000);
