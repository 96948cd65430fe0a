import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FileFacts, ProjectView } from '../core/inputs.js';
import { defineRule, type AnyRule, type RuleMeta } from '../core/rule.js';
import { factsBeforeAnalysis, runProjectRules, runProjectRulesEarly } from './project.js';

const meta: RuleMeta = { kind: 'threat', category: 'execution', severity: 'high', confidence: 'high', summary: 's', why: 'w', fix: 'f', falsePositives: 'p', references: [], status: 'stable' };
/** A project rule that reports one finding per file it accepts, and counts its runs. */
function rule(id: string, accept: (f: FileFacts) => boolean, runs: string[]): AnyRule {
  return defineRule({
    id,
    meta,
    input: 'project',
    check(ctx, view) {
      runs.push(id);
      for (const f of view.files) if (accept(f)) ctx.report({ file: f.path, at: { line: 1 }, message: `${id} ${f.path}` });
    },
  }) as AnyRule;
}

const text = (p: string) => (p.endsWith('.json') ? '{"name":"x"}\n' : 'console.log(1)\n');
const full = (path: string, kind: FileFacts['kind']): FileFacts => ({ ...factsBeforeAnalysis(path, 15), path, ext: path.slice(path.lastIndexOf('.')), kind, size: 15, isText: true, lineCount: 1, maxLineLength: 14, vendored: false, minified: false });

describe('project rules during the analysis (runProjectRulesEarly)', () => {
  const paths = ['package.json', 'src/a.js', 'node_modules/x/index.js'];

  it('a rule that reads only paths, extensions and vendored runs once, early; one that reads a content fact runs again with the full facts', async () => {
    const runs: string[] = [];
    const byPath = rule('by-path', (f) => f.ext === '.js' && !f.vendored, runs);
    const byKind = rule('by-kind', (f) => f.kind === 'js', runs);
    // Catches what it reads, as a careless rule might: it must still not be trusted with the early run.
    const swallows = rule('swallows', (f) => { try { return f.minified === false && f.path === 'src/a.js'; } catch { return true; } }, runs);
    const rules = [byKind, byPath, swallows];
    const early = await runProjectRulesEarly(rules, { files: paths.map((p) => factsBeforeAnalysis(p, 15)), readText: text, autorun: [] });
    assert.deepEqual([...early.done.keys()].map((r) => r.id), ['by-path']);
    const view: ProjectView = { files: [full('package.json', 'json'), full('src/a.js', 'js'), { ...full('node_modules/x/index.js', 'js'), vendored: true }], readText: text, autorun: [] };
    const out = runProjectRules(rules, view, early);
    assert.deepEqual(runs, ['by-kind', 'by-path', 'swallows', 'by-kind', 'swallows'], 'by-path is not run twice');
    // In rule order, the early findings in their place; the deferred rules saw the real kinds.
    assert.deepEqual(out.findings.map((f) => f.message), ['by-kind src/a.js', 'by-kind node_modules/x/index.js', 'by-path src/a.js', 'swallows src/a.js']);
    assert.deepEqual(out.errors, []);
  });

  it('gives the same findings as running every rule after the analysis', async () => {
    const mk = () => { const runs: string[] = []; return [rule('a', (f) => f.path.endsWith('.json'), runs), rule('b', (f) => f.kind === 'json', runs)]; };
    const view: ProjectView = { files: [full('package.json', 'json'), full('src/a.js', 'js')], readText: text, autorun: [] };
    const rulesEarly = mk();
    const early = await runProjectRulesEarly(rulesEarly, { ...view, files: view.files.map((f) => factsBeforeAnalysis(f.path, f.size)) });
    assert.deepEqual(runProjectRules(rulesEarly, view, early), runProjectRules(mk(), view));
  });

  it('facts before the analysis: path, extension, size and vendored as computeFacts gives them', () => {
    const f = factsBeforeAnalysis('node_modules/.bin/x.min.js', 42);
    assert.equal(f.ext, '.js');
    assert.equal(f.size, 42);
    assert.equal(f.vendored, true);
    assert.equal(factsBeforeAnalysis('.gitignore', 1).ext, '');
    assert.throws(() => f.kind);
  });
});
