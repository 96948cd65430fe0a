const router = require('express').Router();
const { t } = require('../i18n');

router.get('/', (req, res) => {
  const lang = String(req.query.lang || 'en');
  const count = Number(req.query.count || 0);
  res.json({ text: count ? t(lang, 'orders', { count }) : t(lang, 'empty') });
});

module.exports = router;
