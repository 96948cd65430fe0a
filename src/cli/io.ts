/** Where the CLI writes and what it reads from the environment; tests pass their own. */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** A user error: printed on stderr as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Colours only on a TTY and never with NO_COLOR (https://no-color.org: set and non-empty); FORCE_COLOR (non-zero) turns
 * them on where no TTY is, e.g. in CI logs. TERM=dumb turns them off.
 */
export function useColor(stream: OutStream, env: CliIo['env']): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
