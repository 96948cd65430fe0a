import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
export const EXAMPLE = join(REPO, 'examples/take-home-lure');
export const CLEAN_FIXTURE = join(REPO, 'test/cli/fixtures/clean-app');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams and a controlled environment (no TTY, no colour unless asked). */
export async function runCli(argv: string[], opts: { env?: Record<string, string | undefined>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    env: opts.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temp folder, removed when the test process exits (each run used to leave hundreds behind in /tmp). */
export function tmpDir(prefix = 'lurescan-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A folder whose scan is incomplete: one file above the size limit given with --max-file-size 1. */
export function dirWithErrors(): string {
  const d = tmpDir();
  writeFileSync(join(d, 'big.bin'), Buffer.alloc(2 << 20, 7));
  writeFileSync(join(d, 'index.js'), 'module.exports = 1;\n');
  return d;
}

export function emptyDir(): string {
  const d = tmpDir();
  mkdirSync(join(d, 'empty'), { recursive: true });
  return join(d, 'empty');
}

/** Durations differ run to run; everything else in a report is deterministic. */
export function normalize<T extends { stats: { durationMs: number } }>(r: T): T {
  return { ...r, stats: { ...r.stats, durationMs: 0 } };
}
