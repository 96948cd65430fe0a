const router = require('express').Router();
const multer = require('multer');
const native = require('../native');

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024 } });

router.post('/', upload.single('image'), async (req, res) => {
  if (!req.file) return res.status(400).json({ error: 'image required' });
  const b = await native.init();
  res.json({ hash: b.phash(req.file.buffer) });
});

// TODO(candidate): POST /compare with two images returning hamming distance and `similar` (< 10)

module.exports = router;
