import assert from 'node:assert/strict';
import { it } from 'node:test';
import { partitionPoint } from './search.js';

it('partitionPoint: the first index where the predicate turns false (lower and upper bounds)', () => {
  const xs = [1, 3, 3, 3, 7, 9];
  assert.equal(partitionPoint(xs.length, (i) => xs[i]! < 3), 1); // lower bound of 3
  assert.equal(partitionPoint(xs.length, (i) => xs[i]! <= 3), 4); // upper bound of 3
  assert.equal(partitionPoint(xs.length, (i) => xs[i]! < 0), 0);
  assert.equal(partitionPoint(xs.length, (i) => xs[i]! < 100), 6);
  assert.equal(partitionPoint(0, () => true), 0);
});
