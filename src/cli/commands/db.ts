import { parseArgs } from 'node:util';
import type { CacheEcosystem } from '../../analyzers/manifest/osv-cache.js';
import { dbStatus, DEFAULT_OSV_SOURCE, updateOsvDb } from '../../online/osv-update.js';
import { UsageError, type CliIo } from '../io.js';

export const DB_HELP = `Usage: lurescan db update [--source <url>] [--ecosystem npm|pypi]
       lurescan db status [--format terminal|json]

The known-malicious package database behind the dep-known-malicious rule: a small seed shipped with lurescan,
plus the MAL-* advisories of the OpenSSF malicious-packages project (OSV format) downloaded by \`db update\`.

  update   downloads <source>/npm/all.zip and <source>/PyPI/all.zip (the OSV bulk export), keeps the MAL-*
           advisories and replaces the cache atomically. Scans stay offline: they only read the cache.
  status   how many advisories are shipped and downloaded, and how old the download is.

Options:
      --source <url|path>   OSV export base, or one .zip (default: ${DEFAULT_OSV_SOURCE});
                            a local folder (<path>/npm/all.zip, <path>/PyPI/all.zip) or .zip works offline
      --ecosystem <eco>     npm or pypi (repeatable; default both)
  -f, --format <fmt>        status output: terminal or json
  -h, --help                this help

Cache folder: $LURESCAN_CACHE_DIR/osv, else $XDG_CACHE_HOME/lurescan/osv, else ~/.cache/lurescan/osv.
Exit codes: 0 done, 2 a download failed (the previous cache is kept) or bad arguments.
`;

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      ecosystem: { type: 'string', multiple: true },
      format: { type: 'string', short: 'f', default: 'terminal' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(DB_HELP);
    return 0;
  }
  const [sub, ...extra] = positionals;
  if (!sub || extra.length || (sub !== 'update' && sub !== 'status')) throw new UsageError('db takes update or status (see lurescan db --help)');
  const ecosystems = values.ecosystem?.map((e) => e.toLowerCase());
  if (ecosystems?.some((e) => e !== 'npm' && e !== 'pypi')) throw new UsageError('--ecosystem takes npm or pypi');
  if (values.source !== undefined && (/^[a-z][\w+.-]*:\/\//i.test(values.source) ? !/^https?:\/\/[^\s/]+/i.test(values.source) : !values.source)) {
    throw new UsageError(`--source takes an http(s) URL, a folder or a .zip, not '${values.source}'`);
  }

  if (sub === 'status') {
    const status = dbStatus();
    if (values.format === 'json') {
      io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return status.ecosystems.some((e) => e.error) ? 2 : 0;
    }
    if (values.format !== 'terminal') throw new UsageError(`unknown --format '${values.format}' for db status (terminal or json)`);
    io.stdout.write(`Known-malicious package database\n  shipped seed: ${status.shipped} advisories\n`);
    for (const e of status.ecosystems) {
      if (e.error) io.stdout.write(`  ${e.ecosystem}: unreadable: ${e.error}\n`);
      else if (!e.updatedAt) io.stdout.write(`  ${e.ecosystem}: not downloaded (run lurescan db update)\n`);
      else io.stdout.write(`  ${e.ecosystem}: ${e.entries} advisories, downloaded ${e.updatedAt.slice(0, 16).replace('T', ' ')} UTC (${e.ageDays === 0 ? 'today' : `${e.ageDays} days ago`}) from ${e.source}\n`);
    }
    io.stdout.write(`  cache folder: ${status.dir}\n`);
    return status.ecosystems.some((e) => e.error) ? 2 : 0;
  }

  const { dir, results } = await updateOsvDb({ source: values.source, ecosystems: ecosystems as CacheEcosystem[] | undefined });
  for (const r of results) {
    if (r.ok) io.stdout.write(`${r.ecosystem}: ${r.kept} malicious-package advisories (MAL-*) of ${r.scanned} in ${r.url}${r.skipped ? `; ${r.skipped} unreadable entries skipped` : ''}\n`);
    else io.stderr.write(`lurescan: db update ${r.ecosystem} failed: ${r.error} (the previous database is kept)\n`);
  }
  io.stdout.write(`cache folder: ${dir}\n`);
  return results.every((r) => r.ok) ? 0 : 2;
}
