/**
 * `--deep`: each direct dependency's published package (npm tarball, integrity checked against the packument; PyPI
 * sdist or wheel, SHA-256 checked) is downloaded, unpacked by the npm:/pypi: targets (nothing runs) and scanned with
 * the same rules. Its findings join the project's report under `node_modules/<name>/…` (PyPI: `site-packages/<name>/…`),
 * carrying `dependency: npm:name@version` / `pypi:name==version`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { ScanError } from '../core/report.js';
import { TargetError } from '../targets/errors.js';
import type { NpmFetcher, PypiFetcher } from '../targets/types.js';
import { httpGet } from './http.js';
import type { DependencyScanner } from './index.js';
import type { RegistryClient, TarballRef } from './registry.js';

/** Checks bytes against an SRI string (`sha512-<b64> sha1-<b64>`: the strongest listed algorithm) or a hex SHA-1. */
export function checkIntegrity(bytes: Uint8Array, ref: Pick<TarballRef, 'integrity' | 'shasum' | 'sha256'>): { ok: true } | { ok: false; error: string } {
  if (ref.integrity) {
    const parts = ref.integrity.trim().split(/\s+/).map((p) => /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)/.exec(p)).filter((m) => m !== null);
    const order = ['sha512', 'sha384', 'sha256', 'sha1'];
    parts.sort((a, b) => order.indexOf(a[1]!) - order.indexOf(b[1]!));
    const best = parts[0];
    if (best) {
      const got = createHash(best[1]!).update(bytes).digest('base64');
      const wanted = parts.filter((p) => p[1] === best[1]).map((p) => p[2]);
      return wanted.includes(got) ? { ok: true } : { ok: false, error: `integrity mismatch (${best[1]} ${got} is not ${wanted[0]})` };
    }
  }
  if (ref.sha256) {
    const got = createHash('sha256').update(bytes).digest('hex');
    return got === ref.sha256.toLowerCase() ? { ok: true } : { ok: false, error: `sha256 mismatch (${got} is not ${ref.sha256})` };
  }
  if (ref.shasum) {
    const got = createHash('sha1').update(bytes).digest('hex');
    return got === ref.shasum.toLowerCase() ? { ok: true } : { ok: false, error: `shasum mismatch (${got} is not ${ref.shasum})` };
  }
  return { ok: false, error: 'the registry gave no integrity or shasum for this tarball' };
}

/** Downloads exactly `ref` (not whatever `npm pack` or the index would choose), verifies it, saves it in destDir. */
async function download(ref: TarballRef, client: RegistryClient, destDir: string): Promise<string> {
  const spec = specOf(ref);
  const maxBytes = client.opts.maxTarballBytes ?? 64 << 20;
  const got = await client.limit(() => httpGet(ref.url, { timeoutMs: Math.max(client.timeoutMs, 60_000), maxBytes }));
  if (!got.ok) throw new TargetError(`cannot download ${spec}: ${got.error}`);
  const check = checkIntegrity(got.body, ref);
  if (!check.ok) throw new TargetError(`${spec} from ${ref.url}: ${check.error}`);
  const path = join(destDir, ref.filename ?? `${ref.name.replace('/', '-')}-${ref.version}.tgz`);
  writeFileSync(path, got.body);
  return path;
}

export function tarballFetcher(ref: TarballRef, client: RegistryClient): NpmFetcher {
  return (_pkg, destDir) => download(ref, client, destDir);
}

export function pypiFetcher(ref: TarballRef, client: RegistryClient): PypiFetcher {
  return (_name, _version, destDir) => download(ref, client, destDir);
}

function specOf(ref: TarballRef): string {
  return ref.ecosystem === 'pypi' ? `pypi:${ref.name}==${ref.version}` : `npm:${ref.name}@${ref.version}`;
}

export async function scanDependencies(
  refs: TarballRef[],
  client: RegistryClient,
  scanDependency: DependencyScanner,
): Promise<{ findings: Finding[]; errors: ScanError[]; fileHashes: Record<string, string> }> {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const fileHashes: Record<string, string> = {};
  const max = client.opts.maxDeep ?? 200;
  for (const ref of refs.slice(max)) errors.push({ path: `node_modules/${ref.name}`, message: `online --deep: not scanned (more than ${max} dependencies)` });
  // One at a time: each scan already uses every core.
  for (const ref of refs.slice(0, max)) {
    const spec = specOf(ref);
    const prefix = ref.ecosystem === 'pypi' ? `site-packages/${ref.name}/` : `node_modules/${ref.name}/`;
    try {
      const report = await scanDependency(spec, ref.ecosystem === 'pypi' ? { pypiFetch: pypiFetcher(ref, client) } : { npmFetch: tarballFetcher(ref, client) });
      for (const f of report.findings) {
        findings.push({ ...f, file: prefix + f.file, dependency: spec, iocs: f.iocs?.map((i) => ({ ...i, file: prefix + i.file })) });
      }
      for (const e of report.errors) errors.push({ path: prefix + e.path, message: `${spec}: ${e.message}` });
      for (const [file, hash] of Object.entries(report.fileHashes ?? {})) fileHashes[prefix + file] = hash;
    } catch (e) {
      errors.push({ path: prefix.slice(0, -1), message: `online --deep: ${(e as Error)?.message ?? e}` });
    }
  }
  return { findings, errors, fileHashes };
}
