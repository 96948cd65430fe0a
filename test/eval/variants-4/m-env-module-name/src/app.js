require('dotenv').config();
const express = require('express');
const logger = require('./utils/logger');

const app = express();
app.use(express.json());
app.use('/tickets', require('./routes/tickets'));

app.listen(Number(process.env.PORT) || 4200, () => logger.info('helpdesk api started'));
