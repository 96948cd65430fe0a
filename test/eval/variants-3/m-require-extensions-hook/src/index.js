require('./bootstrap/markdown');
const express = require('express');
const notes = require('./routes/notes');

const app = express();
app.use('/notes', notes);
app.get('/', (req, res) => res.redirect('/notes/changelog'));

const port = process.env.PORT || 8080;
app.listen(port, () => console.log(`release notes on http://localhost:${port}`));
