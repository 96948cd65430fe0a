const express = require('express');
const { trace } = require('@opentelemetry/api');

const tracer = trace.getTracer('catalog');
const app = express();

const products = [
  { id: 'p1', name: 'Desk lamp', price: 39 },
  { id: 'p2', name: 'Office chair', price: 189 },
];

app.get('/products', (req, res) => {
  tracer.startActiveSpan('list-products', (span) => {
    span.setAttribute('count', products.length);
    res.json(products);
    span.end();
  });
});

app.listen(process.env.PORT, () => console.log(`catalog on ${process.env.PORT}`));
