import { describe, expect, it } from 'vitest';
import app from '../src/server.js';
import { mean } from '../src/aggregate.js';

describe('GET /prices', () => {
  it('returns sorted list', async () => {
    const res = await app.inject({ method: 'GET', url: '/prices' });
    expect(res.json()).toMatchSnapshot();
  });

  it('mean of empty is NaN', () => {
    expect(mean([])).toBeNaN();
  });
});
