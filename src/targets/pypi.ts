import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectArchive } from './detect.js';
import { TargetError } from './errors.js';
import { openTar } from './tar.js';
import type { PypiFetcher, Target, TargetLimits } from './types.js';

/** PEP 508 names; versions as PEP 440 allows (plus local labels). Nothing that could be a URL or a path. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const VERSION = /^[A-Za-z0-9.!+_-]+$/;
const TIMEOUT_MS = 60_000;

export function parsePypiSpec(spec: string): { name: string; version?: string } {
  const [name = '', version, ...rest] = spec.slice('pypi:'.length).trim().split('==');
  if (!NAME.test(name) || rest.length || (version !== undefined && !VERSION.test(version))) {
    throw new TargetError(`'${spec}' is not a PyPI package spec (pypi:name or pypi:name==version)`);
  }
  return { name, version };
}

interface PypiFile {
  url: string;
  filename: string;
  packagetype: string;
  size?: number;
  digests?: { sha256?: string };
}

/**
 * The default fetcher: the index's JSON API, then the sdist (it carries setup.py, the part that runs at install) or
 * else the first wheel. A plain download: pip is never run, since `pip download` of an sdist executes its setup.py.
 * LURESCAN_PYPI_URL points at a mirror with the same JSON API.
 */
export const pypiJsonFetcher: PypiFetcher = async (name, version, destDir, maxBytes) => {
  const base = (process.env.LURESCAN_PYPI_URL ?? 'https://pypi.org').replace(/\/+$/, '');
  const label = `pypi:${name}${version ? `==${version}` : ''}`;
  const get = async (url: string) => {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw new TargetError(`cannot fetch ${label}: the package index is unreachable (${cause})`);
    }
  };
  const meta = await get(`${base}/pypi/${encodeURIComponent(name)}/${version ? `${encodeURIComponent(version)}/` : ''}json`);
  if (meta.status === 404) throw new TargetError(`${label} does not exist on the package index (404)`);
  if (!meta.ok) throw new TargetError(`cannot fetch ${label}: the package index answered HTTP ${meta.status}`);
  const info = (await meta.json()) as { urls?: PypiFile[] };
  const files = info.urls ?? [];
  const pick = files.find((f) => f.packagetype === 'sdist') ?? files.find((f) => f.packagetype === 'bdist_wheel');
  if (!pick) throw new TargetError(`${label} has no sdist or wheel to download`);
  if (!/^[\w.+-]+$/.test(pick.filename)) throw new TargetError(`${label}: refusing the file name '${pick.filename}'`);
  if ((pick.size ?? 0) > maxBytes) throw new TargetError(`${label}: ${pick.filename} is ${pick.size} bytes, over the limit of ${maxBytes}`);
  const res = await get(new URL(pick.url, `${base}/`).href);
  if (!res.ok || !res.body) throw new TargetError(`cannot fetch ${label}: download answered HTTP ${res.status}`);
  const out = join(destDir, pick.filename);
  const fd = openSync(out, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new TargetError(`${label}: download passed the limit of ${maxBytes} bytes`);
      hash.update(chunk);
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  const want = pick.digests?.sha256;
  if (want && hash.digest('hex') !== want.toLowerCase()) throw new TargetError(`${label}: ${pick.filename} does not match the index's SHA-256`);
  return out;
};

/** Fetches `pypi:name[==version]` and unpacks it; an sdist's single top folder (`name-1.0/`) is dropped. */
export async function openPypi(spec: string, limits: TargetLimits, fetcher: PypiFetcher = pypiJsonFetcher): Promise<Target> {
  const { name, version } = parsePypiSpec(spec);
  const download = mkdtempSync(join(tmpdir(), 'lurescan-pypi-'));
  try {
    let file: string;
    try {
      file = await fetcher(name, version, download, limits.maxTotalBytes);
    } catch (e) {
      throw e instanceof TargetError ? e : new TargetError(`cannot fetch ${spec}: ${(e as Error).message}`);
    }
    const kind = detectArchive(file);
    let target: Target;
    if (kind === 'zip') target = await (await import('./zip.js')).openZip(file, spec, limits);
    else if (kind === 'tar' || kind === 'tgz') target = await openTar(file, spec, limits, { gzip: kind === 'tgz', strip: 1 });
    else throw new TargetError(`${spec}: the downloaded file is neither a zip/wheel nor a tar.gz`);
    return { ...target, kind: 'pypi' };
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
