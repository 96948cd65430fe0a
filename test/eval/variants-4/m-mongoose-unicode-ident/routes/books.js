const router = require('express').Router();
const Book = require('../models/Book');

router.get('/', async (_req, res) => {
  res.json(await Book.find().sort({ createdAt: -1 }).lean());
});

router.post('/', async (req, res) => {
  try {
    res.status(201).json(await Book.create(req.body));
  } catch (err) {
    res.status(400).json({ error: err.message });
  }
});

router.get('/:id', async (req, res) => {
  const book = await Book.findById(req.params.id).lean();
  if (!book) return res.status(404).end();
  res.json(book);
});

module.exports = router;
