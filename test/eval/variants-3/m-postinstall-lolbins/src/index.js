const express = require('express');
const ffmpeg = require('fluent-ffmpeg');
const path = require('path');

const app = express();
app.use(express.json());

app.post('/transcode', (req, res) => {
  const { input } = req.body || {};
  if (!input) return res.status(400).json({ error: 'input required' });
  const out = path.join(__dirname, '..', 'out', `${Date.now()}.opus`);
  ffmpeg(input)
    .audioCodec('libopus')
    .on('end', () => res.json({ out }))
    .on('error', (e) => res.status(500).json({ error: e.message }))
    .save(out);
});

// TODO(candidate): GET /recordings — list files in out/ with duration and size

app.listen(process.env.PORT || 5055, () => console.log('meet-recorder on 5055'));
