require('dotenv').config();
const express = require('express');
const mongoose = require('mongoose');

const app = express();
app.use(express.json());
app.use('/books', require('./routes/books'));

mongoose
  .connect(process.env.MONGO_URI || 'mongodb://127.0.0.1:27017/bookstore')
  .then(() => app.listen(process.env.PORT || 5000, () => console.log('bookstore api up')))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
