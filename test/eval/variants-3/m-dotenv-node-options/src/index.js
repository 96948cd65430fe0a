const express = require('express');
const points = require('./routes/points');

const app = express();
app.use(express.json());
app.use('/points', points);

app.listen(process.env.PORT, () => console.log(`loyalty api on ${process.env.PORT}`));
