/**
 * Heavy deobfuscation of obfuscator.io output (string arrays, rotation, wrappers, control-flow flattening) with
 * webcrack. The sample's decoder functions are evaluated by webcrack inside an isolated-vm isolate (no I/O, memory
 * limit), and the whole job runs in a separate child process with a heap cap and a hard wall-clock kill: nothing of the
 * sample ever runs in the scanner's own process, and hostile input ends as an error, never a hang.
 *
 * Synchronous on purpose (rules are synchronous): only files the obfuscator-io rule matched get here, so the cost
 * (~0.3–3 s) is paid rarely.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type DeobResult = { ok: true; code: string; ms: number } | { ok: false; error: string; ms: number };

export interface DeobOptions {
  /** Wall-clock limit for the child process (killed with SIGKILL after it). */
  timeoutMs?: number;
  /** Old-space heap cap of the child, MiB. */
  heapMb?: number;
  /** Inputs larger than this are not attempted. */
  maxInputBytes?: number;
}

let resolved: { webcrack: string; ivm: string } | null | undefined;
/** Where webcrack and isolated-vm live (file URLs), or null when they are not installed. Resolved once, not loaded. */
function modules(): { webcrack: string; ivm: string } | null {
  if (resolved !== undefined) return resolved;
  try {
    const meta = import.meta as ImportMeta & { resolve?: (s: string) => string };
    if (meta.resolve) resolved = { webcrack: meta.resolve('webcrack'), ivm: meta.resolve('isolated-vm') };
    else {
      const req = createRequire(import.meta.url);
      resolved = { webcrack: pathToFileURL(req.resolve('webcrack')).href, ivm: pathToFileURL(req.resolve('isolated-vm')).href };
    }
    req0().resolve('isolated-vm/out/isolated_vm.node');
  } catch {
    resolved = null;
  }
  return resolved;
}
const req0 = () => createRequire(import.meta.url);

/** Whether webcrack (and isolated-vm, its sandbox, built) can be loaded here. */
export function deobfuscatorAvailable(): boolean {
  return modules() !== null;
}

/**
 * The child's program, run with `node --input-type=module -e` (no loader, no file to ship): stdin = obfuscated code,
 * stdout = JSON. webcrack evaluates the sample's string-array decoders through `sandbox`: a fresh isolated-vm isolate
 * per call (no I/O, no require, 64 MiB heap, 3 s CPU timeout).
 */
const CHILD = `
import { readFileSync } from 'node:fs';
const [webcrackUrl, ivmUrl] = process.argv.slice(1);
const out = (o) => process.stdout.write(JSON.stringify(o));
try {
  const input = readFileSync(0, 'utf8');
  const { webcrack } = await import(webcrackUrl);
  const ivm = (await import(ivmUrl)).default;
  const sandbox = async (code) => {
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const context = await isolate.createContext();
      return await context.eval(code, { timeout: 3000, copy: true, filename: 'file:///obfuscated.js' });
    } finally {
      isolate.dispose();
    }
  };
  const result = await webcrack(input, { unpack: false, deobfuscate: true, unminify: true, jsx: false, mangle: false, sandbox });
  out({ ok: true, code: result.code });
} catch (e) {
  out({ ok: false, error: String(e && e.message || e).slice(0, 500) });
}
process.exit(0);
`;

/** Per-thread ceiling on child runs: a tree full of obfuscated files must not turn a scan into minutes of decoding. */
const MAX_RUNS_PER_THREAD = 24;
let runs = 0;

export function deobfuscate(code: string, opts: DeobOptions = {}): DeobResult {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  if (!deobfuscatorAvailable()) return { ok: false, error: 'webcrack/isolated-vm not installed', ms: ms() };
  if (runs >= MAX_RUNS_PER_THREAD) return { ok: false, error: `deobfuscation budget of ${MAX_RUNS_PER_THREAD} files per worker used up`, ms: ms() };
  runs++;
  if (code.length > (opts.maxInputBytes ?? 2_000_000)) return { ok: false, error: 'input too large to deobfuscate', ms: ms() };
  const mods = modules()!;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${opts.heapMb ?? 512}`, '--input-type=module', '-e', CHILD, mods.webcrack, mods.ivm], {
    input: code,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 15_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 << 20,
    // No inherited secrets or proxies: the child needs nothing from the environment.
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '' },
    windowsHide: true,
  });
  if (r.error) return { ok: false, error: `deobfuscator failed: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`, ms: ms() };
  if (r.signal) return { ok: false, error: `deobfuscator killed (${r.signal}) after ${ms()} ms`, ms: ms() };
  try {
    const out = JSON.parse(r.stdout) as { ok: boolean; code?: string; error?: string };
    if (out.ok && typeof out.code === 'string') return { ok: true, code: out.code, ms: ms() };
    return { ok: false, error: out.error ?? 'deobfuscator returned nothing', ms: ms() };
  } catch {
    return { ok: false, error: `deobfuscator exited ${r.status}: ${String(r.stderr).slice(0, 300)}`, ms: ms() };
  }
}
