import { parseArgs } from 'node:util';
import { scan } from '../../api/scan.js';
import { TargetError } from '../../targets/index.js';
import { SCAN_HELP } from '../help.js';
import { UsageError, type CliIo } from '../io.js';
import { emit, exitCode, parseFailOn, parseFormat } from '../output.js';
import { JAIL_OPTIONS, ONLINE_OPTIONS, parseMaxFileSize, parseOnline, REPORT_OPTIONS, TARGET_OPTIONS } from '../options.js';
import { createProgress } from '../progress.js';

export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...REPORT_OPTIONS,
      ...TARGET_OPTIONS,
      rule: { type: 'string', multiple: true },
      disable: { type: 'string', multiple: true },
      threads: { type: 'string' },
      'no-progress': { type: 'boolean' },
      detonate: { type: 'boolean' },
      ...JAIL_OPTIONS, // passed on with --detonate
      ...ONLINE_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  // scan --detonate: static + behaviour in one verdict (the detonate command owns the jail options).
  if (args.includes('--detonate')) return (await import('./detonate.js')).detonateCommand(args.filter((a) => a !== '--detonate'), io, { includeStatic: true });
  if (positionals.length !== 1) throw new UsageError('scan takes exactly one target: a folder, archive or npm:name@version (see lurescan scan --help)');
  const format = parseFormat(values.format);
  const failOn = parseFailOn(values['fail-on']);
  const limits = parseMaxFileSize(values['max-file-size']);
  const threads = values.threads !== undefined ? Number(values.threads) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new UsageError('--threads takes a whole number ≥ 0');

  const online = parseOnline(values);

  const progress = createProgress(io.stderr, io.env, { enabled: !values['no-progress'] });
  let report;
  try {
    report = await scan(positionals[0]!, {
      password: values.password,
      rules: { only: values.rule, disable: values.disable },
      limits,
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
