/**
 * A loopback stand-in for the npm registry, the PyPI JSON API and the OSV bulk export, for tests: node:http on
 * 127.0.0.1 with a random port, serving fixtures built in memory. Nothing here touches the real network.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { packTar } from 'modern-tar';

export type Route = { status?: number; body?: string | Buffer; type?: string } | ((req: IncomingMessage, res: ServerResponse) => void);

export interface FakeRegistry {
  url: string;
  routes: Map<string, Route>;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startFakeRegistry(routes: Record<string, Route> = {}): Promise<FakeRegistry> {
  const map = new Map(Object.entries(routes));
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.push(path);
    const route = map.get(path);
    if (typeof route === 'function') return route(req, res);
    if (!route) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
      return;
    }
    const body = route.body ?? '';
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: map,
    hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

/** A gzipped npm tarball (files under `package/`). */
export async function npmTarball(files: Record<string, string>): Promise<Buffer> {
  const entries = Object.entries(files).map(([name, body]) => ({ header: { name: `package/${name}`, size: Buffer.byteLength(body), type: 'file' as const }, body }));
  return gzipSync(await packTar(entries));
}

export function sri(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/**
 * A full packument: versions → publish time (ISO). `tarballs` (version → bytes) adds dist.tarball/integrity pointing
 * at `<base>/<name>/-/<name>-<version>.tgz`, and registers those routes when `registry` is given.
 */
export function packument(
  name: string,
  versions: Record<string, string>,
  opts: { base?: string; tarballs?: Record<string, Buffer>; registry?: FakeRegistry; created?: string; latest?: string } = {},
): string {
  const base = opts.base ?? opts.registry?.url ?? 'http://127.0.0.1:9';
  const docVersions: Record<string, unknown> = {};
  for (const v of Object.keys(versions)) {
    const bytes = opts.tarballs?.[v];
    const file = `${name.replace(/^@[^/]+\//, '')}-${v}.tgz`;
    const tarPath = `/${name}/-/${file}`;
    if (bytes && opts.registry) opts.registry.routes.set(tarPath, { body: bytes, type: 'application/octet-stream' });
    docVersions[v] = {
      name,
      version: v,
      dist: { tarball: `${base}${tarPath}`, shasum: createHash('sha1').update(bytes ?? '').digest('hex'), ...(bytes ? { integrity: sri(bytes) } : {}) },
    };
  }
  const times = Object.values(versions).sort();
  const keys = Object.keys(versions);
  return JSON.stringify({
    _id: name,
    name,
    'dist-tags': keys.length ? { latest: opts.latest ?? keys[keys.length - 1] } : {},
    versions: docVersions,
    time: keys.length ? { created: opts.created ?? times[0], modified: times[times.length - 1], ...versions } : {},
  });
}

/** PyPI JSON API document: version → upload time. `sdists` (version → .tar.gz bytes) are served at /files/<name>-<v>.tar.gz. */
export function pypiDocument(name: string, releases: Record<string, string>, opts: { registry?: FakeRegistry; sdists?: Record<string, Buffer> } = {}): string {
  const keys = Object.keys(releases);
  const fileOf = (v: string, t: string) => {
    const filename = `${name}-${v}.tar.gz`;
    const bytes = opts.sdists?.[v];
    if (bytes && opts.registry) opts.registry.routes.set(`/files/${filename}`, { body: bytes, type: 'application/octet-stream' });
    return {
      filename,
      packagetype: 'sdist',
      upload_time_iso_8601: t,
      url: `${opts.registry?.url ?? 'http://127.0.0.1:9'}/files/${filename}`,
      digests: { sha256: createHash('sha256').update(bytes ?? '').digest('hex') },
    };
  };
  return JSON.stringify({
    info: { name, version: keys[keys.length - 1] ?? null },
    releases: Object.fromEntries(Object.entries(releases).map(([v, t]) => [v, [fileOf(v, t)]])),
  });
}

/** A gzipped sdist (files under `<name>-<version>/`). */
export async function sdist(name: string, version: string, files: Record<string, string>): Promise<Buffer> {
  const entries = Object.entries(files).map(([p, body]) => ({ header: { name: `${name}-${version}/${p}`, size: Buffer.byteLength(body), type: 'file' as const }, body }));
  return gzipSync(await packTar(entries));
}
