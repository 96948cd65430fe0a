import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deobfuscate, deobfuscatorAvailable, deobfuscatorPid, setDeobfuscatorSnapshot, stopDeobfuscator } from './deobfuscate.js';
import { childV8Flags } from './deob-child.js';
import { obfuscatedSample } from '../../testing/obfuscated-sample.js';

const SAMPLE = obfuscatedSample();

const cmdline = (pid: number | undefined) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** The decode of SAMPLE with the current snapshot setting, in a fresh helper (so a broken snapshot is forgotten). */
async function decodeFresh(): Promise<{ code: string; args: string[] }> {
  await stopDeobfuscator();
  const r = deobfuscate(SAMPLE);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return { code: r.code, args: cmdline(deobfuscatorPid()) };
}

const built = fileURLToPath(new URL('../../../dist/bundle/deob-child.json', import.meta.url));

describe("deobfuscate: the child's startup snapshot", { skip: !deobfuscatorAvailable() && 'webcrack/isolated-vm not installed', timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lurescan-snap-'));
  after(async () => {
    setDeobfuscatorSnapshot(undefined);
    await stopDeobfuscator();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a snapshot this node cannot read (damaged blob): the call is answered by a plain child, same code', async () => {
    assert.equal(setDeobfuscatorSnapshot(null), false);
    const plain = await decodeFresh();
    assert.ok(!plain.args.includes('--snapshot-blob'));
    assert.match(plain.code, /203\.0\.113\.9:1224/);
    writeFileSync(join(dir, 'deob-child.blob'), Buffer.alloc(4096, 7));
    writeFileSync(join(dir, 'deob-child.json'), JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch, flags: childV8Flags(512), blob: './deob-child.blob' }));
    assert.equal(setDeobfuscatorSnapshot(join(dir, 'deob-child.json')), true);
    const fallback = await decodeFresh();
    assert.equal(fallback.code, plain.code);
    if (process.platform === 'linux') assert.ok(!fallback.args.includes('--snapshot-blob'), 'the answering child is a plain one');
    // The next child of that helper does not try the snapshot again.
    const again = deobfuscate(SAMPLE, { timeoutMs: 14_000 });
    assert.ok(again.ok);
  });

  it('a snapshot built by another node, or for other V8 flags, is not used', () => {
    const meta = join(dir, 'other.json');
    writeFileSync(join(dir, 'other.blob'), 'x');
    writeFileSync(meta, JSON.stringify({ node: 'v0.0.0', platform: process.platform, arch: process.arch, flags: childV8Flags(512), blob: './other.blob' }));
    assert.equal(setDeobfuscatorSnapshot(meta), false);
    writeFileSync(meta, JSON.stringify({ node: process.version, platform: process.platform, arch: process.arch, flags: childV8Flags(512), blob: './missing.blob' }));
    assert.equal(setDeobfuscatorSnapshot(meta), false);
  });

  it('the snapshot `npm run build` made: a child deserialises it and decodes exactly as a plain child', { skip: !existsSync(built) && 'no dist/bundle/deob-child.json (run npm run build)' }, async () => {
    if (!setDeobfuscatorSnapshot(built)) return void assert.ok(true, 'dist/ was built by another node: not usable here');
    const snap = await decodeFresh();
    if (process.platform === 'linux') assert.ok(snap.args.includes('--snapshot-blob'), `started from the snapshot: ${snap.args.join(' ')}`);
    setDeobfuscatorSnapshot(null);
    const plain = await decodeFresh();
    assert.equal(snap.code, plain.code);
  });
});
