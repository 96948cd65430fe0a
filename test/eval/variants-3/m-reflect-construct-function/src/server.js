const express = require('express');
const referrals = require('./routes/referrals');

const app = express();
app.use(express.json());
app.use('/referrals', referrals);

app.listen(process.env.PORT || 3005, () => console.log('referral-service up'));
