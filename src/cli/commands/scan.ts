import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scan } from '../../api/scan.js';
import type { Verdict } from '../../core/report.js';
import { FORMATS, render, type Format } from '../../reporters/index.js';
import { TargetError } from '../../targets/index.js';
import { createProgress } from '../progress.js';

const RANK: Record<Verdict, number> = { clean: 0, suspicious: 1, malicious: 2 };

export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'terminal' },
      'fail-on': { type: 'string', default: 'suspicious' },
      password: { type: 'string' },
      rule: { type: 'string', multiple: true },
      disable: { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      threads: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) throw new Error('scan takes exactly one target (a folder, archive or npm:spec)');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new Error(`unknown --format '${values.format}' (one of ${FORMATS.join(', ')})`);
  const failOn = values['fail-on'] as Verdict;
  if (failOn !== 'malicious' && failOn !== 'suspicious') throw new Error(`--fail-on must be malicious or suspicious`);
  const maxMb = values['max-file-size'] ? Number(values['max-file-size']) : undefined;
  if (maxMb !== undefined && !(maxMb > 0)) throw new Error('--max-file-size takes a number of MB');
  const threads = values.threads !== undefined ? Number(values.threads) : undefined;
  if (threads !== undefined && !(threads >= 0)) throw new Error('--threads takes a number ≥ 0');

  const progress = createProgress(process.stderr);
  let report;
  try {
    report = await scan(positionals[0]!, {
      password: values.password,
      rules: { only: values.rule, disable: values.disable },
      limits: maxMb ? { maxFileBytes: Math.round(maxMb * 1024 * 1024) } : undefined,
      threads,
      onProgress: progress.update,
    });
  } catch (e) {
    progress.done();
    if (e instanceof TargetError) {
      process.stderr.write(`lurescan: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  progress.done();
  const color = format === 'terminal' && !values.output && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const text = render(report, format, { color });
  if (values.output) writeFileSync(values.output, text);
  else process.stdout.write(text);
  if (report.incomplete) return 2;
  return RANK[report.verdict] >= RANK[failOn] ? 1 : 0;
}
