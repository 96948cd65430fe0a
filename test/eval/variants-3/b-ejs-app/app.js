const path = require('path');
const express = require('express');
const events = require('./routes/events');

const app = express();
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));
app.locals.formatDate = (d) => new Date(d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
app.use('/', events);
app.listen(process.env.PORT || 3000);
