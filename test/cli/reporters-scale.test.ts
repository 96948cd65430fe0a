import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render, scan } from '../../src/index.js';
import { FORMATS } from '../../src/reporters/index.js';
import { EXAMPLE } from './helpers.js';

describe('reporters at scale', () => {
  it('a report with 10,000 findings and 3,000 IOCs renders in every format without quadratic blow-up', async () => {
    const base = await scan(EXAMPLE);
    const f0 = base.findings[0]!;
    const findings = Array.from({ length: 3000 }, (_, i) => ({
      ...f0,
      file: `dir${i % 300}/f${i % 1500}.js`,
      line: i + 1,
      endLine: i + 1,
      iocs: [{ type: 'url' as const, value: `http://x${i % 3000}.example/`, file: `dir${i % 300}/f${i % 1500}.js`, line: i + 1 }],
    }));
    const iocs = Array.from({ length: 1000 }, (_, i) => ({ type: 'url' as const, value: `http://x${i}.example/`, file: `f${i}.js`, line: 1 }));
    const report = { ...base, findings, iocs };
    for (const format of FORMATS) {
      const t = performance.now();
      const out = render(report, format);
      const ms = performance.now() - t;
      assert.ok(out.length > 0);
      // Linear renders take well under a second here; the bound is loose for a shared CPU.
      assert.ok(ms < 8000, `${format} took ${Math.round(ms)} ms`);
    }
  });
});
