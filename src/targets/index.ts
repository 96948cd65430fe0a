import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { openAsar } from './asar.js';
import { detectArchive } from './detect.js';
import { walkDirectory } from './dir.js';
import { TargetError } from './errors.js';
import { expandNested } from './nested.js';
import { openNpm } from './npm.js';
import { openPypi } from './pypi.js';
import { openTar } from './tar.js';
import { DEFAULT_LIMITS, type OpenOptions, type Target, type TargetLimits } from './types.js';

export type { Target, TargetFile, OpenOptions, TargetLimits, NpmFetcher, PypiFetcher } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { TargetError } from './errors.js';
export { expandLateArchives } from './nested.js';

/** Resolves what the user named into a Target. Throws TargetError with a user-facing message when it cannot. */
export async function openTarget(spec: string, opts: OpenOptions = {}): Promise<Target> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const target = await openOuter(spec, opts, limits);
  try {
    return opts.nestedArchives === false ? target : await expandNested(target, limits, opts.password);
  } catch (e) {
    await target.cleanup();
    throw e;
  }
}

async function openOuter(spec: string, opts: OpenOptions, limits: TargetLimits): Promise<Target> {
  if (spec.startsWith('npm:')) return openNpm(spec, limits, opts.npmFetch);
  if (spec.startsWith('pypi:')) return openPypi(spec, limits, opts.pypiFetch);
  const abs = resolve(spec);
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new TargetError(`cannot open ${spec}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  if (st.isDirectory()) {
    const { root, prefix } = directoryRoot(abs);
    const walked = walkDirectory(abs);
    if (prefix) {
      for (const f of walked.files) f.rel = prefix + f.rel;
      for (const x of walked.skipped) x.path = prefix + x.path;
      for (const x of walked.errors) x.path = prefix + x.path;
    }
    return { display: spec, kind: 'directory', root, ...walked, cleanup: async () => {} };
  }
  if (!st.isFile()) throw new TargetError(`cannot scan ${spec}: not a file or folder`);
  let archive;
  try {
    archive = detectArchive(abs);
  } catch (e) {
    throw new TargetError(`cannot open ${spec}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  // zip.js (~0.5 MB of code) loads only when a zip is scanned.
  if (archive === 'zip') return (await import('./zip.js')).openZip(abs, spec, limits, opts.password, opts.onFile, opts.onSize);
  if (archive === 'tar' || archive === 'tgz') return openTar(abs, spec, limits, { gzip: archive === 'tgz' });
  if (archive === 'asar') return openAsar(abs, spec, limits);
  const name = abs.slice(abs.lastIndexOf('/') + 1);
  return {
    display: spec,
    kind: 'file',
    root: abs.slice(0, abs.lastIndexOf('/')),
    files: [{ rel: name, abs, size: st.size }],
    skipped: [],
    errors: [],
    cleanup: async () => {},
  };
}

/**
 * Where report paths of a scanned folder start. A folder named node_modules is the installed dependencies of the
 * folder above it: its files are reported as `node_modules/<package>/…` so that every rule and the score see them as
 * vendored code, exactly as when the project itself is scanned (otherwise esbuild's binary reads as "an executable
 * committed in the source tree" and a package's GitHub devDependency as the project's own).
 */
export function directoryRoot(abs: string): { root: string; prefix: string } {
  return basename(abs) === 'node_modules' ? { root: dirname(abs), prefix: 'node_modules/' } : { root: abs, prefix: '' };
}
