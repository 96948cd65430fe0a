import { parseArgs } from 'node:util';
import { detonate, DetonateError } from '../../api/detonate.js';
import { TargetError } from '../../targets/index.js';
import { UsageError, type CliIo } from '../io.js';
import { JAIL_OPTIONS, parseTimeoutMs, REPORT_OPTIONS } from '../options.js';
import { emit, exitCode, parseFailOn, parseFormat } from '../output.js';

export const DETONATE_HELP = `Usage: lurescan detonate <folder | archive | npm:name@version> [options]

Runs what the lure would run on its own (npm install scripts, npm start/dev, VS Code folder-open tasks, git hooks,
python entry points — from the autorun map) inside a bubblewrap jail: no network (a fake DNS and listeners record
every attempt), a decoy home full of canary secrets, an unprivileged user, time/process/memory limits. Reports what
it tried, in the same formats as scan. Needs bubblewrap, strace and iproute2 (Debian: apt-get install bubblewrap strace iproute2).

Options:
  --timeout <seconds>     wall-clock limit for everything run in the jail (default 60)
  --offline               do not install dependencies (outside the jail, scripts disabled) first
  --with-static           one verdict over static and behaviour findings (same as scan --detonate)
  -f, --format <fmt>      terminal | json | sarif | html | stix | csv (default terminal)
  --fail-on <verdict>     malicious | suspicious (default suspicious)
  --password <pw>         password for encrypted zips
  -o, --output <file>     write the report to a file
`;

export async function detonateCommand(args: string[], io: CliIo, opts: { includeStatic?: boolean } = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...REPORT_OPTIONS,
      password: { type: 'string' },
      ...JAIL_OPTIONS,
      'with-static': { type: 'boolean' },
      detonate: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout.write(DETONATE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('detonate takes exactly one target (see lurescan detonate --help)');
  const format = parseFormat(values.format);
  const failOn = parseFailOn(values['fail-on']);
  const timeoutMs = parseTimeoutMs(values.timeout, 60)!;
  let report;
  try {
    report = await detonate(positionals[0]!, {
      password: values.password,
      timeoutMs,
      offline: values.offline,
      includeStatic: opts.includeStatic || values['with-static'],
    });
  } catch (e) {
    if (e instanceof TargetError || e instanceof DetonateError) throw new UsageError(e.message);
    throw e;
  }
  emit(report, format, values.output, io);
  return exitCode(report, failOn);
}
