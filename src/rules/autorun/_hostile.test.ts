import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runRuleOn } from '../../testing/rule-tester.js';
import { rules } from './index.js';

// Regression: `[ \t]{100,}(?=\S)`-style regexes backtrack quadratically on a long blank run that ends its line
// (30k blanks took 3.6 s; 2 MB would hang the scan). Every autorun rule must stay linear on such input.
const blank = ' '.repeat(300_000);
const files: Record<string, string> = {
  '.vscode/tasks.json': `{"tasks":[{"label":"x","command":"echo${blank}\\n","osx":{"command":"${'curl -o a '.repeat(3000)}"},"runOptions":{"runOn":"folderOpen"}}]}${blank}\n`,
  '.vscode/settings.json': `{"terminal.integrated.hideOnStartup":"always",${blank}\n"git.path":"./x"}`,
  'package.json': `{"scripts":{"postinstall":"${'npm run a && '.repeat(500)}","a":"node -e \\"${'x'.repeat(50_000)}\\"${blank}"}}`,
  '.git/config': `[core]\n\tfsmonitor = ${'x '.repeat(50_000)}\n${blank}\n`,
  '.git/hooks/pre-commit': `echo a\n${blank}\n`.repeat(3),
  '.npmrc': `${'\n'.repeat(200_000)}node-options=${blank}\n`,
};

describe('autorun rules on hostile input', () => {
  for (const rule of rules) {
    it(`${rule.id} stays fast and does not crash`, () => {
      const t = performance.now();
      const r = runRuleOn(rule, { files });
      assert.deepEqual(r.errors, []);
      assert.ok(performance.now() - t < 20_000, `${rule.id} took ${Math.round(performance.now() - t)} ms`);
    });
  }
});
