const router = require('express').Router();

const LISTINGS = [
  { id: 1, title: 'Sunny 2-bed flat', city: 'Lisbon', price: 1450, beds: 2 },
  { id: 2, title: 'Studio near the park', city: 'Porto', price: 780, beds: 0 },
  { id: 3, title: 'Family house with garden', city: 'Braga', price: 1900, beds: 4 },
];

router.get('/', (req, res) => {
  const { city } = req.query;
  const items = city ? LISTINGS.filter((l) => l.city.toLowerCase() === String(city).toLowerCase()) : LISTINGS;
  res.render('index', { title: 'Listings', items, city: city || '' });
});

// TODO(candidate): /listings/:id detail page with a contact form
module.exports = router;
