import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesRunByAutorun, type AutorunEntry } from './autorun.js';

const entry = (file: string, leadsTo: string[] = []): AutorunEntry => ({ trigger: 'npm-install', command: 'x', file, line: 1, leadsTo });

describe('filesRunByAutorun', () => {
  it('counts a declaring file that is itself code (hooks, setup.py, .pnpmfile.cjs, .pth) as run', () => {
    const run = filesRunByAutorun([
      entry('.pnpmfile.cjs'),
      entry('setup.py', ['pkg/build.py']),
      entry('.git/hooks/post-checkout'),
      entry('.husky/pre-commit'),
      entry('lib/site.pth'),
    ]);
    assert.deepEqual([...run].sort(), ['.git/hooks/post-checkout', '.husky/pre-commit', '.pnpmfile.cjs', 'lib/site.pth', 'pkg/build.py', 'setup.py']);
  });

  it('does not count a declaring manifest or config (package.json, tasks.json, .npmrc, Makefile) as run', () => {
    const run = filesRunByAutorun([entry('package.json', ['server.js']), entry('.vscode/tasks.json'), entry('.npmrc'), entry('Makefile'), entry('.git/config')]);
    assert.deepEqual([...run], ['server.js']);
  });
});
