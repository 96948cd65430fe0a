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
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type DeobResult = { ok: true; code: string; ms: number } | { ok: false; error: string; ms: number };

export interface DeobOptions {
  /** Wall-clock limit for the child process (killed with SIGKILL after it). */
  timeoutMs?: number;
  /** Old-space heap cap of the child, MiB. */
  heapMb?: number;
  /** Inputs larger than this are not attempted. */
  maxInputBytes?: number;
}

let available: boolean | null = null;
/** Whether webcrack (and isolated-vm, its sandbox) can be loaded here. Checked once, without loading them. */
export function deobfuscatorAvailable(): boolean {
  if (available !== null) return available;
  try {
    const req = createRequire(import.meta.url);
    req.resolve('webcrack');
    req.resolve('isolated-vm');
    available = true;
  } catch {
    available = false;
  }
  return available;
}

function childEntry(): { script: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./deob-child.js', import.meta.url));
  if (existsSync(js)) return { script: js, execArgv: [] };
  // Running from source (tsx): the child needs the tsx loader too.
  return { script: fileURLToPath(new URL('./deob-child.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

export function deobfuscate(code: string, opts: DeobOptions = {}): DeobResult {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  if (!deobfuscatorAvailable()) return { ok: false, error: 'webcrack/isolated-vm not installed', ms: ms() };
  if (code.length > (opts.maxInputBytes ?? 2_000_000)) return { ok: false, error: 'input too large to deobfuscate', ms: ms() };
  const { script, execArgv } = childEntry();
  const r = spawnSync(process.execPath, [...execArgv, `--max-old-space-size=${opts.heapMb ?? 512}`, '--stack-size=4000', script], {
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
