import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadOsv, osvKey, popular } from './data.js';
import { findSquat, isPopular } from './typosquat.js';

describe('local OSV database', () => {
  it('loads advisories from a fixture folder, with version lists and bad files reported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lurescan-osv-'));
    try {
      mkdirSync(join(dir, 'pypi'));
      writeFileSync(join(dir, 'pypi', 'MAL-1.json'), JSON.stringify({ id: 'MAL-1', summary: 'x', affected: [{ package: { ecosystem: 'PyPI', name: 'Evil_Pkg' }, versions: ['1.0', '1.1'] }] }));
      writeFileSync(join(dir, 'npm.json'), JSON.stringify({ id: 'MAL-2', affected: [{ package: { ecosystem: 'npm', name: 'bad-icons' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] }));
      writeFileSync(join(dir, 'broken.json'), '{');
      const { db, errors } = loadOsv(dir);
      assert.deepEqual(db.get(osvKey('pypi', 'evil-pkg'))?.[0]?.versions, ['1.0', '1.1']);
      assert.equal(db.get(osvKey('pypi', 'evil-pkg'))?.[0]?.allVersions, false);
      assert.equal(db.get(osvKey('npm', 'bad-icons'))?.[0]?.allVersions, true);
      assert.equal(errors.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('ships the popular-name lists and the THREATS.md lure names', () => {
    assert.ok(popular('npm').names.length > 5000);
    assert.ok(popular('pypi').names.length > 5000);
    assert.ok(isPopular('pypi', 'Python_Dateutil'));
    assert.ok(loadOsv().db.has(osvKey('npm', 'is-buffer-validator')));
  });
  it('typosquat kinds', () => {
    assert.equal(findSquat('npm', 'lodahs')?.target, 'lodash');
    assert.equal(findSquat('npm', 'types-node')?.target, '@types/node');
    assert.equal(findSquat('npm', '1odash')?.how, 'look-alike characters');
    assert.equal(findSquat('npm', 'react'), null);
    assert.equal(findSquat('pypi', 'reqeusts')?.target, 'requests');
  });
});
