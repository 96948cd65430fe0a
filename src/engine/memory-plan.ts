import { availableParallelism } from 'node:os';

/**
 * Memory plan (peak RSS under 1 GB on any input, measured on the whole process): the main thread (rules, file list,
 * results) stays near 150 MB; one "heavy" worker takes the files over HEAVY_FILE_BYTES one at a time — two big ASTs are
 * never alive at once — and any light batch when no heavy file waits; the other workers take light batches only.
 * Each worker's V8 heap is capped (resourceLimits): a hostile file that balloons memory kills its worker, is reported,
 * and the scan goes on, instead of the process growing past the budget. Shared by the engine (pool.ts) and the worker
 * bin/lurescan.js starts before the CLI is loaded (prestart.ts), which must be sized the same to be adopted.
 */
export const HEAVY_FILE_BYTES = 1 << 20;
/** Old-generation cap of the heavy lane's worker. */
export const HEAVY_HEAP_MB = 420;
const TOTAL_BUDGET_MB = 1000;
const MAIN_THREAD_MB = 170;
/** Per-worker overhead outside the capped old generation (young generation, code space, stacks). */
const WORKER_OVERHEAD_MB = 50;
const LIGHT_HEAP_MIN_MB = 160;

/** Old-generation cap of each light-lane worker when the engine has `threads` workers in all. */
export function lightHeapMb(threads: number): number {
  const lightThreads = Math.max(1, threads - 1);
  return Math.max(LIGHT_HEAP_MIN_MB, Math.floor((TOTAL_BUDGET_MB - MAIN_THREAD_MB - HEAVY_HEAP_MB - WORKER_OVERHEAD_MB) / lightThreads) - WORKER_OVERHEAD_MB);
}

/**
 * First old-generation GC limit of every worker (V8's --initial-old-space-size; see tuneWorkerV8 in prestart.ts). A
 * worker lets garbage pile up to it before its first major GC, so all workers together get at most
 * WORKERS_FIRST_GC_MB: 256 MB each with 2 workers, 150 with 4. Each worker's cap above still holds.
 */
const WORKERS_FIRST_GC_MB = 600;
export const initialOldSpaceMb = (threads: number): number => Math.min(256, Math.floor(WORKERS_FIRST_GC_MB / (threads >= 1 ? threads : 1)));

/** Worker threads when the caller does not say: one per core, at most 4. */
export const defaultThreads = (): number => Math.min(availableParallelism(), 4);

/** A tree this small is analysed by the single heavy-capable worker, whose start the walk already paid for. */
const SMALL_TREE_BYTES = 1 << 20;
const SMALL_TREE_FILES = 200;
export const isSmallTree = (bytes: number, files: number): boolean => bytes <= SMALL_TREE_BYTES && files <= SMALL_TREE_FILES;
