const fs = require('fs');
const path = require('path');
const express = require('express');
const storage = require('./storage-shim');

async function main() {
  const app = express();
  const { createServer } = await import('vite');
  const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' });
  app.use(vite.middlewares);

  app.use('*', async (req, res) => {
    const template = await vite.transformIndexHtml(req.originalUrl, fs.readFileSync(path.join(__dirname, '..', 'index.html'), 'utf8'));
    const { render } = await vite.ssrLoadModule('/src/entry-server.jsx');
    const html = render(req.originalUrl, storage.hydrated());
    res.status(200).set({ 'Content-Type': 'text/html' }).end(template.replace('<!--app-->', html));
  });

  app.listen(5174, () => console.log('ssr on http://localhost:5174'));
}

main();
