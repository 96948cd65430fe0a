/** A target that cannot be opened at all (missing, corrupt, wrong password, registry unreachable): the CLI exits 2. */
export class TargetError extends Error {
  override name = 'TargetError';
}
