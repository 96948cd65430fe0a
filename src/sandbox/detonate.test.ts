import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declaringFolder } from './detonate.js';

describe('detonation working folders', () => {
  it('runs each command where the victim’s tool would', () => {
    assert.equal(declaringFolder('package.json'), '');
    assert.equal(declaringFolder('task/api/package.json'), 'task/api');
    assert.equal(declaringFolder('node_modules/evil/package.json'), 'node_modules/evil');
    assert.equal(declaringFolder('task/.vscode/tasks.json'), 'task');
    assert.equal(declaringFolder('.git/hooks/post-checkout'), '');
    assert.equal(declaringFolder('app/.husky/pre-commit'), 'app');
  });
});
