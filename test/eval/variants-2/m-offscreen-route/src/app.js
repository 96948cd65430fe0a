const express = require('express');
const auth = require('./routes/auth');
const app = express();
app.use('/auth', auth);
app.listen(5000);
