const test = require('node:test');
const assert = require('node:assert');
const { crc32c } = require('../lib');

test('known vector', () => {
  assert.strictEqual(crc32c('123456789'), 0xe3069283);
});
