const router = require('express').Router();
const Listing = require('../models/listing');

router.get('/', async (req, res, next) => {
  try {
    const { collection, sort = 'price' } = req.query;
    res.json(await Listing.find({ collection, sort }));
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const item = await Listing.findById(req.params.id);
    if (!item) return res.status(404).json({ error: 'not found' });
    res.json(item);
  } catch (err) {
    next(err);
  }
});

// TODO(candidate): POST / should validate price > 0 and that the seller owns the token
router.post('/', async (req, res, next) => {
  try {
    res.status(201).json(await Listing.create(req.body));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
