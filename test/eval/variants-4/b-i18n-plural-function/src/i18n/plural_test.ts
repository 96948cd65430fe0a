import { describe, expect, it } from 'vitest';
import { compilePlural } from './plural';

describe('compilePlural', () => {
  it('compiles Russian', () => {
    const ru = compilePlural('n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2');
    expect([1, 3, 5, 21, 112].map(ru)).toEqual([0, 1, 2, 0, 2]);
  });
  it('rejects code', () => {
    expect(() => compilePlural('process.exit(1)')).toThrow();
  });
});
