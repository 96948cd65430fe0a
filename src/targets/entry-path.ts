/**
 * Validates an archive entry name before anything is written. Archives are attacker-made: a name may climb out of
 * the unpack folder (`../`), be absolute (`/etc/cron.d/x`, `C:\\x`), use backslashes that Windows tools treat as
 * separators, or carry NUL bytes. Every such name is refused; the caller reports it.
 */
export type EntryPath = { ok: true; rel: string } | { ok: false; reason: string };

/** Linux's PATH_MAX: longer names cannot be created anyway, and unbounded ones make path handling quadratic. */
const MAX_PATH_BYTES = 4096;

export function checkEntryPath(name: string, stripComponents = 0): EntryPath {
  if (name.includes('\0')) return { ok: false, reason: 'name contains a NUL byte' };
  if (name.length > MAX_PATH_BYTES || Buffer.byteLength(name) > MAX_PATH_BYTES) return { ok: false, reason: `path longer than ${MAX_PATH_BYTES} bytes` };
  if (/^[A-Za-z]:/.test(name)) return { ok: false, reason: 'absolute path (drive letter)' };
  if (name.startsWith('/') || name.startsWith('\\')) return { ok: false, reason: 'absolute path' };
  // Backslash counts as a separator here so `..\\evil` is caught too; the stored name keeps the original spelling.
  const parts = name.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { ok: false, reason: "path contains '..' and could climb out of the unpack folder" };
  const kept = parts.slice(stripComponents);
  if (!kept.length) return { ok: true, rel: '' };
  if (kept.some((p) => Buffer.byteLength(p) > 255)) return { ok: false, reason: 'a path segment is longer than 255 bytes' };
  return { ok: true, rel: kept.join('/') };
}
