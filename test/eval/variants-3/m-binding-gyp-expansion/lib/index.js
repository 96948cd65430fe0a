const binding = require('../build/Release/crc32c.node');

function crc32c(input, initial = 0) {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(String(input));
  return binding.calculate(buf, initial) >>> 0;
}

module.exports = { crc32c };
