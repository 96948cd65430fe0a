const test = require('node:test');
const assert = require('node:assert');
const { hash64 } = require('../lib');

test('deterministic', () => {
  assert.strictEqual(hash64('abc'), hash64(Buffer.from('abc')));
  assert.notStrictEqual(hash64('abc', 1n === 1n ? 1 : 0), hash64('abc'));
});
