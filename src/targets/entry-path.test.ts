import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkEntryPath } from './entry-path.js';

it('archive entry names: safe ones normalised, escaping ones refused with a reason', () => {
  const ok: Array<[string, string, number?]> = [
    ['a/b.js', 'a/b.js'],
    ['./a//b.js', 'a/b.js'],
    ['a\\b.js', 'a/b.js'],
    ['package/lib/x.js', 'lib/x.js', 1],
    ['...js', '...js'],
    ['dir/', 'dir'],
  ];
  for (const [name, rel, strip] of ok) assert.deepEqual(checkEntryPath(name, strip), { ok: true, rel }, name);
  const refused: Array<[string, RegExp]> = [
    ['../evil.js', /climb out/],
    ['a/../../evil.js', /climb out/],
    ['a/..', /climb out/],
    ['..\\evil.js', /climb out/],
    ['/etc/cron.d/x', /absolute/],
    ['\\\\server\\share\\x', /absolute/],
    ['C:\\Windows\\x.dll', /drive letter/],
    ['c:x', /drive letter/],
    ['a\0b', /NUL/],
    [`${'x'.repeat(256)}/a`, /255 bytes/],
  ];
  for (const [name, reason] of refused) {
    const r = checkEntryPath(name);
    assert.equal(r.ok, false, name);
    if (!r.ok) assert.match(r.reason, reason, name);
  }
});
