import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from '../../api/check.js';
import { DetonateError } from '../../api/detonate.js';
import { renderCheckJson } from '../../reporters/check-json.js';
import { renderCheckTerminal } from '../../reporters/check-terminal.js';
import { TargetError } from '../../targets/index.js';
import { CHECK_HELP } from '../help.js';
import { UsageError, useColor, type CliIo } from '../io.js';
import { JAIL_OPTIONS, ONLINE_OPTIONS, parseMaxFileSize, parseOnline, parseTimeoutMs, REPORT_OPTIONS, TARGET_OPTIONS } from '../options.js';
import { exitCode, parseFailOn, writeOutput } from '../output.js';

/** `lurescan check --message FILE [--target T]`: the message and the code, one answer. */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      message: { type: 'string', short: 'm' },
      target: { type: 'string', short: 't' },
      detonate: { type: 'boolean' },
      ...JAIL_OPTIONS,
      ...REPORT_OPTIONS,
      ...TARGET_OPTIONS,
      ...ONLINE_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return 0;
  }
  if (positionals.length) throw new UsageError(`check takes --message FILE and --target TARGET, not '${positionals[0]}' (see lurescan check --help)`);
  if (!values.message) throw new UsageError('check needs --message FILE (the recruiter message; - for stdin); see lurescan check --help');
  const format = values.format;
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`unknown --format '${format}' for check (terminal or json)`);
  const failOn = parseFailOn(values['fail-on']);
  if (values.detonate && !values.target) throw new UsageError('--detonate needs --target');
  const timeoutMs = parseTimeoutMs(values.timeout);

  const online = parseOnline(values);
  if (online && !values.target) throw new UsageError('--online/--deep need --target');
  const limits = parseMaxFileSize(values['max-file-size']);

  const path = values.message;
  let raw: string;
  try {
    raw = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let report;
  try {
    report = await check(
      { message: raw, messageFile: path, target: values.target },
      { password: values.password, limits, detonate: values.detonate, offline: values.offline, online, timeoutMs },
    );
  } catch (e) {
    if (e instanceof TargetError || e instanceof DetonateError) throw new UsageError(e.message);
    throw e;
  }
  const text = format === 'json' ? renderCheckJson(report) : renderCheckTerminal(report, { color: !values.output && useColor(io.stdout, io.env), width: io.stdout.columns });
  writeOutput(text, values.output, io);
  return exitCode(report, failOn);
}
