import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { triageMessage } from '../../triage/index.js';
import { renderMessageJson, renderMessageTerminal } from '../../triage/render.js';
import { UsageError, useColor, type CliIo } from '../io.js';
import { writeOutput } from '../output.js';

const HELP = `lurescan message <file | -> [--format terminal|json] [--output FILE] [--fail-on high|elevated]

Judges a recruiter message (plain text, Markdown, .eml, Telegram JSON export; English and Japanese): the lure
tactics it uses, with quotes; the links, repositories, commands and lookalike domains it carries; a risk level
(high / elevated / low); what to do; and a polite reply asking for a video call and a public repository.
Nothing in the message is fetched or run.

Exit codes: 0 below --fail-on (default: elevated), 1 at or above it, 2 on errors.
`;

/** `lurescan message <file|->`: triage of a recruiter message. */
export async function messageCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'terminal' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string', default: 'elevated' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('message takes exactly one file (or - for stdin); see lurescan message --help');
  const format = values.format;
  if (format !== 'terminal' && format !== 'json') throw new UsageError(`unknown --format '${format}' for message (terminal or json)`);
  const failOn = values['fail-on'];
  if (failOn !== 'high' && failOn !== 'elevated') throw new UsageError(`--fail-on must be high or elevated, not '${failOn}'`);
  const path = positionals[0]!;
  let raw: string;
  try {
    raw = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const report = triageMessage(raw, { filename: path, source: path });
  const text = format === 'json' ? renderMessageJson(report) : renderMessageTerminal(report, { color: !values.output && useColor(io.stdout, io.env) });
  writeOutput(text, values.output, io);
  const rank = { low: 0, elevated: 1, high: 2 } as const;
  return rank[report.risk] >= rank[failOn] ? 1 : 0;
}
