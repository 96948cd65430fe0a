const router = require('express').Router();

const changelog = require('../../docs/CHANGELOG.md');
const upgrading = require('../../docs/UPGRADING.md');

router.get('/changelog', (req, res) => {
  res.type('html').send(changelog.html);
});

router.get('/upgrading', (req, res) => {
  res.type('html').send(upgrading.html);
});

router.get('/meta', (req, res) => {
  res.json({ changelog: changelog.meta, upgrading: upgrading.meta });
});

module.exports = router;
