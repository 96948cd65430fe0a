/**
 * The engine's first worker thread, startable before the CLI is loaded. bin/lurescan.js starts it for a `scan`, so the
 * worker loads the rules (its own copy, ~1.2 MB of bundled code) while the main thread loads the CLI, instead of
 * after it: the two were each about half of the fixed latency of a small scan. Engine.start then adopts it as the
 * pool of its heavy lane (the one every scan starts with). Kept small on purpose: piscina, the memory plan and this
 * file, no rules.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Piscina } from 'piscina';
import { defaultThreads, HEAVY_HEAP_MB, initialOldSpaceMb } from './memory-plan.js';

/**
 * V8 settings for the worker isolates, set once per process before the first worker starts (V8 flags are per process;
 * the main isolate, already running, keeps its own). Two measured costs of a scan on 2 cores:
 * - JIT. A scan is seconds of many lukewarm functions (hundreds of rules, each run on a few hundred files), and every
 *   worker isolate JIT-compiles its own copy of them: with V8's default tier-up budget the background TurboFan threads
 *   took as much CPU as the two workers together (lure repo ci-xnd-dex-staking, 2 threads: workers 3.7 CPU-s, V8 helper
 *   threads 2.6). Asking ~8x more bytecode before optimising leaves the truly hot loops (parser, walkers) optimised and
 *   the rest in baseline code: -17 to -30% CPU on lure repos, 10 MB of library JS and @babel; neutral on the 50 MB
 *   bundle and the 20 MB obfuscated file.
 *   TurboFan's inlining is turned off as well: what it still compiles is mostly the parser's and walkers' big functions,
 *   and inlining their callees made each job larger (flatAst alone took 250 ms of compiler time over its recompiles)
 *   for loops that run seconds, not minutes: -4% CPU and wall on dex-staking, neutral on the 300 MB tree, +6% on the
 *   50 MB single-line bundle (interleaved runs, session 7).
 * - GC. A worker's heap grows from a few MB to the size of the biggest AST it holds (~100 MB for a 2.3 MB bundle), and
 *   V8 starts with small limits: ~10 major GCs on the way, each marking the whole live AST, and ~70 scavenges with a
 *   1–8 MB young generation, each copying the nodes parsed since the last. A first old-generation limit
 *   (initialOldSpaceMb: 256 MB with 2 workers) and a young generation that starts at its usual ceiling remove the major
 *   GCs of a lure repo and a third of the scavenges (dex-staking: -0.4 CPU-s, -0.25 s wall, same findings). Memory stays
 *   inside the plan (memory-plan.ts): the workers' first limits together stay under 600 MB, and each worker's cap
 *   (resourceLimits) still bounds its heap.
 *   Scavenges run on one thread when the workers already occupy every core: V8's parallel scavenge hands the copying
 *   to helper threads that can only run by preempting the other worker, and the scavenging worker waits for them
 *   (dex-staking, 2 workers on 2 cores, 9 interleaved runs: -4% wall, -2% CPU; btaf unchanged). With a core to spare
 *   the helpers are free, so the default stays.
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
  if (!given('--turbo-inlining') && !given('--no-turbo-inlining')) setFlagsFromString('--no-turbo-inlining');
  if (threads >= availableParallelism() && !given('--parallel-scavenge') && !given('--no-parallel-scavenge'))
    setFlagsFromString('--no-parallel-scavenge');
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
  for (let i = 1; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help' || a === '--detonate') return false;
  }
  return plannedThreads(argv) > 0;
}

let early: { pool: Piscina; errors: Error[]; onError: (e: Error) => void } | undefined;

/**
 * Starts the heavy lane's worker now (bin/lurescan.js, before loading the CLI); taken by the next Engine.start.
 * `argv` (the scan's command line) gives the thread count the V8 settings are sized for (tuneWorkerV8). The light
 * lane is not started here: with two workers loading beside the CLI on 2 cores the main thread reached its walk later,
 * and the scans were no faster (dex-staking 2.02 vs 1.96 s, btaf 1.76 vs 1.71 s, 6–8 interleaved runs).
 */
export function prestartWorker(argv?: readonly string[]): void {
  if (early) return;
  tuneWorkerV8(argv ? plannedThreads(argv) : defaultThreads());
  const errors: Error[] = [];
  const pool = newPool(1, HEAVY_HEAP_MB);
  // Until an engine takes it, a worker failure is kept for that engine (an unhandled 'error' would end the process).
  const onError = (e: Error) => errors.push(e);
  pool.on('error', onError);
  early = { pool, errors, onError };
}

/** The prestarted one-worker pool with this heap cap, once, with the failures it had before (else undefined). */
export function takePrestarted(heapMb: number): { pool: Piscina; errors: Error[] } | undefined {
  if (!early || heapMb !== HEAVY_HEAP_MB) return undefined;
  const { pool, errors, onError } = early;
  early = undefined;
  pool.off('error', onError);
  return { pool, errors };
}

/** Ends a prestarted worker that no engine took (the command failed before its scan started): the process can exit. */
export async function releasePrestarted(): Promise<void> {
  const e = early;
  early = undefined;
  await e?.pool.destroy();
}

/** `--threads N` of a scan command line, else the engine's default. */
function plannedThreads(argv: readonly string[]): number {
  for (let i = 1; i < argv.length && argv[i] !== '--'; i++) {
    const m = /^--threads(?:=(.*))?$/.exec(argv[i]!);
    if (m) return Math.floor(Number(m[1] ?? argv[i + 1])) || 0;
  }
  return defaultThreads();
}
