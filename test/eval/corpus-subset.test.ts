// CI-sized slice of the evaluation corpus: real attacker samples of different shapes and benign look-alikes, with the
// verdicts the product must give. A rule change that loses one of these detections or adds a false positive fails CI.
// The full figures come from `npm run eval`. Reads ../shared/corpus (never copied into the repo, never executed);
// skips with a message when the corpus is absent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusAvailable, loadZipSamples, readPassword, resolveCorpusDir, type Sample } from '../../scripts/eval-corpus.js';
import { where, type SampleResult } from '../../scripts/eval-metrics.js';
import { loadScanner, scanSample, scannerOpens, type RunContext } from '../../scripts/eval-run.js';

/** Target expectations: malicious samples must be called `malicious`; benign ones must be neither malicious nor suspicious. */
const SUBSET: { id: string; expect: 'malicious' | 'clean'; shape: string }[] = [
  { id: 'pr-tailwindadmin', expect: 'malicious', shape: 'PolinRider loader appended after whitespace in tailwind.config.js' },
  { id: 'ci-ecom-task-dredsoft-v1', expect: 'malicious', shape: 'atob(env) URL fetched, run via new (Function.constructor)("require", s)' },
  { id: 'ci-petshop-of-horrors', expect: 'malicious', shape: '.vscode/tasks.json folderOpen runs a "font" that is JavaScript' },
  { id: 'npm-sonatype-collection/lodashs', expect: 'malicious', shape: 'typosquat package: preinstall runs a host-fingerprint exfiltration script' },
  { id: 'hardneg-mern-ecommerce-axhamit', expect: 'clean', shape: 'the public MERN template lures are cloned from' },
  { id: 'bn-detect-provider', expect: 'clean', shape: 'MetaMask provider detection library' },
  { id: 'bn-esbuild', expect: 'clean', shape: 'legitimate postinstall that fetches a platform binary' },
];

const corpus = resolveCorpusDir();

function explain(r: SampleResult): string {
  const top = r.findings.map((f) => `    ${f.rule} ${f.file}:${f.line} ${f.severity}/${f.confidence}: ${f.message.slice(0, 140)}`).join('\n');
  return `${r.id}: verdict ${r.verdict} (score ${r.score})${r.error ? `, error: ${r.error}` : ''}\n${top || '    (no findings)'}`;
}

if (!corpusAvailable(corpus)) {
  describe('corpus subset', () => {
    it(`skipped: no evaluation corpus at ${corpus} (set LURESCAN_CORPUS to run it)`, { skip: `corpus not found at ${corpus}` }, () => {});
  });
} else {
  const byId = new Map(loadZipSamples(corpus).map((s) => [s.id, s]));
  const password = readPassword(corpus);
  let ctx: RunContext | undefined;
  const context = async (first: Sample): Promise<RunContext> => {
    if (ctx) return ctx;
    const api = await loadScanner('src');
    // Same route as `npm run eval`: the scanner's own zip input once it has one, unzip into a temp folder until then.
    const zipMode = (await scannerOpens(api, first.location, password)) ? 'native' : 'extract';
    ctx = { api, password, zipMode, tgzMode: 'extract', threads: 0 };
    return ctx;
  };

  describe('corpus subset (expected verdicts)', () => {
    for (const c of SUBSET) {
      it(`${c.id} is ${c.expect === 'malicious' ? 'malicious' : 'neither malicious nor suspicious'} (${c.shape})`, { timeout: 120_000 }, async () => {
        const sample = byId.get(c.id);
        assert.ok(sample, `${c.id} is not in ${corpus}/manifest.json`);
        const r = await scanSample(sample, await context(sample));
        assert.notEqual(r.verdict, 'error', explain(r));
        if (c.expect === 'malicious') assert.equal(r.verdict, 'malicious', `missed: ${explain(r)}`);
        else assert.equal(r.verdict, 'clean', `false positive (${where(r.top)}): ${explain(r)}`);
      });
    }
  });
}
