import type { OnlineOptions } from '../online/index.js';
import type { ScanOptions } from '../api/scan.js';
import { UsageError } from './io.js';

/**
 * parseArgs option tables shared by the commands, so `--format`, `--fail-on`, `--password` … mean the same thing
 * everywhere and a new command cannot spell one differently.
 */
export const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'terminal' },
  'fail-on': { type: 'string', default: 'suspicious' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How the target is opened: encrypted zips, the per-file size limit. */
export const TARGET_OPTIONS = {
  password: { type: 'string' },
  'max-file-size': { type: 'string' },
} as const;

/** The jail's options (detonate, scan --detonate, check --detonate). */
export const JAIL_OPTIONS = {
  timeout: { type: 'string' },
  offline: { type: 'boolean' },
} as const;

/** Online mode (scan, check). */
export const ONLINE_OPTIONS = {
  online: { type: 'boolean' },
  deep: { type: 'boolean' },
  registry: { type: 'string' },
  'pypi-url': { type: 'string' },
} as const;

/** `--max-file-size <MB>` as scan limits; undefined keeps the default. */
export function parseMaxFileSize(v: string | undefined): ScanOptions['limits'] {
  if (v === undefined) return undefined;
  const mb = Number(v);
  if (!(mb > 0)) throw new UsageError('--max-file-size takes a number of MB');
  return { maxFileBytes: Math.round(mb * 1024 * 1024) };
}

/** `--timeout <seconds>` in milliseconds; `fallbackS` when absent (undefined: the API's default). */
export function parseTimeoutMs(v: string | undefined, fallbackS?: number, maxS = 3600): number | undefined {
  if (v === undefined) return fallbackS === undefined ? undefined : Math.round(fallbackS * 1000);
  const s = Number(v);
  if (!(s > 0 && s <= maxS)) throw new UsageError(`--timeout takes a number of seconds (1–${maxS})`);
  return Math.round(s * 1000);
}

/** --deep implies --online; the registry options alone do not switch the network on. */
export function parseOnline(values: { online?: boolean; deep?: boolean; registry?: string; 'pypi-url'?: string }): OnlineOptions | undefined {
  const online = values.online || values.deep
    ? { deep: values.deep, npmRegistry: httpUrlOption('--registry', values.registry), pypiUrl: httpUrlOption('--pypi-url', values['pypi-url']) }
    : undefined;
  if (!online && (values.registry || values['pypi-url'])) throw new UsageError('--registry and --pypi-url need --online (or --deep)');
  return online;
}

function httpUrlOption(flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && !/^https?:\/\/[^\s/]+/.test(v)) throw new UsageError(`${flag} takes an http(s) URL, not '${v}'`);
  return v;
}
