const mongoose = require('mongoose');
const auditTrail = require('../plugins/auditTrail');

const reviewSchema = new mongoose.Schema(
  { author: String, rating: { type: Number, min: 1, max: 5 }, text: String },
  { timestamps: true },
);

const bookSchema = new mongoose.Schema(
  {
    title: { type: String, required: true, trim: true },
    author: { type: String, required: true },
    isbn: { type: String, unique: true, sparse: true },
    price: { type: Number, min: 0 },
    reviews: [reviewSchema],
  },
  { timestamps: true },
);

bookSchema.plugin(auditTrail, { collection: 'books' });

module.exports = mongoose.model('Book', bookSchema);
