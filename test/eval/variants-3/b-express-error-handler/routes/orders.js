const router = require('express').Router();
const axios = require('axios');

const PSP = axios.create({ baseURL: process.env.PSP_BASE_URL, timeout: 5000 });

router.post('/:id/pay', async (req, res, next) => {
  try {
    const { data } = await PSP.post('/charges', { orderId: req.params.id, amount: req.body.amount });
    res.json({ chargeId: data.id, status: data.status });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
