const { test } = require('node:test');
const assert = require('node:assert');
const { parse, expand } = require('../src/config/env');

test('parses quotes and comments', () => {
  assert.deepStrictEqual(parse('A=1 # c\nB="x\\ny"\n# skip\nC=\'raw\''), { A: '1', B: 'x\ny', C: 'raw' });
});

test('expands references', () => {
  assert.strictEqual(expand({ PORT: '1', URL: 'http://h:${PORT}' }).URL, 'http://h:1');
});
