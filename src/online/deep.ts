/**
 * `--deep`: each direct npm dependency's published tarball is downloaded (integrity checked against the packument),
 * unpacked by the npm: target (nothing runs) and scanned with the same rules. Its findings join the project's report
 * under `node_modules/<name>/…`, carrying `dependency: npm:name@version`.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { ScanError } from '../core/report.js';
import { TargetError } from '../targets/errors.js';
import type { NpmFetcher } from '../targets/types.js';
import { httpGet } from './http.js';
import type { DependencyScanner } from './index.js';
import type { RegistryClient, TarballRef } from './registry.js';

/** Checks bytes against an SRI string (`sha512-<b64> sha1-<b64>`: the strongest listed algorithm) or a hex SHA-1. */
export function checkIntegrity(bytes: Uint8Array, ref: Pick<TarballRef, 'integrity' | 'shasum'>): { ok: true } | { ok: false; error: string } {
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
  if (ref.shasum) {
    const got = createHash('sha1').update(bytes).digest('hex');
    return got === ref.shasum.toLowerCase() ? { ok: true } : { ok: false, error: `shasum mismatch (${got} is not ${ref.shasum})` };
  }
  return { ok: false, error: 'the registry gave no integrity or shasum for this tarball' };
}

/** An NpmFetcher that downloads exactly `ref` (not whatever `npm pack` would choose) and verifies it. */
export function tarballFetcher(ref: TarballRef, client: RegistryClient): NpmFetcher {
  return async (_pkg, destDir) => {
    const maxBytes = client.opts.maxTarballBytes ?? 64 << 20;
    const got = await client.limit(() => httpGet(ref.url, { timeoutMs: Math.max(client.timeoutMs, 60_000), maxBytes }));
    if (!got.ok) throw new TargetError(`cannot download npm:${ref.name}@${ref.version}: ${got.error}`);
    const check = checkIntegrity(got.body, ref);
    if (!check.ok) throw new TargetError(`npm:${ref.name}@${ref.version} from ${ref.url}: ${check.error}`);
    const path = join(destDir, `${ref.name.replace('/', '-')}-${ref.version}.tgz`);
    writeFileSync(path, got.body);
    return path;
  };
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
    const spec = `npm:${ref.name}@${ref.version}`;
    const prefix = `node_modules/${ref.name}/`;
    try {
      const report = await scanDependency(spec, tarballFetcher(ref, client));
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
