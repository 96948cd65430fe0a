/**
 * Heavy deobfuscation of obfuscator.io output (string arrays, rotation, wrappers, control-flow flattening) with
 * webcrack. The sample's decoder functions are evaluated by webcrack inside an isolated-vm isolate (no I/O, memory
 * limit), and the whole job runs in a separate child process with a heap cap and a hard wall-clock kill: nothing of the
 * sample ever runs in the scanner's own process, and hostile input ends as an error, never a hang.
 *
 * Synchronous on purpose (rules are synchronous). The child is started on the first call and kept warm for the next
 * ones: starting node and importing webcrack costs ~0.35 s and a cold webcrack runs its first file at half speed, so a
 * lure with two obfuscated copies of its stealer paid ~2 s for two fresh children; a warm child decodes the second in
 * ~0.3 s. The calling thread talks to it the synckit way: a small helper thread owns the child process (async pipes,
 * the kill timer) and the caller blocks on Atomics.wait until the helper posts the answer, read with
 * receiveMessageOnPort. (synckit itself needs its worker as a file on disk, and a TypeScript loader under tsx; the
 * helper here is a short plain-JS program evaluated as a string, like the child's.)
 *
 * Built (`npm run build`), a child starts from a V8 startup snapshot with webcrack loaded and warmed (deob-child.ts,
 * scripts/bundle.mjs) instead of importing it; without a usable snapshot, as before.
 *
 * Ahead of the calls: the engine warms a child at scan start when the tree looks obfuscated (warmDeobfuscator: import
 * plus a tiny built-in sample), and a worker queues its batch's obfuscated files (prefetchDeobfuscation), decoded one
 * at a time by the warm child while the worker analyses; the rule's call then collects the answer. Two cold children
 * at once were slower than one warm child in turn on two cores, so a batch's files are not decoded in parallel; two
 * workers calling at once still get a child each.
 *
 * Guarantees, per call as before: SIGKILL after `timeoutMs` (the child is then respawned by the next call), a heap cap,
 * an environment with nothing but PATH, a per-thread budget of calls, and every failure reported as a value. A child
 * also kills itself when its request outlives the deadline or its parent is gone (its own watchdog thread), so a child
 * busy with a hostile sample never outlives the scan.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FileFacts } from '../../core/inputs.js';
import { computeFacts, decodeText, isBinary } from '../file-facts.js';
import { obfuscatorFingerprint } from './obfuscation.js';
import { CHILD_PROGRAM, childV8Flags, WARM_SAMPLE } from './deob-child.js';

export type DeobResult = { ok: true; code: string; ms: number } | { ok: false; error: string; ms: number };

export interface DeobOptions {
  /** Wall-clock limit for one call (the child is killed with SIGKILL after it). */
  timeoutMs?: number;
  /** Old-space heap cap of the child, MiB. */
  heapMb?: number;
  /** Inputs larger than this are not attempted. */
  maxInputBytes?: number;
}

interface Modules {
  webcrack: string;
  ivm: string;
  /** The child's startup snapshot (`npm run build`), when it was built by this node for these V8 flags. */
  snapshot?: { blob: string; flags: string[] };
}
let resolved: Modules | null | undefined;
/**
 * Where webcrack and isolated-vm live (file URLs), or null when they are not installed. Resolved once, not loaded.
 * Built, webcrack is the bundle `npm run build` writes to dist/bundle/webcrack.js (one file instead of ~600: the
 * child's import is on the critical path); from source, or without it, the package itself.
 */
function modules(): Modules | null {
  if (resolved !== undefined) return resolved;
  try {
    const meta = import.meta as ImportMeta & { resolve?: (s: string) => string };
    if (meta.resolve) resolved = { webcrack: meta.resolve('webcrack'), ivm: meta.resolve('isolated-vm') };
    else {
      const req = createRequire(import.meta.url);
      resolved = { webcrack: pathToFileURL(req.resolve('webcrack')).href, ivm: pathToFileURL(req.resolve('isolated-vm')).href };
    }
    req0().resolve('isolated-vm/out/isolated_vm.node');
    // Beside this module in the CLI bundle (dist/bundle/), or two folders up from tsc's dist/analyzers/js/.
    if (!import.meta.url.endsWith('.ts')) {
      const bundled = [new URL('./webcrack.js', import.meta.url), new URL('../../bundle/webcrack.js', import.meta.url)].find((u) => existsSync(u));
      if (bundled) resolved.webcrack = bundled.href;
      resolved.snapshot = builtSnapshot(new URL('./deob-child.json', bundled ?? import.meta.url));
    }
  } catch {
    resolved = null;
  }
  return resolved;
}
const req0 = () => createRequire(import.meta.url);

/**
 * The snapshot `npm run build` wrote beside the webcrack bundle (see scripts/bundle.mjs), described by its .json: the
 * node version, platform and arch that built it, and the V8 flags it was built with. Only a blob built by this very
 * node is used (V8 refuses any other; the helper also falls back to the plain child if a snapshot child dies before
 * its first answer). Undefined when absent or unreadable: the child then imports webcrack as before.
 */
function builtSnapshot(meta: URL): Modules['snapshot'] {
  try {
    if (!existsSync(meta)) return undefined;
    const m = JSON.parse(readFileSync(meta, 'utf8')) as { node?: string; platform?: string; arch?: string; flags?: unknown; blob?: string };
    if (m.node !== process.version || m.platform !== process.platform || m.arch !== process.arch || !Array.isArray(m.flags) || typeof m.blob !== 'string') return undefined;
    const blob = fileURLToPath(new URL(m.blob, meta));
    return existsSync(blob) ? { blob, flags: m.flags.map(String) } : undefined;
  } catch {
    return undefined;
  }
}

let snapshotOverride: Modules['snapshot'] | null | undefined;
/**
 * Tests: children start from the snapshot that `meta` (a deob-child.json) describes, from none (null), or from what
 * modules() found (undefined). Returns whether that snapshot is usable here. Takes effect for children started later.
 */
export function setDeobfuscatorSnapshot(meta: string | null | undefined): boolean {
  snapshotOverride = typeof meta === 'string' ? (builtSnapshot(pathToFileURL(meta)) ?? null) : meta;
  return snapshotOverride != null;
}

/** How the helper starts a child for this heap cap: its V8 flags, and the snapshot if one was built with exactly those. */
function launch(mods: Modules, heapMb: number): { webcrack: string; ivm: string; flags: string[]; snapshot?: string } {
  const flags = childV8Flags(heapMb);
  const snap = snapshotOverride === undefined ? mods.snapshot : (snapshotOverride ?? undefined);
  const same = snap !== undefined && snap.flags.length === flags.length && snap.flags.every((f, i) => f === flags[i]);
  return { webcrack: mods.webcrack, ivm: mods.ivm, flags, ...(same ? { snapshot: snap.blob } : {}) };
}

/** Whether webcrack (and isolated-vm, its sandbox, built) can be loaded here. */
export function deobfuscatorAvailable(): boolean {
  return modules() !== null;
}


/**
 * The helper thread (CommonJS, evaluated): serves every port connected to it (one per calling thread or per batch of a
 * worker thread). Each request gets an idle warm child, or a new one (at most one per concurrent caller, so never a
 * queue); the child is SIGKILLed when the request exceeds its time, and the blocked caller is woken after each answer.
 */
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { program, execPath, path } = workerData;
// A snapshot that failed to start a child (a node that cannot read it): plain children from then on.
let snapshotBroken = false;
const children = new Set();
const idle = [];
// Early decodes (predecodeDeobfuscation): started by the main thread before any worker asks, one at a time in one
// child; the first request for the same input and options takes the answer (or waits for it, if it is decoding).
const early = new Map();
const earlyQueue = [];
const keyOf = (r) => r.heapMb + ':' + r.timeoutMs + ':' + r.code;
const noFlag = new Int32Array(new SharedArrayBuffer(4));
const deliver = (w, msg) => {
  w.port.postMessage({ ...msg, id: w.id });
  Atomics.store(w.flag, 0, 1);
  Atomics.notify(w.flag, 0);
};
const runEarly = (e) => {
  e.started = true;
  serve({ postMessage: (msg) => finishEarly(e, msg) }, { ...e.req, id: 0, flag: noFlag });
};
const finishEarly = (e, msg) => {
  e.res = msg;
  for (const w of e.waiters.splice(0)) deliver(w, msg);
  // Unclaimed answers are dropped after a while (a library host that never asks does not keep them).
  if (early.get(e.key) === e) setTimeout(() => { if (early.get(e.key) === e) early.delete(e.key); }, 60000).unref();
  // The next one goes to the same child, once settle() has made it idle.
  setImmediate(() => { const n = earlyQueue.shift(); if (n) runEarly(n); });
};
const settle = (c, msg) => {
  const req = c.current;
  if (!req) return;
  c.current = null;
  clearTimeout(c.timer);
  req.port.postMessage({ id: req.id, pid: c.cp.pid, ...msg });
  Atomics.store(req.flag, 0, 1);
  Atomics.notify(req.flag, 0);
  if (!children.has(c)) return;
  // An idle child ends after a while (its stdin closed): a long-lived host does not keep node+webcrack resident.
  idleFor(c, req.idleMs);
};
const drop = (c) => {
  children.delete(c);
  const i = idle.indexOf(c);
  if (i >= 0) idle.splice(i, 1);
};
const start = (req) => {
  // From the snapshot (webcrack deserialised, already warm; isolated-vm loaded from its path), or webcrack imported.
  const snap = req.snapshot && !snapshotBroken;
  const args = snap ? [...req.flags, '--snapshot-blob', req.snapshot, req.ivm] : [...req.flags, '--input-type=module', '-e', program, req.webcrack, req.ivm];
  const cp = spawn(execPath, args, {
    stdio: 'pipe',
    // No inherited secrets or proxies: the child needs nothing from the environment.
    env: { PATH: path, NODE_OPTIONS: '' },
    windowsHide: true,
  });
  const c = { cp, heapMb: req.heapMb, snap, ready: false, out: '', err: '', current: null, timer: null, idleTimer: null, timedOut: false, started: 0 };
  children.add(c);
  cp.stdout.setEncoding('utf8');
  cp.stderr.setEncoding('utf8');
  cp.stdout.on('data', (d) => {
    let from = c.out.length;
    c.out += d;
    for (let i; (i = c.out.indexOf('\\n', from)) >= 0; from = 0) {
      const line = c.out.slice(0, i);
      c.out = c.out.slice(i + 1);
      let res;
      try { res = JSON.parse(line); } catch { continue; }
      // A snapshot child says it has deserialised (scripts/bundle.mjs) before it reads a request.
      if (res.ready) { c.ready = true; continue; }
      if (c.current && res.id === c.current.id) settle(c, res.ok ? { ok: true, code: res.code } : { ok: false, error: res.error });
    }
  });
  cp.stderr.on('data', (d) => { c.err = (c.err + d).slice(-2000); });
  cp.stdin.on('error', () => {});
  cp.on('error', (e) => {
    drop(c);
    settle(c, { ok: false, error: 'deobfuscator failed: ' + (e.code || e.message) });
  });
  cp.on('exit', (code, signal) => {
    drop(c);
    // A snapshot child that ended before it was ready (a node that cannot deserialise the blob: V8 refuses it, or
    // node aborts on a damaged file): the snapshot is not used again, and the request goes once to a plain child,
    // in the time it has left.
    if (c.snap && !c.ready && !c.timedOut) {
      snapshotBroken = true;
      const cur = c.current;
      if (cur) {
        c.current = null;
        clearTimeout(c.timer);
        serve(cur.port, cur.req, cur);
      }
      return;
    }
    // A warm child that died while idle (killed from outside) is only noticed once a request was handed to it: that
    // request goes once to a fresh child, in the time it has left. A crash of a fresh child, or a kill at the time
    // limit, is the request's own result.
    const cur = c.current;
    if (cur && cur.reused && !c.timedOut) {
      c.current = null;
      clearTimeout(c.timer);
      serve(cur.port, cur.req, cur);
      return;
    }
    const ms = Math.round(performance.now() - c.started);
    settle(c, signal
      ? { ok: false, error: 'deobfuscator killed (' + signal + ') after ' + ms + ' ms' }
      : { ok: false, error: 'deobfuscator exited ' + code + ': ' + c.err.slice(0, 300) });
  });
  return c;
};
// A calling thread's request: an early decode of the same input answers it, or it is served.
const request = (port, req) => {
  const e = early.get(keyOf(req));
  if (e) {
    early.delete(e.key);
    const w = { port, id: req.id, flag: req.flag };
    if (e.res) return deliver(w, e.res);
    if (e.started) return e.waiters.push(w);
    // Still queued: decoded now for this caller, within its own time limit, as if never queued.
    earlyQueue.splice(earlyQueue.indexOf(e), 1);
  }
  serve(port, req);
};
const serve = (port, req, retry) => {
  let c;
  if (!retry) for (let i = idle.length - 1; i >= 0; i--) if (idle[i].heapMb === req.heapMb) { c = idle.splice(i, 1)[0]; break; }
  const reused = c !== undefined;
  c ??= start(req);
  clearTimeout(c.idleTimer);
  const started = retry ? retry.started : performance.now();
  const left = Math.max(1, Math.round(started + req.timeoutMs - performance.now()));
  c.current = { id: req.id, flag: req.flag, port, idleMs: req.idleMs, req, reused, started };
  c.started = started;
  c.timedOut = false;
  c.timer = setTimeout(() => { c.timedOut = true; c.cp.kill('SIGKILL'); }, left);
  c.cp.stdin.write(JSON.stringify({ id: req.id, code: req.code, graceMs: left + 2000 }) + '\\n');
};
const idleFor = (c, ms) => {
  idle.push(c);
  c.idleTimer = setTimeout(() => { drop(c); c.cp.stdin.end(); }, ms);
};
parentPort.on('message', ({ port, pending, warm, predecode }) => {
  if (predecode) {
    const key = keyOf(predecode);
    if (early.has(key)) return;
    const e = { key, req: predecode, res: null, started: false, waiters: [] };
    early.set(key, e);
    if (earlyQueue.length || [...early.values()].some((x) => x.started && !x.res)) earlyQueue.push(e);
    else runEarly(e);
    return;
  }
  // Warm-up: one child started and importing webcrack before anything asks, unless one is already idle or starting.
  if (warm) {
    if (children.size === 0) {
      const c = start(warm);
      c.cp.stdin.write(JSON.stringify({ warm: true, id: 0, code: warm.code, graceMs: 10000 }) + '\\n');
      idleFor(c, warm.idleMs);
    }
    return;
  }
  port.on('message', (req) => request(port, req));
  port.on('close', () => port.removeAllListeners());
  if (pending) request(port, pending);
});
`;

/** Connects to the helper thread of this thread (started on first use; from the main thread it lives as long as the process). */
let helperWorker: Worker | null = null;
function helper(): Worker {
  if (helperWorker) return helperWorker;
  const worker = new Worker(HELPER, {
    eval: true,
    // CommonJS whatever flags this process has (--input-type=module would make the evaluated helper an ES module).
    execArgv: [],
    workerData: { program: CHILD_PROGRAM, execPath: process.execPath, path: process.env.PATH ?? '' },
    env: {},
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  // Neither the helper nor its children keep the process alive: at exit the pipes close and an idle child ends itself.
  worker.unref();
  const forget = () => {
    if (helperWorker === worker) helperWorker = null;
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return (helperWorker = worker);
}

/**
 * For the engine, on the main thread: a port that a worker thread deobfuscates through (see useDeobfuscatorPort).
 * Served by the main thread's helper, which is started only when the first request arrives; close() after the batch.
 * One helper per process means one set of warm children per process, and children are reaped by a thread that stays.
 */
export function deobfuscatorPort(): { port: MessagePort; close(): void } {
  const { port1, port2 } = new MessageChannel();
  let moved = false;
  port1.once('message', (pending) => {
    moved = true;
    helper().postMessage({ port: port1, pending }, [port1]);
  });
  port1.unref();
  return { port: port2, close: () => !moved && port1.close() };
}

let remote: MessagePort | undefined;
/** In a worker thread, for one batch: route this thread's deobfuscations to the main thread's helper (undefined: stop). */
export function useDeobfuscatorPort(port: MessagePort | undefined): void {
  remote = port;
  // Answers are per port: prefetches of the batch that ended are forgotten (their children finish them, bounded by the time limit).
  prefetched.clear();
  answers.clear();
  deferred.length = 0;
  inflight.clear();
}

let local: MessagePort | undefined;
/** This thread's own connection to a helper it started (in-process scans, tests, a worker given no port). */
function localPort(): MessagePort {
  if (local) return local;
  const { port1, port2 } = new MessageChannel();
  helper().postMessage({ port: port2 }, [port2]);
  port1.unref();
  return (local = port1);
}

/**
 * Starts a child and its webcrack import now, without waiting (the engine, on the main thread, when the tree holds a
 * file that looks obfuscated): the first deobfuscation then finds it warm instead of paying node's start and the
 * import. Nothing if a child already exists. The child is an ordinary idle one: idle exit, heap cap, PATH-only env.
 */
export function warmDeobfuscator(opts: DeobOptions = {}): void {
  const mods = modules();
  if (!mods) return;
  const heapMb = opts.heapMb ?? 512;
  helper().postMessage({ warm: { heapMb, ...launch(mods, heapMb), idleMs, code: WARM_SAMPLE } });
}

/** How many files predecodeDeobfuscation starts per call of predecodeObfuscated (one child takes them in turn). */
export const PREDECODE_MAX = 4;

/**
 * The input the obfuscator-io rule would deobfuscate for this file (its text), or null: not text, vendored (the rule
 * reports those without decoding), outside the rule's `appliesTo`, or without the obfuscator.io fingerprint. The
 * worker's prefetch and the main thread's predecode ask this, so both send exactly what the rule's call will.
 */
export function deobfuscationInput(rel: string, bytes: Uint8Array, appliesTo?: (facts: FileFacts) => boolean): string | null {
  if (isBinary(bytes)) return null;
  const text = decodeText(bytes).text;
  const facts = computeFacts(rel, bytes, text);
  if (facts.vendored || (appliesTo && !appliesTo(facts))) return null;
  return obfuscatorFingerprint(text).matched ? text : null;
}

/**
 * On the main thread, before the workers have even loaded: starts decoding these inputs (default options, the ones
 * the rule uses) in one child, one after another. The first deobfuscate() call for the same input, from any thread
 * of this process, takes the answer or waits for the decode in progress; one still queued is decoded for that caller
 * at once. So the deobfuscation of a lure's obfuscated files, the longest chain of a scan (node start, webcrack
 * import, a cold first decode), overlaps worker start-up and the autorun map instead of following them. The same
 * child guarantees hold (isolated-vm, heap cap, PATH-only env, SIGKILL at the time limit from when each decode
 * starts); at most PREDECODE_MAX inputs; an answer nobody claims is dropped after a minute. Returns how many were sent.
 */
export function predecodeDeobfuscation(inputs: string[], opts: DeobOptions = {}): number {
  const mods = modules();
  if (!mods) return 0;
  let sent = 0;
  for (const code of inputs) {
    if (sent >= PREDECODE_MAX) break;
    if (code.length > (opts.maxInputBytes ?? 2_000_000)) continue;
    const heapMb = opts.heapMb ?? 512;
    helper().postMessage({ predecode: { code, timeoutMs: opts.timeoutMs ?? 15_000, idleMs, heapMb, ...launch(mods, heapMb) } });
    sent++;
  }
  return sent;
}

/** Ends this thread's helper thread and its children (tests; the next call starts afresh). */
export async function stopDeobfuscator(): Promise<void> {
  const w = helperWorker;
  helperWorker = null;
  local?.close();
  local = undefined;
  if (w) await w.terminate();
}

let idleMs = 30_000;
/** How long a warm child waits for the next call before it ends (tests shorten it). */
export function setDeobfuscatorIdleMs(ms: number): void {
  idleMs = ms;
}

let lastPid: number | undefined;
/** Pid of the child that answered the last call (tests: reuse, kill and respawn). */
export function deobfuscatorPid(): number | undefined {
  return lastPid;
}

/** Per-thread ceiling on child runs: a tree full of obfuscated files must not turn a scan into minutes of decoding. */
const MAX_RUNS_PER_THREAD = 24;
let runs = 0;
let seq = 0;
/** Set by the helper after posting each answer to this thread; Atomics.wait sleeps on it. */
const flag = new Int32Array(new SharedArrayBuffer(4));
/** Inputs sent or queued ahead of their call (prefetchDeobfuscation), answers read early, and what is in flight. */
const prefetched = new Map<string, { id?: number; t0: number; opts: DeobOptions }>();
const deferred: string[] = [];
const inflight = new Set<number>();
const answers = new Map<number, Answer>();
type Answer = { id: number; pid?: number; ok: boolean; code?: string; error?: string };

/** Availability, budget and size of one more run (counted here), or why not. */
function admit(code: string, opts: DeobOptions): string | undefined {
  if (!deobfuscatorAvailable()) return 'webcrack/isolated-vm not installed';
  if (runs >= MAX_RUNS_PER_THREAD) return `deobfuscation budget of ${MAX_RUNS_PER_THREAD} files per worker used up`;
  runs++;
  if (code.length > (opts.maxInputBytes ?? 2_000_000)) return 'input too large to deobfuscate';
  return undefined;
}

function send(code: string, opts: DeobOptions): number {
  const mods = modules()!;
  const id = ++seq;
  const port = remote ?? localPort();
  const heapMb = opts.heapMb ?? 512;
  port.postMessage({ id, code, timeoutMs: opts.timeoutMs ?? 15_000, idleMs, heapMb, ...launch(mods, heapMb), flag });
  return id;
}

/** An answer read from the port: kept if a prefetched input still expects it (else a late one of an abandoned call). */
function take(res: Answer): void {
  inflight.delete(res.id);
  for (const p of prefetched.values()) if (p.id === res.id) answers.set(res.id, res);
}

/** Sends the next queued input once nothing sent ahead is still decoding: one child, kept warm, takes them in turn. */
function pump(): void {
  while (inflight.size === 0 && deferred.length) {
    const code = deferred.shift()!;
    const p = prefetched.get(code);
    if (!p || p.id !== undefined) continue;
    p.id = send(code, p.opts);
    p.t0 = performance.now();
    inflight.add(p.id);
  }
}

/**
 * Queues `code` to be decoded ahead of its deobfuscate() call (same input, same options): the call then only collects
 * the answer, or waits less. A worker queues its batch's obfuscated files before analysing them. They go to the helper
 * one at a time (the next when the previous answer is read, by a call or by pumpDeobfuscation between files), so one
 * warm child takes them in turn while the worker goes on with its analysis. Not two cold children at once: on two
 * cores next to the worker that was slower (btaf: 1.45 s for both instead of 0.93 s + 0.37 s). Counts against the same
 * per-thread budget; each one's time limit runs from when it is sent.
 */
export function prefetchDeobfuscation(code: string, opts: DeobOptions = {}): boolean {
  if (prefetched.has(code)) return true;
  if (admit(code, opts) !== undefined) return false;
  prefetched.set(code, { t0: 0, opts });
  deferred.push(code);
  pump();
  return true;
}

/** Non-blocking: reads the answers that arrived and sends the next queued input (a worker, between files). */
export function pumpDeobfuscation(): void {
  const port = remote ?? local;
  if (!port || prefetched.size === 0) return;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as Answer);
  pump();
}

export function deobfuscate(code: string, opts: DeobOptions = {}): DeobResult {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  const ahead = prefetched.get(code);
  let id: number;
  let timeoutMs = opts.timeoutMs ?? 15_000;
  let since = t0;
  if (ahead) {
    prefetched.delete(code);
    timeoutMs = ahead.opts.timeoutMs ?? 15_000;
    if (ahead.id === undefined) {
      // Still queued: sent now, as a call of its own (already counted).
      deferred.splice(deferred.indexOf(code), 1);
      Atomics.store(flag, 0, 0);
      id = send(code, ahead.opts);
    } else {
      id = ahead.id;
      since = ahead.t0;
    }
  } else {
    const why = admit(code, opts);
    if (why !== undefined) return { ok: false, error: why, ms: ms() };
    Atomics.store(flag, 0, 0);
    id = send(code, opts);
  }
  const port = remote ?? localPort();
  const answer = (res: { pid?: number; ok: boolean; code?: string; error?: string }): DeobResult => {
    lastPid = res.pid;
    if (res.ok && typeof res.code === 'string') return { ok: true, code: res.code, ms: ms() };
    return { ok: false, error: res.error ?? 'deobfuscator returned nothing', ms: ms() };
  };
  // The helper answers every request (its kill timer fires at timeoutMs); the margin covers a helper that died.
  const deadline = since + timeoutMs + 5_000;
  for (;;) {
    // Answers already read (a prefetched request's, while an earlier call waited), then the port itself.
    const early = answers.get(id);
    if (early) {
      answers.delete(id);
      pump();
      return answer(early);
    }
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const res = m.message as Answer;
      take(res);
      if (res.id === id) {
        // The child that answered is idle again: the next queued input goes to it, warm, while the caller goes on.
        pump();
        return answer(res);
      }
    }
    pump();
    const left = deadline - performance.now();
    if (left <= 0 || Atomics.wait(flag, 0, 0, left) === 'timed-out') break;
    // Re-armed before reading: an answer posted after this store sets the flag again, so it is never slept through.
    Atomics.store(flag, 0, 0);
  }
  // No answer at all: the helper thread is gone or stuck (a child still busy kills itself at its deadline).
  if (port === local) void stopDeobfuscator();
  return { ok: false, error: `deobfuscator did not answer within ${timeoutMs} ms`, ms: ms() };
}
