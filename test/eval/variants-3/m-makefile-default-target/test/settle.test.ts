import { describe, expect, it } from 'vitest';
import { settle } from '../src/settle.js';

describe('settle', () => {
  it('nets a simple cycle to nothing', () => {
    expect(
      settle([
        { from: 'a', to: 'b', amount: 10 },
        { from: 'b', to: 'c', amount: 10 },
        { from: 'c', to: 'a', amount: 10 },
      ]),
    ).toEqual([]);
  });
});
