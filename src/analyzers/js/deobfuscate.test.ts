import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { deobfuscate, deobfuscationInput, deobfuscatorAvailable, deobfuscatorPid, predecodeDeobfuscation, prefetchDeobfuscation, setDeobfuscatorIdleMs, stopDeobfuscator, warmDeobfuscator } from './deobfuscate.js';
import { obfuscatedSample } from '../../testing/obfuscated-sample.js';

const SAMPLE = obfuscatedSample();

/** Running (a zombie has exited: it waits only for its parent to reap it). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const gone = async (pid: number) => {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
};

function decoded(): number {
  const r = deobfuscate(SAMPLE);
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.match(r.code, /203\.0\.113\.9:1224/);
  assert.match(r.code, /Login Data/);
  const pid = deobfuscatorPid();
  assert.ok(pid && alive(pid), 'the child stays up between calls');
  return pid;
}

describe('deobfuscate: one warm child per thread', { skip: !deobfuscatorAvailable() && 'webcrack/isolated-vm not installed', timeout: 120_000 }, () => {
  after(() => stopDeobfuscator());

  it('a second call is answered by the same child, faster than a cold start', () => {
    const t0 = performance.now();
    const first = decoded();
    const cold = performance.now() - t0;
    const t1 = performance.now();
    assert.equal(decoded(), first);
    assert.ok(performance.now() - t1 < cold, 'the warm call costs less than the one that started node and webcrack');
  });

  it('a child killed from outside is respawned by the next call', async () => {
    const pid = decoded();
    process.kill(pid, 'SIGKILL');
    assert.ok(await gone(pid));
    const next = decoded();
    assert.notEqual(next, pid);
  });

  it('a call over its time limit ends as an error (SIGKILL), and the next call gets a fresh child', async () => {
    const pid = decoded();
    const r = deobfuscate(SAMPLE, { timeoutMs: 1 });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /deobfuscator killed \(SIGKILL\) after \d+ ms/);
    assert.ok(r.ms < 5_000, `answered after ${r.ms} ms`);
    assert.ok(await gone(pid), 'the timed-out child is dead');
    assert.notEqual(decoded(), pid);
  });

  it('a child left idle ends by itself, and the next call starts a new one', async () => {
    setDeobfuscatorIdleMs(300);
    try {
      const pid = decoded();
      assert.ok(await gone(pid), 'the idle child ended');
      assert.notEqual(decoded(), pid);
    } finally {
      setDeobfuscatorIdleMs(30_000);
    }
  });

  it('a prefetched input is decoded ahead: the call only collects it; queued inputs go one by one to the same warm child', async () => {
    await stopDeobfuscator();
    assert.ok(prefetchDeobfuscation(SAMPLE));
    await new Promise((r) => setTimeout(r, 4_000)); // the child starts, imports webcrack and decodes meanwhile
    const r = deobfuscate(SAMPLE);
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.match(r.code, /203\.0\.113\.9:1224/);
    assert.ok(r.ms < 1_000, `collected in ${r.ms} ms`);
    const warmed = deobfuscatorPid()!;
    // Two inputs queued together: the warm child takes the first, and the second once the first is answered.
    const other = SAMPLE.replace('203.0.113.9', '198.51.100.7');
    assert.ok(prefetchDeobfuscation(SAMPLE) && prefetchDeobfuscation(other));
    const a = deobfuscate(SAMPLE);
    const pa = deobfuscatorPid();
    const b = deobfuscate(other);
    const pb = deobfuscatorPid();
    assert.ok(a.ok && b.ok && /198\.51\.100\.7:1224/.test(b.code));
    assert.deepEqual([pa, pb], [warmed, warmed], 'the warm child is reused, not a second cold one started');
  });

  it('a warmed-up child (started before any call) is the one that answers the first call', async () => {
    await stopDeobfuscator();
    /** This process's running children (any thread's) not there before the warm-up. */
    const all = () => readdirSync('/proc/self/task').flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    const before = new Set(all());
    const kids = () => all().filter((k) => !before.has(k) && alive(k));
    warmDeobfuscator();
    let warm: number[] = [];
    for (let i = 0; i < 100 && !warm.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      warm = kids();
    }
    assert.equal(warm.length, 1, 'one child started by the warm-up');
    warmDeobfuscator(); // a second warm-up starts nothing more
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(kids(), warm);
    assert.equal(decoded(), warm[0], 'the first call is answered by the warmed child');
  });

  it('predecoded inputs (main thread, before any call) decode one by one in one child; a call collects its answer once', async () => {
    await stopDeobfuscator();
    const other = SAMPLE.replace('203.0.113.9', '198.51.100.7');
    assert.equal(predecodeDeobfuscation([SAMPLE, other]), 2);
    await new Promise((r) => setTimeout(r, 5_000)); // the child starts, imports webcrack and decodes both meanwhile
    const a = deobfuscate(SAMPLE);
    const pa = deobfuscatorPid();
    const b = deobfuscate(other);
    assert.ok(a.ok && /203\.0\.113\.9:1224/.test(a.code), a.ok ? a.code : a.error);
    assert.ok(b.ok && /198\.51\.100\.7:1224/.test(b.code), b.ok ? b.code : b.error);
    // (No timing asserted: on a loaded machine the child may still be decoding; then the call waits for that decode.)
    assert.equal(deobfuscatorPid(), pa, 'the same child decoded both');
    // Taken once: the same input again is a decode of its own.
    assert.equal(decoded(), pa);
  });

  it('a call for a predecoded input that is still decoding waits for that decode; one still queued starts at once', async () => {
    await stopDeobfuscator();
    const other = SAMPLE.replace('203.0.113.9', '198.51.100.7');
    assert.equal(predecodeDeobfuscation([SAMPLE, other]), 2);
    // Asked for the queued one first: decoded now for the caller (a second child), not after the first.
    const b = deobfuscate(other);
    assert.ok(b.ok && /198\.51\.100\.7:1224/.test(b.code), b.ok ? b.code : b.error);
    const pb = deobfuscatorPid();
    const a = deobfuscate(SAMPLE);
    assert.ok(a.ok && /203\.0\.113\.9:1224/.test(a.code), a.ok ? a.code : a.error);
    assert.notEqual(deobfuscatorPid(), pb);
  });

  it('deobfuscationInput: what the rule decodes (non-vendored, text, fingerprinted), nothing else', () => {
    const bytes = Buffer.from(SAMPLE);
    assert.equal(deobfuscationInput('src/keygen.js', bytes), SAMPLE);
    assert.equal(deobfuscationInput('node_modules/x/keygen.js', bytes), null);
    assert.equal(deobfuscationInput('src/keygen.js', bytes, () => false), null);
    assert.equal(deobfuscationInput('src/plain.js', Buffer.from('const a = 1;\n'.repeat(50))), null);
    assert.equal(deobfuscationInput('src/blob.js', Buffer.from([0, 1, 2, 0, 255, 0, 3])), null);
  });

  it('input over the size limit is refused without a child', () => {
    const r = deobfuscate('x'.repeat(100), { maxInputBytes: 10 });
    assert.deepEqual([r.ok, r.ok ? '' : r.error], [false, 'input too large to deobfuscate']);
  });

  it('when the helper thread ends (the worker or the process is going away), its idle child exits by itself', async () => {
    const pid = decoded();
    await stopDeobfuscator();
    assert.ok(await gone(pid), 'no orphaned deobfuscator');
  });
});
