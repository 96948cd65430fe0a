import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectArchive } from './detect.js';
import { TargetError } from './errors.js';
import { openTar } from './tar.js';
import type { NpmFetcher, Target, TargetLimits } from './types.js';

/**
 * Registry names only (optionally scoped, optionally @version/@tag/@range). Anything npm would read as a folder, a
 * git repo, a URL or an option (`../x`, `github:u/r`, `--x`) is refused: `npm pack` of a folder runs its scripts.
 */
const REGISTRY_SPEC = /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*(@[A-Za-z0-9.^~<>=*|+ _-]+)?$/i;
const NPM_TIMEOUT_MS = 120_000;

export function parseNpmSpec(spec: string): string {
  const pkg = spec.slice('npm:'.length).trim();
  if (!REGISTRY_SPEC.test(pkg)) throw new TargetError(`'${spec}' is not a registry package spec (npm:name or npm:name@version)`);
  return pkg;
}

/**
 * The default fetcher: `npm pack --ignore-scripts` downloads the published tarball (through the user's own registry,
 * proxy and auth settings) and runs nothing. It runs in an empty temp folder so no project `.npmrc` steers it.
 */
export const npmPackFetcher: NpmFetcher = (pkg, destDir) =>
  new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const args = ['pack', '--ignore-scripts', '--json', '--pack-destination', destDir, pkg];
    execFile(npm, args, { cwd: destDir, timeout: NPM_TIMEOUT_MS, maxBuffer: 16 << 20, windowsHide: true }, (err, _stdout, stderr) => {
      if (err) {
        reject(new TargetError(npmFailure(pkg, String(stderr), err)));
        return;
      }
      const tgz = readdirSync(destDir).find((f) => f.endsWith('.tgz'));
      if (!tgz) reject(new TargetError(`npm pack ${pkg} produced no tarball`));
      else resolve(join(destDir, tgz));
    });
  });

function npmFailure(pkg: string, stderr: string, err: { code?: string | number | null; killed?: boolean; message: string }): string {
  if (err.code === 'ENOENT') return `cannot fetch npm:${pkg}: the npm command was not found`;
  if (err.killed) return `cannot fetch npm:${pkg}: npm did not finish within ${NPM_TIMEOUT_MS / 1000} s (registry unreachable?)`;
  if (/\bE404\b|404 Not Found/.test(stderr)) return `npm:${pkg} does not exist on the registry (404)`;
  if (/\bETARGET\b/.test(stderr)) return `npm:${pkg}: no matching version on the registry`;
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network/i.test(stderr)) {
    return `cannot fetch npm:${pkg}: the registry is unreachable (${firstErrorLine(stderr)})`;
  }
  return `cannot fetch npm:${pkg}: npm pack failed (${firstErrorLine(stderr) || err.message})`;
}

function firstErrorLine(stderr: string): string {
  return stderr.split('\n').find((l) => /error/i.test(l))?.replace(/^npm (ERR!|error)\s*/, '').trim().slice(0, 200) ?? '';
}

/** Fetches `npm:name@version` as its published tarball and unpacks it like a .tgz, without the `package/` prefix. */
export async function openNpm(spec: string, limits: TargetLimits, fetcher: NpmFetcher = npmPackFetcher): Promise<Target> {
  const pkg = parseNpmSpec(spec);
  const download = mkdtempSync(join(tmpdir(), 'lurescan-npm-'));
  try {
    let tarball: string;
    try {
      tarball = await fetcher(pkg, download);
    } catch (e) {
      throw e instanceof TargetError ? e : new TargetError(`cannot fetch ${spec}: ${(e as Error).message}`);
    }
    // npm strips the first segment whatever it is called (`package/` nearly always; some old packages differ).
    const gzip = detectArchive(tarball) !== 'tar';
    return await openTar(tarball, spec, limits, { gzip, strip: 1, kind: 'npm' });
  } finally {
    await rm(download, { recursive: true, force: true });
  }
}
