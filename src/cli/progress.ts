/**
 * A progress bar on stderr, only on a TTY, only once a scan has run for a second (short scans stay quiet), never with
 * NO_COLOR-style dumb terminals.
 */
export function createProgress(stream: NodeJS.WriteStream) {
  const enabled = stream.isTTY === true && process.env.TERM !== 'dumb' && !process.env.CI;
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update: (p: { doneBytes: number; totalBytes: number; doneFiles: number; totalFiles: number }) => {
      if (!enabled) return;
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const frac = p.totalBytes ? p.doneBytes / p.totalBytes : p.doneFiles / Math.max(1, p.totalFiles);
      const width = 30;
      const fill = Math.round(frac * width);
      stream.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${Math.round(frac * 100)}% ${p.doneFiles}/${p.totalFiles} files`);
    },
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
