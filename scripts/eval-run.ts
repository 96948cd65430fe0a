/**
 * Scans one corpus sample through the library API and reduces the report to a SampleResult. Shared by `npm run eval`
 * and the CI-sized corpus test.
 */
import { join } from 'node:path';
import type { Report, ScanOptions } from '../src/index.js';
import type { OpenOptions, Target } from '../src/targets/index.js';
import { makeTempDir, removeDir, unwrapSingleFolder, untarTo, unzipTo, type Sample } from './eval-corpus.js';
import type { FindingBrief, SampleResult } from './eval-metrics.js';

export type InputMode = 'native' | 'extract';

/** The scanner under test: the sources (through tsx) or the built dist/ (worker threads work there). */
export interface ScannerApi {
  scan(target: string, options?: ScanOptions): Promise<Report>;
  openTarget(spec: string, opts?: OpenOptions): Promise<Target>;
  allRules: readonly unknown[];
  version: string;
  from: 'src' | 'dist';
}

export async function loadScanner(from: 'src' | 'dist'): Promise<ScannerApi> {
  const base = from === 'dist' ? '../dist' : '../src';
  const ext = from === 'dist' ? '.js' : '.ts';
  const lib = (await import(`${base}/index${ext}`)) as typeof import('../src/index.js');
  const targets = (await import(`${base}/targets/index${ext}`)) as typeof import('../src/targets/index.js');
  const version = (await import(`${base}/api/version${ext}`)) as typeof import('../src/api/version.js');
  return { scan: lib.scan, openTarget: targets.openTarget, allRules: lib.allRules, version: version.TOOL_VERSION, from };
}

export interface RunContext {
  api: ScannerApi;
  password: string;
  /** How corpus zips / npm tarballs reach the scanner. */
  zipMode: InputMode;
  tgzMode: InputMode;
  /** Worker threads per scan (0 = in-process; undefined = the scanner's own choice by size). */
  threads?: number;
  /** pypi-malicious-dev.zip decrypted once, shared by every PyPI sample. */
  pypiRoot?: string;
  /** npm spec → cached tarball (or the reason it is missing). */
  tarballs?: Map<string, { ok: true; path: string } | { ok: false; error: string }>;
  /** Temp folders alive right now, so an interrupt can remove them. */
  live?: Set<string>;
}

const FINDINGS_KEPT = 5;

/**
 * Whether the scanner opens this archive itself (a zip/tar target) rather than treating it as one opaque file.
 * Asks the target layer directly, so the eval switches to in-place scanning as soon as that input lands.
 */
export async function scannerOpens(api: ScannerApi, archive: string, password: string): Promise<boolean> {
  try {
    const t = await api.openTarget(archive, { password });
    try {
      return t.kind !== 'file' && t.files.length > 0;
    } finally {
      await t.cleanup();
    }
  } catch {
    return false;
  }
}

export async function scanSample(sample: Sample, ctx: RunContext): Promise<SampleResult> {
  const started = performance.now();
  const base = { id: sample.id, label: sample.label, group: sample.group, source: sample.source };
  let temp: string | undefined;
  try {
    let target: string;
    if (sample.source === 'zip') {
      if (ctx.zipMode === 'native') target = sample.location;
      else {
        temp = track(ctx, makeTempDir(sample.id));
        await unzipTo(sample.location, temp, ctx.password);
        target = unwrapSingleFolder(temp);
      }
    } else if (sample.source === 'pypi') {
      if (!ctx.pypiRoot) throw new Error('PyPI archive not decrypted');
      target = unwrapSingleFolder(join(ctx.pypiRoot, sample.folder!));
    } else {
      const tb = ctx.tarballs?.get(sample.location);
      if (!tb) return skipped(base, started, 'tarball not fetched');
      if (!tb.ok) return skipped(base, started, tb.error);
      if (ctx.tgzMode === 'native') target = tb.path;
      else {
        temp = track(ctx, makeTempDir(sample.id));
        await untarTo(tb.path, temp);
        target = unwrapSingleFolder(temp);
      }
    }
    const report = await ctx.api.scan(target, { password: ctx.password, threads: ctx.threads });
    return fromReport(base, report, Math.round(performance.now() - started));
  } catch (e) {
    return unscanned(base, started, 'error', (e as Error)?.message ?? String(e));
  } finally {
    if (temp) {
      removeDir(temp);
      ctx.live?.delete(temp);
    }
  }
}

function track(ctx: RunContext, dir: string): string {
  ctx.live?.add(dir);
  return dir;
}

function skipped(base: Pick<SampleResult, 'id' | 'label' | 'group' | 'source'>, started: number, why: string): SampleResult {
  return unscanned(base, started, 'skipped', why);
}

/** A sample that produced no report: an error (counts as a miss) or a skip (left out of the rates). */
function unscanned(base: Pick<SampleResult, 'id' | 'label' | 'group' | 'source'>, started: number, verdict: 'error' | 'skipped', why: string): SampleResult {
  return {
    ...base,
    verdict,
    score: null,
    top: null,
    findings: [],
    ruleHits: {},
    durationMs: Math.round(performance.now() - started),
    scanMs: 0,
    files: 0,
    bytes: 0,
    scanErrors: 0,
    error: why,
  };
}

export function fromReport(base: Pick<SampleResult, 'id' | 'label' | 'group' | 'source'>, report: Report, durationMs: number): SampleResult {
  const brief = (f: Report['findings'][number]): FindingBrief => ({
    rule: f.ruleId,
    file: f.file,
    line: f.line,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
  });
  const ruleHits: Record<string, number> = {};
  for (const f of report.findings) ruleHits[f.ruleId] = (ruleHits[f.ruleId] ?? 0) + 1;
  const findings = report.findings.slice(0, FINDINGS_KEPT).map(brief);
  return {
    ...base,
    verdict: report.verdict,
    score: report.score,
    top: findings[0] ?? null,
    findings,
    ruleHits,
    durationMs,
    scanMs: report.stats.durationMs,
    files: report.stats.files,
    bytes: report.stats.bytes,
    scanErrors: report.errors.length,
    ...(report.errors.length ? { scanErrorSamples: report.errors.slice(0, 3).map((e) => ({ path: e.path, message: e.message })) } : {}),
  };
}

/** Runs `fn` over `items`, `limit` at a time, keeping the input order in the output. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
