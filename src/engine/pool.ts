import type { MessagePort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import { tuneWorkerV8, newPool, takePrestarted } from './prestart.js';
import { defaultThreads, HEAVY_FILE_BYTES, HEAVY_HEAP_MB, isSmallTree, lightHeapMb } from './memory-plan.js';
import type { ScanError, Skipped } from '../core/report.js';
import type { AnyRule } from '../core/rule.js';
import { selectRules } from '../rules/index.js';
import { analyzeFile, analyzeFileLoadingPython, PARSE_MAX_BYTES, type FileResult } from './analyze-file.js';
import { readFileForScan, readFileHead } from '../targets/read.js';
import { deobfuscationInput, deobfuscatorPort, PREDECODE_MAX, predecodeDeobfuscation, warmDeobfuscator } from '../analyzers/js/deobfuscate.js';
import { isVendoredPath } from '../analyzers/file-facts.js';
import { OBFUSCATOR_HINT } from '../analyzers/js/obfuscation.js';

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
  parseMaxBytes: number;
  ruleSelection: RuleSelection;
  /** Where this batch's deobfuscations go (the main thread's helper and its warm children). */
  deob?: MessagePort;
}
export type BatchOutcome = { rel: string; result: FileResult } | { rel: string; error: string };

export interface RunOptions {
  maxFileBytes: number;
  ruleSelection: RuleSelection;
  /** Per-file wall-clock budget; a file that exceeds it is reported, never waited on forever. */
  fileTimeoutMs: number;
  /** Files over this many bytes are analysed reduced (see AnalyzeOptions.parseMaxBytes). */
  parseMaxBytes?: number;
  /**
   * Files whose reduced analysis makes the scan incomplete even when vendored (the autorun map's targets): what runs
   * by itself must be examined whole, or the report says it was not.
   */
  mustBeWhole?: ReadonlySet<string>;
  threads?: number;
  onProgress?: (doneBytes: number, doneFiles: number) => void;
}

export interface RunResult {
  results: FileResult[];
  errors: ScanError[];
  /** Files analysed reduced in vendored code: listed with what was not examined; the scan stays complete. */
  skipped: Skipped[];
}

export interface EngineOptions {
  /** Worker threads; 0 analyses in-process (a file that makes a rule spin cannot be stopped: trusted inputs only). */
  threads?: number;
  /** Overrides every worker's heap cap (MB): tests of the out-of-memory path. */
  heapMb?: number;
}

const BATCH_FILES = 64;
const BATCH_BYTES = 4 << 20;

interface Lane {
  pool: Piscina;
  threads: number;
  free: number;
  heavy: boolean;
  heapMb: number;
}

/**
 * The per-file analysis engine. Start it before walking the target so the worker threads load the rules while the
 * main thread lists files and builds the autorun map (on a small tree, start-up is most of the wall time).
 */
export class Engine {
  private readonly lanes: Lane[] = [];
  private readonly threads: number;
  private readonly failures: ScanError[] = [];
  private closed = false;
  private prepared = false;
  /** Files whose deobfuscation prepare() started ahead (rel paths): analysed last, together (see batches). */
  private readonly predecoded = new Set<string>();

  private readonly heapMb?: number;
  /** Heavy files handed to the heavy lane while the target was still unpacking (see early()), by path. */
  private readonly earlyRuns = new Map<string, { lane: Lane; file: FileRef; run: BatchRun }>();

  private constructor(threads: number, heapMb?: number) {
    this.threads = threads;
    this.heapMb = heapMb;
    if (threads > 0) this.lanes.push(this.makeLane(1, true));
  }

  static start(opts: EngineOptions = {}): Engine {
    const threads = Math.max(0, Math.floor(opts.threads ?? defaultThreads()));
    tuneWorkerV8(threads);
    return new Engine(threads, opts.heapMb);
  }

  private makeLane(threads: number, heavy: boolean): Lane {
    const heapMb = this.heapMb ?? (heavy ? HEAVY_HEAP_MB : lightHeapMb(this.threads));
    // The heavy lane's worker may already be loading (bin/lurescan.js started it before the CLI: see prestart.ts).
    const early = threads === 1 && heavy ? takePrestarted(heapMb) : undefined;
    const pool = early?.pool ?? newPool(threads, heapMb);
    // A worker that dies outside a task (out of memory while idle, a native crash) is an 'error' event: without a
    // listener it would end the whole process. It is recorded instead, and the scan is marked incomplete.
    const failed = (e: Error) => this.failures.push({ path: '(worker)', message: `a worker thread failed: ${e?.message ?? e}` });
    early?.errors.forEach(failed);
    pool.on('error', failed);
    return { pool, threads, free: threads, heavy, heapMb };
  }

  /**
   * Call as soon as the file list is known (before the autorun map): the other workers a tree of this size needs
   * start loading now, and when the tree holds obfuscator.io output its deobfuscation starts now, on the main thread's
   * helper (see startDeobfuscation). run() does it itself if it was not called. Nothing with --threads 0.
   */
  prepare(files: FileRef[], opts: Pick<RunOptions, 'ruleSelection' | 'maxFileBytes'>): void {
    if (this.prepared || this.closed || this.threads === 0) return;
    this.prepared = true;
    this.expect(files.reduce((n, f) => n + f.size, 0), files.length);
    const rule = selectRules(opts.ruleSelection).find((r) => r.id === 'obfuscator-io');
    // A file early() started is already being analysed; its worker asks for its decode itself.
    const notStarted = this.earlyRuns.size ? files.filter((f) => !this.earlyRuns.has(f.rel)) : files;
    if (rule) for (const rel of startDeobfuscation(notStarted, opts.maxFileBytes, rule.appliesTo)) this.predecoded.add(rel);
  }

  /**
   * A file of the target, reported while the target is still being unpacked (a zip: see OpenOptions.onFile). A big
   * JavaScript file goes to the heavy lane now, so its worker analyses it during the unpack instead of idling until
   * the file list is complete (dex-staking's zip: its 2.3 MB bundle started ~0.2 s earlier); run() collects it. Only
   * files whose analysis cannot depend on the rest of the tree: JavaScript by name (parseAsJs is for other names) and
   * under the parse limit (mustBeWhole is for reduced files), one at a time, on an idle heavy lane. Whether it started.
   */
  early(file: FileRef, opts: Pick<RunOptions, 'maxFileBytes' | 'ruleSelection' | 'fileTimeoutMs' | 'parseMaxBytes'>): boolean {
    if (this.closed || this.prepared || this.threads === 0 || this.earlyRuns.size > 0 || !EARLY_NAME.test(file.rel)) return false;
    if (file.size <= HEAVY_FILE_BYTES || file.size > (opts.parseMaxBytes ?? PARSE_MAX_BYTES) || file.size > opts.maxFileBytes) return false;
    const lane = this.lanes.find((l) => l.heavy && l.free > 0);
    if (!lane) return false;
    this.earlyRuns.set(file.rel, { lane, file, run: this.runBatch(lane, [file], opts) });
    return true;
  }

  /**
   * The size of the tree, when known before its file list (a zip's central directory: OpenOptions.onSize): a tree
   * that is not small gets its other workers now, so they load while the archive unpacks.
   */
  expect(totalBytes: number, fileCount: number): void {
    if (this.closed || this.threads <= 1 || this.lanes.length !== 1 || isSmallTree(totalBytes, fileCount)) return;
    this.lanes.push(this.makeLane(this.threads - 1, false));
  }

  /** One batch on one lane's worker, with its time budget and a deobfuscator port; never rejects. */
  private runBatch(lane: Lane, batch: FileRef[], opts: Pick<RunOptions, 'maxFileBytes' | 'ruleSelection' | 'fileTimeoutMs' | 'parseMaxBytes'>): BatchRun {
    lane.free--;
    // The timeout starts when the batch is handed to an idle worker, never while it waits in a queue.
    const timeoutMs = budgetMs(batch, opts.fileTimeoutMs, opts.parseMaxBytes ?? PARSE_MAX_BYTES);
    const deob = deobfuscatorPort();
    const task: BatchTask = { files: batch, maxFileBytes: opts.maxFileBytes, parseMaxBytes: opts.parseMaxBytes ?? PARSE_MAX_BYTES, ruleSelection: opts.ruleSelection, deob: deob.port };
    return (lane.pool.run(task, { signal: AbortSignal.timeout(timeoutMs), transferList: [deob.port] }) as Promise<BatchOutcome[]>)
      .then(
        (outcomes) => ({ ok: true as const, outcomes }),
        (e: unknown) => ({ ok: false as const, why: failureReason(e, timeoutMs, lane.heapMb) }),
      )
      .finally(() => {
        deob.close();
        lane.free++;
      });
  }

  async run(files: FileRef[], opts: RunOptions): Promise<RunResult> {
    if (this.closed) throw new Error('engine already closed');
    const out = this.threads === 0 ? await this.runInProcess(files, opts) : await this.runInPool(files, opts);
    return sortOutReduced(out, opts.mustBeWhole);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.lanes.map((l) => l.pool.destroy()));
  }

  private async runInProcess(files: FileRef[], opts: RunOptions): Promise<{ results: FileResult[]; errors: ScanError[] }> {
    const rules = selectRules(opts.ruleSelection);
    const results: FileResult[] = [];
    const errors: ScanError[] = [];
    let bytes = 0;
    for (const f of files) {
      const read = readFileForScan(f.abs, opts.maxFileBytes);
      if (!read.ok) errors.push({ path: f.rel, message: read.error });
      // Cloned as a worker's result would be: a finding's evidence is often a slice of the file's text, and V8 keeps
      // the whole text alive behind a slice (in-process over a 300 MB tree: 750 MB instead of 300 MB).
      else results.push(structuredClone(await analyzeFileLoadingPython(f.rel, read.bytes, rules, { parseAsJs: f.parseAsJs, parseMaxBytes: opts.parseMaxBytes })));
      bytes += f.size;
      opts.onProgress?.(bytes, results.length + errors.length);
    }
    return { results, errors };
  }

  private async runInPool(files: FileRef[], opts: RunOptions): Promise<{ results: FileResult[]; errors: ScanError[] }> {
    this.prepare(files, opts);
    const results: FileResult[] = [];
    const errors = this.failures;
    const early = [...this.earlyRuns.values()].filter((e) => files.some((f) => f.rel === e.file.rel));
    const rest = early.length ? files.filter((f) => !this.earlyRuns.has(f.rel)) : files;
    const { heavy, light } = batches(rest, this.predecoded);
    let doneBytes = 0;
    let doneFiles = 0;
    let inFlight = 0;
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));

    const settle = (batch: FileRef[]) => {
      doneFiles += batch.length;
      doneBytes += batch.reduce((n, f) => n + f.size, 0);
      opts.onProgress?.(doneBytes, doneFiles);
    };
    const collect = (batch: FileRef[], run: BatchRun) => {
      inFlight++;
      void run
        .then((r) => {
          if (r.ok) {
            for (const o of r.outcomes) {
              if ('error' in o) errors.push({ path: o.rel, message: o.error });
              else results.push(o.result);
            }
          } else if (batch.length > 1) {
            // Find the culprit: the files go again one by one, so the others of the batch are still examined.
            for (const f of batch) (f.size > HEAVY_FILE_BYTES ? heavy : light).unshift([f]);
            return;
          } else {
            errors.push({ path: batch[0]!.rel, message: r.why });
          }
          settle(batch);
        })
        .finally(() => {
          inFlight--;
          pump();
        });
    };
    const start = (lane: Lane, batch: FileRef[]) => collect(batch, this.runBatch(lane, batch, opts));
    const pump = () => {
      for (const lane of this.lanes) {
        while (lane.free > 0) {
          // The heavy lane prefers heavy files (largest first); light lanes never take one.
          const batch = lane.heavy ? (heavy.shift() ?? light.shift()) : light.shift();
          if (!batch) break;
          start(lane, batch);
        }
      }
      if (inFlight === 0 && !heavy.length && !light.length) finish();
    };
    for (const e of early) collect([e.file], e.run);
    pump();
    await finished;
    return { results, errors };
  }
}

type BatchRun = Promise<{ ok: true; outcomes: BatchOutcome[] } | { ok: false; why: string }>;

/** JavaScript and TypeScript by name: what early() may start before the tree is known. */
const EARLY_NAME = /\.(?:[cm]?[jt]sx?)$/i;

function failureReason(e: unknown, timeoutMs: number, heapMb: number): string {
  const err = e as Error & { code?: string };
  return err?.name === 'AbortError' || /abort/i.test(String(e))
    ? `analysis exceeded ${timeoutMs} ms and was stopped`
    : err?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(String(err?.message))
      ? `analysis ran out of memory (worker heap cap ${heapMb} MB) and was stopped`
      : `analysis failed: ${err?.message ?? e}`;
}

/** One-shot convenience: start an engine, analyse, close. */
export async function analyzeFiles(files: FileRef[], opts: RunOptions): Promise<RunResult> {
  const engine = Engine.start({ threads: opts.threads });
  try {
    return await engine.run(files, opts);
  } finally {
    await engine.close();
  }
}

/**
 * A reduced analysis (a file over the parse limit) is never silent: in vendored code (node_modules, dist, *.min.js)
 * it is listed under `skipped` with what was not examined and the scan stays complete — a 9 MB typescript.js is not
 * a reason to call every node_modules scan incomplete. In the project's own code, or in a file an autorun entry runs,
 * it is an error: the scan is incomplete (exit 2), because that is where a padded payload would hide.
 */
function sortOutReduced(out: { results: FileResult[]; errors: ScanError[] }, mustBeWhole?: ReadonlySet<string>): RunResult {
  const skipped: Skipped[] = [];
  for (const r of out.results) {
    if (!r.reduced) continue;
    const path = r.facts.path;
    if (r.facts.vendored && !mustBeWhole?.has(path)) skipped.push({ path, reason: r.reduced });
    else out.errors.push({ path, message: `${r.reduced}; ${r.facts.vendored ? 'an autorun entry runs this file' : 'it is not vendored code'}, so the scan is incomplete` });
  }
  return { results: out.results, errors: out.errors, skipped };
}

/**
 * Light batches of up to BATCH_FILES / BATCH_BYTES; heavy files alone. Both largest first. Files being deobfuscated
 * ahead (`last`: prepare() started their decode in a child) come after everything else, together: a worker that
 * reaches them waits for their decodes, so it should have nothing else left to do by then. Largest first, btaf's two
 * sat in the first batch (its 64 largest files): one worker analysed that batch, then waited for one decode after
 * the other, while the other worker had finished the rest and idled; now the workers share the other files evenly.
 * Together and not one per batch: two workers reaching two of them while the child still decodes the first would
 * send the second to a second, cold child, which cost ~0.5 CPU-s more than the warm child taking it in turn and was
 * slower on a loaded machine (btaf child CPU 2.0-2.15 vs 1.45-1.6 s).
 */
function batches(files: FileRef[], last: ReadonlySet<string> = new Set()): { heavy: FileRef[][]; light: FileRef[][] } {
  const heavy: FileRef[][] = [];
  const light: FileRef[][] = [];
  const tail: FileRef[] = [];
  let cur: FileRef[] = [];
  let curBytes = 0;
  const addLight = (f: FileRef) => {
    if (cur.length && (cur.length >= BATCH_FILES || curBytes + f.size > BATCH_BYTES)) endBatch();
    cur.push(f);
    curBytes += f.size;
  };
  const endBatch = () => {
    if (cur.length) light.push(cur);
    cur = [];
    curBytes = 0;
  };
  const sorted = [...files].sort((a, b) => b.size - a.size);
  for (const f of sorted) {
    if (last.has(f.rel) && f.size <= HEAVY_FILE_BYTES) tail.push(f);
    else if (f.size > HEAVY_FILE_BYTES) heavy.push([f]);
    else addLight(f);
  }
  endBatch();
  for (const f of tail) addLight(f);
  endBatch();
  return { heavy, light };
}

/**
 * Wall-clock budget for a batch: the per-file base (bounded, since batches hold many tiny files) plus time for size,
 * at a pessimistic 0.25 MB/s — a 4 MB bundle on a loaded 2-core machine must not count as a hang. Bytes over the
 * parse limit cost only the text rules, at a pessimistic 2 MB/s.
 */
function budgetMs(batch: FileRef[], baseMs: number, parseMax: number): number {
  let ms = baseMs * Math.min(batch.length, 8);
  for (const f of batch) {
    const parsed = Math.min(f.size, parseMax);
    ms += Math.ceil((parsed / (1 << 20)) * 4000 + ((f.size - parsed) / (1 << 20)) * 500);
  }
  return ms;
}

/** Re-exported for tests that want the same single-file path the workers use. */
export { analyzeFile };

const SNIFF_BYTES = 16 << 10;
const SNIFF_FILES = 16;
const SNIFFED = /\.(c|m)?js$/i;

/**
 * Deobfuscation ahead of the workers. The heads of the tree's largest plain .js files outside vendored folders are
 * sniffed for the obfuscator-io rule's hint; each that carries it is read whole and, when the rule would decode it
 * (deobfuscationInput: the rule's own appliesTo, vendored branch and fingerprint), its decode starts now in a child
 * (predecodeDeobfuscation), so the rule's call later only collects the answer. A hint without a decodable file still
 * warms a child (node start and the webcrack import) for what the workers find. A miss costs nothing; a wrong guess
 * one idle child (~0.35 s CPU), or decodes the rule then asks for anyway. Returns the files whose decode started.
 */
function startDeobfuscation(files: FileRef[], maxFileBytes: number, appliesTo: AnyRule['appliesTo']): string[] {
  const head = Buffer.alloc(SNIFF_BYTES);
  const candidates = files.filter((f) => f.size > 2048 && f.size <= 2_000_000 && SNIFFED.test(f.rel) && !isVendoredPath(f.rel));
  candidates.sort((a, b) => b.size - a.size);
  let hinted = false;
  const inputs: string[] = [];
  const rels: string[] = [];
  for (const f of candidates.slice(0, SNIFF_FILES)) {
    if (inputs.length >= PREDECODE_MAX) break;
    // Unreadable here (null, or not ok): the worker reports it.
    if (!OBFUSCATOR_HINT.test(readFileHead(f.abs, head)?.toString('latin1') ?? '')) continue;
    hinted = true;
    const read = readFileForScan(f.abs, maxFileBytes);
    const text = read.ok ? deobfuscationInput(f.rel, read.bytes, appliesTo) : null;
    if (text !== null) {
      inputs.push(text);
      rels.push(f.rel);
    }
  }
  const sent = inputs.length ? predecodeDeobfuscation(inputs) : 0;
  if (sent === 0 && hinted) warmDeobfuscator();
  return rels.slice(0, sent);
}
