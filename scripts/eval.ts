/**
 * `npm run eval`: scans the evaluation corpus (../shared/corpus) through the library API and writes
 * evals/REPORT.md and evals/report.json. Progress on stderr, the table on stdout.
 *
 *   npm run eval -- [--corpus DIR] [--cache DIR] [--compare PREV.json] [--only SUBSTR] [--no-npm] [--no-pypi]
 *                   [--offline] [--zip-mode auto|native|extract] [--parallel 2] [--threads N] [--out DIR | --no-write]
 *
 * Exit codes: 0 done (no regression), 1 regression against --compare, 2 usage error or corpus missing.
 * Nothing from the corpus is executed: zips are decrypted with unzip into temp folders deleted after each scan, npm
 * tarballs come from `npm pack --ignore-scripts` and are only unpacked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  corpusAvailable,
  defaultCacheDir,
  fetchNpmTarballs,
  loadNpmSamples,
  loadPypiSamples,
  loadZipSamples,
  makeTempDir,
  readPassword,
  removeDir,
  resolveCorpusDir,
  unzipTo,
  type Sample,
} from './eval-corpus.js';
import { buildReport, compareReports, renderComparison, renderMarkdown, renderText, type EvalReport, type SampleResult } from './eval-metrics.js';
import { loadScanner, mapLimit, scanSample, scannerOpens, type InputMode, type RunContext } from './eval-run.js';

const USAGE = `usage: npm run eval -- [options]
  --corpus DIR         corpus folder (default: LURESCAN_CORPUS or ../shared/corpus)
  --cache DIR          npm tarball cache (default: $XDG_CACHE_HOME/lurescan/eval or ~/.cache/lurescan/eval)
  --compare PREV.json  print new misses / new false positives against a previous report.json; exit 1 on regression
  --only SUBSTR        only samples whose id contains SUBSTR (report not written unless --out is given)
  --no-npm             skip the benign npm packages
  --no-pypi            skip the PyPI samples
  --offline            never run npm pack; packages missing from the cache are skipped
  --zip-mode MODE      auto (default: the scanner's own zip/tgz input when it has one), native, extract
  --parallel N         samples scanned at once (default 2)
  --dist               scan with the built library (dist/, run \`npm run build\` first) instead of src/ through tsx
  --threads N          worker threads for every scan (default: the scanner's choice; 0 = in-process, no timeout)
  --out DIR            where REPORT.md and report.json go (default evals/)
  --no-write           print only`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        cache: { type: 'string' },
        compare: { type: 'string' },
        only: { type: 'string' },
        'no-npm': { type: 'boolean', default: false },
        'no-pypi': { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        'zip-mode': { type: 'string', default: 'auto' },
        parallel: { type: 'string', default: '2' },
        threads: { type: 'string' },
        dist: { type: 'boolean', default: false },
        out: { type: 'string' },
        'no-write': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const zipModeArg = args['zip-mode']!;
  if (!['auto', 'native', 'extract'].includes(zipModeArg)) {
    process.stderr.write(`--zip-mode must be auto, native or extract\n`);
    return 2;
  }
  const parallel = Math.max(1, Number(args.parallel) || 2);
  // By default the scanner decides, as for a user: small samples in-process, larger ones on its worker pool (whose
  // per-file timeout stops a file that would hang the run). An explicit --threads N applies to every sample, and
  // starting a pool per sample costs seconds under tsx.
  const threads = args.threads !== undefined && Number.isFinite(Number(args.threads)) ? Math.max(0, Number(args.threads)) : undefined;
  if (args.dist && !existsSync(join(REPO_ROOT, 'dist/index.js'))) {
    process.stderr.write('eval: --dist needs a build: run `npm run build` first\n');
    return 2;
  }
  const api = await loadScanner(args.dist ? 'dist' : 'src');

  const corpus = resolveCorpusDir(args.corpus);
  if (!corpusAvailable(corpus)) {
    process.stderr.write(`eval: no corpus at ${corpus} (manifest.json missing); set --corpus or LURESCAN_CORPUS\n`);
    return 2;
  }
  let prev: EvalReport | undefined;
  if (args.compare) {
    try {
      prev = JSON.parse(readFileSync(args.compare, 'utf8')) as EvalReport;
    } catch (e) {
      process.stderr.write(`eval: cannot read ${args.compare}: ${(e as Error).message}\n`);
      return 2;
    }
  }

  const password = readPassword(corpus);
  const cacheDir = resolve(args.cache ?? defaultCacheDir());
  let samples: Sample[] = [...loadZipSamples(corpus)];
  if (!args['no-pypi']) samples.push(...loadPypiSamples(corpus));
  if (!args['no-npm']) samples.push(...loadNpmSamples(corpus));
  if (args.only) samples = samples.filter((s) => s.id.includes(args.only!));
  if (!samples.length) {
    process.stderr.write(`eval: no sample matches\n`);
    return 2;
  }

  const started = performance.now();
  const live = new Set<string>();
  const onSignal = () => {
    for (const d of live) removeDir(d);
    process.stderr.write('\neval: interrupted, temp folders removed\n');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // How archives reach the scanner: its own zip/tgz input when it has one, else decrypt/unpack into a temp folder.
  const firstZip = samples.find((s) => s.source === 'zip');
  const zipMode: InputMode =
    zipModeArg === 'auto' ? (firstZip && (await scannerOpens(api, firstZip.location, password)) ? 'native' : 'extract') : (zipModeArg as InputMode);

  const ctx: RunContext = { api, password, zipMode, tgzMode: 'extract', threads, live };
  try {
    const npmSamples = samples.filter((s) => s.source === 'npm');
    if (npmSamples.length) {
      const bar = progress(`fetch npm (cache ${cacheDir})`, npmSamples.length);
      const fetched = await fetchNpmTarballs(
        npmSamples.map((s) => s.location),
        cacheDir,
        { concurrency: 4, offline: args.offline, onDone: (o) => bar.tick(`${o.spec}${o.ok ? '' : ` FAILED: ${o.error}`}`) },
      );
      bar.done();
      ctx.tarballs = fetched;
      const firstTgz = [...fetched.values()].find((o) => o.ok);
      if (firstTgz?.ok && zipModeArg !== 'extract') ctx.tgzMode = (await scannerOpens(api, firstTgz.path, password)) ? 'native' : 'extract';
      if (zipModeArg === 'native') ctx.tgzMode = 'native';
    }
    if (samples.some((s) => s.source === 'pypi')) {
      ctx.pypiRoot = makeTempDir('pypi');
      live.add(ctx.pypiRoot);
      await unzipTo(join(corpus, 'pypi-malicious-dev.zip'), ctx.pypiRoot, password);
    }
    process.stderr.write(`eval: ${samples.length} samples, zips ${ctx.zipMode === 'native' ? 'in place' : 'via unzip'}, tarballs ${ctx.tgzMode === 'native' ? 'in place' : 'via tar'}, ${parallel} at a time\n`);

    const bar = progress('scan', samples.length);
    const results: SampleResult[] = await mapLimit(samples, parallel, async (s) => {
      const r = await scanSample(s, ctx);
      bar.tick(`${s.id} ${r.verdict}${r.score !== null ? ` ${r.score}` : ''} ${r.durationMs} ms`);
      return r;
    });
    bar.done();

    const report = buildReport(
      results,
      {
        generatedAt: new Date().toISOString(),
        commit: gitCommit(),
        toolVersion: api.version,
        ruleCount: api.allRules.length,
        corpus: relative(REPO_ROOT, corpus) || '.',
        mode: { zip: ctx.zipMode, tgz: ctx.tgzMode, parallel, threads: threads ?? 'auto', scanner: api.from },
        selection: { only: args.only, npm: !args['no-npm'], pypi: !args['no-pypi'] },
      },
      Math.round(performance.now() - started),
    );
    process.stdout.write(`${renderText(report)}\n`);

    const outDir = args['no-write'] ? undefined : args.out ? resolve(args.out) : args.only ? undefined : join(REPO_ROOT, 'evals');
    if (outDir) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
      writeFileSync(join(outDir, 'REPORT.md'), renderMarkdown(report));
      process.stderr.write(`eval: wrote ${relative(process.cwd(), join(outDir, 'REPORT.md'))} and report.json\n`);
    } else if (args.only && !args['no-write']) {
      process.stderr.write('eval: partial run (--only): report not written; pass --out DIR to keep it\n');
    }

    if (prev) {
      const c = compareReports(prev, report);
      process.stdout.write(`\nCompared with ${args.compare} (${prev.commit ?? '?'}):\n${renderComparison(c)}\n`);
      if (c.regression) return 1;
    }
    return 0;
  } finally {
    for (const d of live) removeDir(d);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha}+uncommitted-src` : sha;
  } catch {
    return 'unknown';
  }
}

/** A bar on a TTY; otherwise one line per item, so logs show where a long run is. */
function progress(title: string, total: number) {
  const tty = process.stderr.isTTY === true && process.env.TERM !== 'dumb';
  let done = 0;
  if (!tty) process.stderr.write(`${title}: ${total}\n`);
  return {
    tick(what: string) {
      done++;
      if (tty) {
        const width = 24;
        const fill = Math.round((done / total) * width);
        const cols = process.stderr.columns ?? 100;
        const line = `${title} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} ${what}`;
        process.stderr.write(`\r\u001b[2K${line.slice(0, cols - 1)}`);
      } else process.stderr.write(`  ${done}/${total} ${what}\n`);
    },
    done() {
      if (tty) process.stderr.write('\r\u001b[2K');
    },
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`eval: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
