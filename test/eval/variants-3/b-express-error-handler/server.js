const express = require('express');
const { randomUUID } = require('crypto');
const orders = require('./routes/orders');
const { errorHandler } = require('./middleware/errorHandler');

const app = express();
app.use(express.json());
app.use((req, res, next) => {
  req.id = req.get('x-request-id') || randomUUID();
  next();
});
app.use('/orders', orders);
app.use(errorHandler);

app.listen(process.env.PORT || 3000);
