import { TOOL_VERSION } from '../api/version.js';
import { scanCommand } from './commands/scan.js';
import { MAIN_HELP } from './help.js';
import { processIo, type CliIo } from './io.js';

/** argv (without node and script) → exit code. Never calls process.exit: bin/lurescan.js does. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  if (command === '--version' || command === '-v' || command === '-V') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, io);
      // The other commands load on demand: a scan does not pay for the sandbox, ajv or the OSV updater.
      case 'detonate': return await (await import('./commands/detonate.js')).detonateCommand(rest, io);
      case 'report': return await (await import('./commands/report.js')).reportCommand(rest, io);
      case 'message': return await (await import('./commands/message.js')).messageCommand(rest, io);
      case 'check': return await (await import('./commands/check.js')).checkCommand(rest, io);
      case 'db': return await (await import('./commands/db.js')).dbCommand(rest, io);
      default:
        io.stderr.write(`lurescan: unknown command '${command}' (see lurescan --help)\n`);
        return 2;
    }
  } catch (e) {
    // Bad arguments (parseArgs' TypeError with ERR_PARSE_ARGS_*), UsageError and unexpected failures all end here:
    // one line on stderr, exit 2, never a stack trace for a user mistake.
    const err = e as Error & { code?: string };
    const userMistake = err?.name === 'UsageError' || String(err?.code ?? '').startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`lurescan: ${userMistake ? '' : 'error: '}${String(err?.message ?? e).replace(/\s*\n\s*/g, ' ')}\n`);
    if (!userMistake && io.env.LURESCAN_DEBUG && err?.stack) io.stderr.write(`${err.stack}\n`);
    return 2;
  }
}
