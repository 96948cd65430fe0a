import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isBinary, lineStats } from './file-facts.js';

describe('isBinary', () => {
  it('is a NUL within the first 8192 bytes, of the view it is given', () => {
    const b = new Uint8Array(10_000).fill(65);
    assert.equal(isBinary(b), false);
    assert.equal(isBinary(new Uint8Array(0)), false);
    b[8192] = 0;
    assert.equal(isBinary(b), false); // past the first 8 KiB
    b[8191] = 0;
    assert.equal(isBinary(b), true);
    assert.equal(isBinary(b.subarray(8192)), true); // a view: its own first bytes
    assert.equal(isBinary(b.subarray(8193)), false);
    assert.equal(isBinary(Buffer.from('a\0b')), true);
  });
});

describe('lineStats', () => {
  it('counts lines and the longest', () => {
    assert.deepEqual(lineStats(''), { lineCount: 1, maxLineLength: 0 });
    assert.deepEqual(lineStats('ab\ncde\n'), { lineCount: 3, maxLineLength: 3 });
    assert.deepEqual(lineStats('a\r\nbcdef'), { lineCount: 2, maxLineLength: 5 });
  });
});
