import { parseArgs } from 'node:util';
import { scan } from '../../api/scan.js';
import type { OnlineOptions } from '../../online/index.js';
import { detonateCommand } from './detonate.js';
import { TargetError } from '../../targets/index.js';
import { SCAN_HELP } from '../help.js';
import { UsageError, type CliIo } from '../io.js';
import { emit, exitCode, parseFailOn, parseFormat } from '../output.js';
import { createProgress } from '../progress.js';

export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'terminal' },
      'fail-on': { type: 'string', default: 'suspicious' },
      password: { type: 'string' },
      rule: { type: 'string', multiple: true },
      disable: { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      threads: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      detonate: { type: 'boolean' },
      timeout: { type: 'string' },
      offline: { type: 'boolean' },
      ...ONLINE_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  // scan --detonate: static + behaviour in one verdict (the detonate command owns the jail options).
  if (args.includes('--detonate')) return detonateCommand(args.filter((a) => a !== '--detonate'), io, { includeStatic: true });
  if (positionals.length !== 1) throw new UsageError('scan takes exactly one target: a folder, archive or npm:name@version (see lurescan scan --help)');
  const format = parseFormat(values.format);
  const failOn = parseFailOn(values['fail-on']);
  const maxMb = values['max-file-size'] !== undefined ? Number(values['max-file-size']) : undefined;
  if (maxMb !== undefined && !(maxMb > 0)) throw new UsageError('--max-file-size takes a number of MB');
  const threads = values.threads !== undefined ? Number(values.threads) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new UsageError('--threads takes a whole number ≥ 0');

  const online = parseOnline(values);

  const progress = createProgress(io.stderr, io.env, { enabled: !values['no-progress'] });
  let report;
  try {
    report = await scan(positionals[0]!, {
      password: values.password,
      rules: { only: values.rule, disable: values.disable },
      limits: maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : undefined,
      threads,
      onProgress: progress.update,
      online,
    });
  } catch (e) {
    if (e instanceof TargetError) throw new UsageError(e.message);
    throw e;
  } finally {
    progress.done();
  }
  emit(report, format, values.output, io);
  return exitCode(report, failOn);
}

/** The parseArgs options of online mode, shared by scan and check. */
export const ONLINE_OPTIONS = {
  online: { type: 'boolean' },
  deep: { type: 'boolean' },
  registry: { type: 'string' },
  'pypi-url': { type: 'string' },
} as const;

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
