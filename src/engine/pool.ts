import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ScanError } from '../core/report.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile, type FileResult } from './analyze-file.js';
import { readFileForScan } from '../targets/read.js';

export interface FileRef {
  rel: string;
  abs: string;
  size: number;
  /** An autorun entry runs it with node although its name is not .js: parse it as JavaScript (if it is text). */
  parseAsJs?: boolean;
}
export interface RuleSelection {
  only?: string[];
  disable?: string[];
}
export interface BatchTask {
  files: FileRef[];
  maxFileBytes: number;
  ruleSelection: RuleSelection;
}
export type BatchOutcome = { rel: string; result: FileResult } | { rel: string; error: string };

export interface RunOptions {
  maxFileBytes: number;
  ruleSelection: RuleSelection;
  /** Per-file wall-clock budget; a file that exceeds it is reported, never waited on forever. */
  fileTimeoutMs: number;
  /** Worker heap cap: a hostile file that balloons memory kills its worker, not the scan. */
  workerHeapMb: number;
  threads?: number;
  onProgress?: (doneBytes: number, doneFiles: number) => void;
}

const BATCH_FILES = 64;
const BATCH_BYTES = 4 << 20;

/** A tree this small is analysed by a single worker thread. */
const SMALL_TREE_BYTES = 1 << 20;
const SMALL_TREE_FILES = 200;

export async function analyzeFiles(files: FileRef[], opts: RunOptions): Promise<{ results: FileResult[]; errors: ScanError[] }> {
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  // In-process only when asked (threads: 0): there a hostile file that makes a rule spin cannot be stopped. Small
  // trees get one worker, whose start costs less than the second one would save.
  if (opts.threads === 0) return analyzeInProcess(files, opts);
  if (opts.threads === undefined && totalBytes <= SMALL_TREE_BYTES && files.length <= SMALL_TREE_FILES) {
    return analyzeInPool(files, { ...opts, threads: 1 });
  }
  return analyzeInPool(files, opts);
}

function analyzeInProcess(files: FileRef[], opts: RunOptions) {
  const rules = selectRules(opts.ruleSelection);
  const results: FileResult[] = [];
  const errors: ScanError[] = [];
  let bytes = 0;
  for (const f of files) {
    const read = readFileForScan(f.abs, opts.maxFileBytes);
    if (!read.ok) errors.push({ path: f.rel, message: read.error });
    else results.push(analyzeFile(f.rel, read.bytes, rules, { parseAsJs: f.parseAsJs }));
    bytes += f.size;
    opts.onProgress?.(bytes, results.length + errors.length);
  }
  return { results, errors };
}

function workerFilename(): string {
  // Under tsx (tests, dev) this module is .ts and so is the worker; built, both are .js.
  const self = import.meta.url;
  return fileURLToPath(new URL(self.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', self));
}

function batches(files: FileRef[]): FileRef[][] {
  const out: FileRef[][] = [];
  let cur: FileRef[] = [];
  let curBytes = 0;
  // Largest first so one big bundle does not finish last on an otherwise idle pool.
  const sorted = [...files].sort((a, b) => b.size - a.size);
  for (const f of sorted) {
    if (cur.length && (cur.length >= BATCH_FILES || curBytes + f.size > BATCH_BYTES)) {
      out.push(cur);
      cur = [];
      curBytes = 0;
    }
    cur.push(f);
    curBytes += f.size;
  }
  if (cur.length) out.push(cur);
  return out;
}

async function analyzeInPool(files: FileRef[], opts: RunOptions) {
  const threads = Math.max(1, opts.threads ?? Math.min(availableParallelism(), 4));
  const pool = new Piscina({
    filename: workerFilename(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: opts.workerHeapMb },
  });
  const results: FileResult[] = [];
  const errors: ScanError[] = [];
  // A worker that dies outside a task (out of memory while idle, a native crash) is an 'error' event: without a
  // listener it would end the whole process. It is recorded instead, and the scan is marked incomplete.
  pool.on('error', (e: Error) => errors.push({ path: '(worker)', message: `a worker thread failed: ${e?.message ?? e}` }));
  let doneBytes = 0;
  let doneFiles = 0;
  // A task's timeout runs from submission, so only `threads` tasks are in flight: queued ones must not expire waiting
  // (on a 1 GB tree every file was reported as timed out).
  let free = threads;
  const waiting: (() => void)[] = [];
  const runLimited = async (task: BatchTask, timeoutMs: number): Promise<BatchOutcome[]> => {
    if (free > 0) free--;
    else await new Promise<void>((r) => waiting.push(r));
    try {
      return await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) });
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
  const runBatch = async (batch: FileRef[], timeoutMs: number): Promise<void> => {
    const task: BatchTask = { files: batch, maxFileBytes: opts.maxFileBytes, ruleSelection: opts.ruleSelection };
    try {
      const outcomes: BatchOutcome[] = await runLimited(task, timeoutMs);
      for (const o of outcomes) {
        if ('error' in o) errors.push({ path: o.rel, message: o.error });
        else results.push(o.result);
      }
      doneFiles += batch.length;
      doneBytes += batch.reduce((n, f) => n + f.size, 0);
      opts.onProgress?.(doneBytes, doneFiles);
    } catch (e) {
      if (batch.length > 1) {
        // Find the culprit: rerun one by one, so the other files of the batch are still examined.
        await Promise.all(batch.map((f) => runBatch([f], budgetMs([f], opts.fileTimeoutMs))));
        return;
      }
      const why = (e as Error)?.name === 'AbortError' || /abort/i.test(String(e)) ? `analysis exceeded ${timeoutMs} ms and was stopped` : `analysis failed: ${(e as Error)?.message ?? e}`;
      errors.push({ path: batch[0]!.rel, message: why });
      doneFiles += 1;
      doneBytes += batch[0]!.size;
      opts.onProgress?.(doneBytes, doneFiles);
    }
  };
  try {
    await Promise.all(batches(files).map((b) => runBatch(b, budgetMs(b, opts.fileTimeoutMs))));
  } finally {
    await pool.destroy();
  }
  return { results, errors };
}

/**
 * Wall-clock budget for a batch: the per-file base (bounded, since batches hold many tiny files) plus time for size,
 * at a pessimistic 0.25 MB/s — a 9 MB typescript.js on a loaded 2-core machine must not count as a hang.
 */
function budgetMs(batch: FileRef[], baseMs: number): number {
  const bytes = batch.reduce((n, f) => n + f.size, 0);
  return baseMs * Math.min(batch.length, 8) + Math.ceil((bytes / (1 << 20)) * 4000);
}

/** Re-exported for tests that want the same single-file path the workers use. */
export { analyzeFile };
