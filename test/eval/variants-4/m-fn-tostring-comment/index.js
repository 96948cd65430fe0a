const express = require('express');
const helmet = require('helmet');

const app = express();
app.use(helmet());
app.use(express.json());
app.use('/employees', require('./routes/employees'));

app.listen(process.env.PORT || 4100, () => console.log('payroll on :4100'));
