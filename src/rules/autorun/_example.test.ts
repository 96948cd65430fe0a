import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readExampleLure } from '../../testing/example-lure.js';
import { runRuleOn } from '../../testing/rule-tester.js';
import { rules } from './index.js';

// The bundled example lure, end to end through the autorun rules: what a user sees for each way it starts.
const tree = readExampleLure();

function findingsOf(id: string) {
  const rule = rules.find((r) => r.id === id)!;
  const r = runRuleOn(rule, { files: tree });
  assert.deepEqual(r.errors, []);
  return r.findings.map((f) => `${f.file}:${f.line} ${f.severity}/${f.confidence}`);
}

describe('autorun rules on examples/take-home-lure', () => {
  it('flags the hidden folder-open task once, at its first dangerous command', () => {
    assert.deepEqual(findingsOf('vscode-folder-open-task'), ['.vscode/tasks.json:8 critical/high']);
  });
  it('flags both fetch-and-run variants and the fake font', () => {
    assert.deepEqual(findingsOf('autorun-pipes-download-to-shell'), ['.vscode/tasks.json:8 critical/high', '.vscode/tasks.json:9 critical/high']);
    assert.deepEqual(findingsOf('autorun-runs-non-js-file'), ['.vscode/tasks.json:10 critical/high']);
  });
  it('flags postinstall starting the app', () => {
    assert.deepEqual(findingsOf('lifecycle-script-fetch-or-spawn'), ['package.json:6 high/high']);
  });
  it('reports nothing for git or settings the example does not ship', () => {
    assert.deepEqual(findingsOf('git-config-executes'), []);
    assert.deepEqual(findingsOf('vscode-settings-hide-or-run'), []);
  });
});
