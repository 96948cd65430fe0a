import { TOOL_VERSION } from '../api/version.js';
import { FORMATS } from '../reporters/index.js';

export const MAIN_HELP = `lurescan ${TOOL_VERSION} — is this repo, package or archive a fake-recruiter lure? Nothing in it is run.

Usage:
  lurescan scan <target> [options]         scan a folder, .zip, .tar/.tgz or npm:name@version
  lurescan detonate <target> [options]     run what would autorun inside a bubblewrap jail and report what it tried
  lurescan report <saved.json> [options]   re-render a saved JSON report in another format
  lurescan <command> --help                options of a command
  lurescan --version

Examples:
  lurescan scan ./take-home-test
  lurescan scan test-task.zip --password infected
  lurescan scan . --format sarif --output lurescan.sarif
  lurescan scan . --format json > report.json && lurescan report report.json --format html -o report.html

Exit codes: 0 clean or below --fail-on, 1 at/above --fail-on, 2 the scan failed, was incomplete, or bad arguments.
`;

export const SCAN_HELP = `Usage: lurescan scan <folder | file.zip | file.tgz | npm:name@version> [options]

Reads the target without executing, importing or installing anything, and prints a verdict
(DO NOT RUN / RUN ONLY IN A SANDBOX / NO KNOWN THREAT), what would start by itself, and why.

Options:
  -f, --format <fmt>                 ${FORMATS.join('|')} (default: terminal)
  -o, --output <file>                write the report to a file instead of stdout
      --fail-on <malicious|suspicious>  exit 1 at or above this verdict (default: suspicious)
      --password <pw>                password for encrypted zips (e.g. infected)
      --rule <id>                    only run this rule (repeatable)
      --disable <id>                 do not run this rule (repeatable)
      --max-file-size <MB>           files above this are not read; they are listed and the scan is incomplete (default 128)
      --threads <n>                  worker threads (0: in-process)
      --no-progress                  no progress bar on stderr
      --detonate                     also run it in the jail: one verdict over static and behaviour findings
                                     (with --timeout <s>, --offline; see lurescan detonate --help)
  -h, --help                         this help

Colours: only on a terminal, never with NO_COLOR set; FORCE_COLOR=1 forces them.
Exit codes: 0 clean or below --fail-on, 1 at/above --fail-on, 2 the scan failed or was incomplete, or bad arguments.
`;

export const REPORT_HELP = `Usage: lurescan report <saved.json> [options]

Renders a report saved with \`lurescan scan --format json\` again, e.g. as HTML for a colleague or STIX for a SOC.
The saved file is checked against schema/report.schema.json first.

Options:
  -f, --format <fmt>                 ${FORMATS.join('|')} (default: terminal)
  -o, --output <file>                write to a file instead of stdout
      --fail-on <malicious|suspicious>  exit 1 at or above this verdict (default: never; exit 0 once rendered)
  -h, --help                         this help

Exit codes: 0 rendered, 1 verdict at/above --fail-on, 2 unreadable or invalid report, or bad arguments.
`;
