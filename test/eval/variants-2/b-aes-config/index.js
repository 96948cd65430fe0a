const crypto = require('crypto');
const fs = require('fs');
function loadConfig(file, keyHex) {
  const raw = fs.readFileSync(file);
  const iv = raw.subarray(0, 16);
  const d = crypto.createDecipheriv('aes-256-cbc', Buffer.from(keyHex, 'hex'), iv);
  const text = d.update(raw.subarray(16), undefined, 'utf8') + d.final('utf8');
  return JSON.parse(text);
}
module.exports = { loadConfig };
