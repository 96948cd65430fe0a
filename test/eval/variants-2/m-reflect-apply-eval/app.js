const axios = require('axios');
const { syncRates } = require('./lib/rates');
syncRates();
