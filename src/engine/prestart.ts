/**
 * The engine's worker threads, startable before the CLI is loaded. bin/lurescan.js starts them for a `scan`, so the
 * workers load the rules (each its own copy, ~1.2 MB of bundled code) while the main thread loads the CLI, instead of
 * after it: the two were each about half of the fixed latency of a small scan. Engine.start then adopts them as the
 * pools of its lanes. Kept small on purpose: piscina, the memory plan and this file, no rules.
 */
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultThreads, HEAVY_HEAP_MB, initialOldSpaceMb, lightHeapMb, SMALL_TREE_BYTES, SMALL_TREE_FILES } from './memory-plan.js';


/**
 * V8 settings for the worker isolates, set once per process before the first worker starts (V8 flags are per process;
 * the main isolate, already running, keeps its own). Two measured costs of a scan on 2 cores:
 * - JIT. A scan is seconds of many lukewarm functions (hundreds of rules, each run on a few hundred files), and every
 *   worker isolate JIT-compiles its own copy of them: with V8's default tier-up budget the background TurboFan threads
 *   took as much CPU as the two workers together (lure repo ci-xnd-dex-staking, 2 threads: workers 3.7 CPU-s, V8 helper
 *   threads 2.6). Asking ~8x more bytecode before optimising leaves the truly hot loops (parser, walkers) optimised and
 *   the rest in baseline code: -17 to -30% CPU on lure repos, 10 MB of library JS and @babel; neutral on the 50 MB
 *   bundle and the 20 MB obfuscated file.
 * - GC. A worker's heap grows from a few MB to the size of the biggest AST it holds (~100 MB for a 2.3 MB bundle), and
 *   V8 starts with small limits: ~10 major GCs on the way, each marking the whole live AST, and ~70 scavenges with a
 *   1–8 MB young generation, each copying the nodes parsed since the last. A first old-generation limit
 *   (initialOldSpaceMb: 256 MB with 2 workers) and a young generation that starts at its usual ceiling remove the major
 *   GCs of a lure repo and a third of the scavenges (dex-staking: -0.4 CPU-s, -0.25 s wall, same findings). Memory stays
 *   inside the plan (memory-plan.ts): the workers' first limits together stay under 600 MB, and each worker's cap
 *   (resourceLimits) still bounds its heap.
 * `threads`: the engine's worker count (the first call decides; later calls change nothing).
 */
const YOUNG_SEMI_SPACE_MB = 16;
let tuned = false;
export function tuneWorkerV8(threads: number): void {
  if (tuned) return;
  tuned = true;
  // A flag given on the command line (a user tuning or measuring) wins.
  const given = (flag: string) => process.execArgv.some((a) => a.startsWith(flag));
  if (!given('--interrupt-budget')) setFlagsFromString('--interrupt-budget=1000000');
  if (!given('--initial-old-space-size')) setFlagsFromString(`--initial-old-space-size=${initialOldSpaceMb(threads)}`);
  if (!given('--min-semi-space-size')) setFlagsFromString(`--min-semi-space-size=${YOUNG_SEMI_SPACE_MB}`);
}

function workerFilename(): string {
  // Under tsx (tests, dev) this module is .ts and so is the worker; built, both are .js (the bundle's worker entry
  // sits beside its chunks, tsc's beside this file).
  const self = import.meta.url;
  return fileURLToPath(new URL(self.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', self));
}

/** A pool of `threads` workers with this heap cap. */
export function newPool(threads: number, heapMb: number): Piscina {
  return new Piscina({
    filename: workerFilename(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
}

/** Whether a CLI command line will start the engine with worker threads (a scan, not --threads 0, not help or detonate). */
export function wantsWorker(argv: readonly string[]): boolean {
  if (argv[0] !== 'scan') return false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '-h' || a === '--help' || a === '--detonate') return false;
    if ((a === '--threads' && argv[i + 1]?.trim() === '0') || /^--threads=\s*0$/.test(a)) return false;
  }
  return true;
}

interface Early {
  pool: Piscina;
  threads: number;
  heapMb: number;
  errors: Error[];
  onError: (e: Error) => void;
}
/** The workers started before the CLI: the heavy lane's one, and the light lane's when the target looks large. */
const early: { heavy?: Early; light?: Early } = {};

function start(threads: number, heapMb: number): Early {
  const errors: Error[] = [];
  const pool = newPool(threads, heapMb);
  // Until an engine takes it, a worker failure is kept for that engine (an unhandled 'error' would end the process).
  const onError = (e: Error) => errors.push(e);
  pool.on('error', onError);
  return { pool, threads, heapMb, errors, onError };
}

/**
 * Starts the heavy lane's worker now (bin/lurescan.js, before loading the CLI), and the light lane's too when `argv`
 * names a target that will not be a small tree (see targetLooksLarge): loading the rules takes a worker ~0.25 s, and
 * started after the walk the second worker joined a 2-core scan of a lure repo ~0.3 s after the first. Taken by the
 * next Engine.start; a light lane the tree turns out not to need is ended by Engine.prepare.
 */
export function prestartWorker(argv?: readonly string[]): void {
  if (early.heavy) return;
  const threads = argv ? plannedThreads(argv) : defaultThreads();
  tuneWorkerV8(threads);
  early.heavy = start(1, HEAVY_HEAP_MB);
  if (argv && threads > 1 && targetLooksLarge(argv)) early.light = start(threads - 1, lightHeapMb(threads));
}

/** The prestarted pool of this lane if it has this many threads and this heap cap, once, with its earlier failures. */
export function takePrestarted(heavy: boolean, threads: number, heapMb: number): { pool: Piscina; errors: Error[] } | undefined {
  const key = heavy ? 'heavy' : 'light';
  const e = early[key];
  if (!e || e.threads !== threads || e.heapMb !== heapMb) return undefined;
  early[key] = undefined;
  e.pool.off('error', e.onError);
  return { pool: e.pool, errors: e.errors };
}

/** Ends the prestarted light lane (the tree is small: one worker will do). */
export async function releasePrestartedLight(): Promise<void> {
  const e = early.light;
  early.light = undefined;
  await e?.pool.destroy();
}

/** Ends prestarted workers that no engine took (the command failed before its scan started): the process can exit. */
export async function releasePrestarted(): Promise<void> {
  const { heavy, light } = early;
  early.heavy = early.light = undefined;
  await Promise.all([heavy?.pool.destroy(), light?.pool.destroy()]);
}

/** `--threads N` of a scan command line, else the engine's default. */
function plannedThreads(argv: readonly string[]): number {
  for (let i = 1; i < argv.length && argv[i] !== '--'; i++) {
    const m = /^--threads(?:=(.*))?$/.exec(argv[i]!);
    if (m) return Math.floor(Number(m[1] ?? argv[i + 1])) || 0;
  }
  return defaultThreads();
}

/**
 * Whether a scan command line names a target that is surely not a small tree (isSmallTree): an archive or file over
 * its byte limit, or a folder with more files than its file limit. A start-up hint only (a wrong guess costs one
 * worker's start, or starts it later as before): it lists at most PEEK_ENTRIES directory entries, follows no symlink
 * inside the folder, reads no file and never throws. Every argument that names a path is looked at (an option's
 * value that is not a path is skipped); npm: and pypi: targets are not.
 */
export function targetLooksLarge(argv: readonly string[]): boolean {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') || /^(?:npm|pypi):/.test(a)) continue;
    let st;
    try {
      st = statSync(a); // the user's own argument: a symlink to the target is followed, as the scan does
    } catch {
      continue;
    }
    if (st.isFile() ? st.size > SMALL_TREE_BYTES : st.isDirectory() && moreFilesThan(a, SMALL_TREE_FILES)) return true;
  }
  return false;
}

const PEEK_ENTRIES = 2000;

function moreFilesThan(root: string, limit: number): boolean {
  const dirs = [root];
  let files = 0;
  let seen = 0;
  while (dirs.length && seen < PEEK_ENTRIES) {
    const dir = dirs.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > PEEK_ENTRIES) break;
      if (e.isDirectory()) dirs.push(join(dir, e.name));
      else if (e.isFile() && ++files > limit) return true;
    }
  }
  return false;
}
