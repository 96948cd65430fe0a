import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Report } from '../../core/report.js';
import { REPORT_HELP } from '../help.js';
import { UsageError, type CliIo } from '../io.js';
import { emit, exitCode, parseFailOn, parseFormat } from '../output.js';
import { validateReport } from '../validate-report.js';

/** `lurescan report saved.json --format html`: a saved JSON report rendered again, after a schema check. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'terminal' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('report takes exactly one saved JSON report (see lurescan report --help)');
  const format = parseFormat(values.format);
  const failOn = parseFailOn(values['fail-on']);
  const path = positionals[0]!;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path === '-' ? 0 : path, 'utf8'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`cannot read ${path}: ${err.code ?? err.message}`);
  }
  const problems = validateReport(data);
  if (problems.length) {
    throw new UsageError(`${path} is not a lurescan JSON report: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`);
  }
  const report = data as Report;
  emit(report, format, values.output, io);
  // A re-render succeeded: the scan's own incompleteness was already signalled when it ran.
  return failOn ? exitCode({ ...report, incomplete: false }, failOn) : 0;
}
