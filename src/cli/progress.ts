import type { CliIo, OutStream } from './io.js';

export interface ProgressEvent {
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

/**
 * A progress bar on stderr: only on a TTY, only once a scan has run for a second (short scans stay quiet), never on a
 * dumb terminal or in CI logs. stdout stays clean for the report.
 */
export function createProgress(stream: OutStream, env: CliIo['env'], opts: { enabled?: boolean; delayMs?: number; now?: () => number } = {}) {
  const enabled = opts.enabled !== false && stream.isTTY === true && env.TERM !== 'dumb' && !env.CI;
  const now = opts.now ?? Date.now;
  const delay = opts.delayMs ?? 1000;
  const start = now();
  let shown = false;
  let last = 0;
  return {
    update: (p: ProgressEvent) => {
      if (!enabled) return;
      const t = now();
      if (t - start < delay || t - last < 100) return;
      last = t;
      shown = true;
      const frac = Math.min(1, p.totalBytes ? p.doneBytes / p.totalBytes : p.doneFiles / Math.max(1, p.totalFiles));
      const width = 30;
      const fill = Math.round(frac * width);
      stream.write(`\r\u001b[2K[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${Math.round(frac * 100)}% ${p.doneFiles}/${p.totalFiles} files`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
