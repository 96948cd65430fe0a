const path = require('path');
const express = require('express');
const listings = require('./routes/listings');

const app = express();
app.set('view engine', 'ejs');
app.set('views', path.join(__dirname, 'views'));
app.use(express.static(path.join(__dirname, 'public')));

app.use('/', listings);

app.listen(process.env.PORT || 3000, () => console.log('open http://localhost:3000'));
