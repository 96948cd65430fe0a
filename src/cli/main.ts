import { scanCommand } from './commands/scan.js';
import { TOOL_VERSION } from '../api/version.js';

const USAGE = `lurescan ${TOOL_VERSION} — is this repo, package or message a fake-recruiter lure?

Usage:
  lurescan scan <folder | file.zip | file.tgz | npm:name@version> [options]

Options (scan):
  --format <terminal|json|sarif>   output format (default: terminal)
  --fail-on <malicious|suspicious> exit 1 at or above this verdict (default: suspicious)
  --password <pw>                  password for encrypted zips
  --rule <id>                      only run this rule (repeatable)
  --disable <id>                   do not run this rule (repeatable)
  --max-file-size <MB>             files above this are not read (reported; default 128)
  --threads <n>                    worker threads (0: in-process)
  --output <file>                  write the report to a file instead of stdout

Exit codes: 0 clean or below --fail-on, 1 at/above --fail-on, 2 the scan failed or was incomplete.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest);
      default:
        process.stderr.write(`lurescan: unknown command '${command}'\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    process.stderr.write(`lurescan: ${(e as Error)?.message ?? e}\n`);
    return 2;
  }
}

