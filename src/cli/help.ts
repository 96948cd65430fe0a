import { TOOL_VERSION } from '../api/version.js';
import { FORMATS } from '../reporters/index.js';

export const MAIN_HELP = `lurescan ${TOOL_VERSION} — is this repo, package or archive a fake-recruiter lure? Nothing in it is run.

Usage:
  lurescan scan <target> [options]         scan a folder, .zip, .tar/.tgz or npm:name@version
  lurescan detonate <target> [options]     run what would autorun inside a bubblewrap jail and report what it tried
  lurescan report <saved.json> [options]   re-render a saved JSON report in another format
  lurescan message <file | -> [options]    judge a recruiter message: lure tactics with quotes, links, what to do
  lurescan check --message <file> [--target <target>]
                                           one verdict for the message and the code it came with
  lurescan db update|status [options]      update / show the local known-malicious package database (OSV)
  lurescan <command> --help                options of a command
  lurescan --version

Examples:
  lurescan scan ./take-home-test
  lurescan scan test-task.zip --password infected
  lurescan scan . --format sarif --output lurescan.sarif
  lurescan scan . --format json > report.json && lurescan report report.json --format html -o report.html
  lurescan message linkedin-chat.txt
  lurescan check --message linkedin-chat.txt --target ./take-home-test

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
      --online                       look direct dependencies up on npm/PyPI: missing (dependency confusion),
                                     taken down as malware (0.0.1-security), first published days ago
      --deep                         --online, and download each direct dependency (integrity checked,
                                     nothing run) and scan it: findings under node_modules/<name>/
      --registry <url>               npm registry (default: $npm_config_registry, else https://registry.npmjs.org)
      --pypi-url <url>               PyPI index for --online (default: $LURESCAN_PYPI_URL, else https://pypi.org)
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

export const CHECK_HELP = `Usage: lurescan check --message <file | -> [--target <folder | file.zip | file.tgz | npm:name@version>] [options]

One verdict for the whole approach: the recruiter's message and the code it came with.
DO NOT RUN / RUN ONLY IN A SANDBOX / NO KNOWN THREAT, and why, in one screen.
- A malicious code verdict stays malicious whatever the message says.
- Suspicious code sent with a high-risk message is DO NOT RUN; clean code sent with a lure-like message is
  RUN ONLY IN A SANDBOX (lure payloads are often fetched at run time, where a static scan cannot see them).
- A pasted command that downloads and runs code ("run this to fix your camera") is DO NOT RUN on its own.
- Repository links, archive names and packages in the message are compared with the target's name and its
  package.json name/repository: a mismatch ("the message links X but you scanned Y") is reported, and a scan of
  something else cannot lower what the message alone says.
Without --target: the message's verdict alone, and the instruction to scan what they sent.
Nothing in the message or the target is fetched or run (except with --detonate, inside the jail).

Options:
  -m, --message <file>               the message: text, Markdown, .eml, Telegram JSON export (- for stdin)
  -t, --target <target>              what they sent, already downloaded
      --detonate                     also run the target in the bubblewrap jail (static + behaviour in one verdict)
      --timeout <s>                  jail time limit with --detonate
      --offline                      with --detonate: do not install dependencies first
  -f, --format <terminal|json>       (default: terminal)
  -o, --output <file>                write to a file instead of stdout
      --fail-on <malicious|suspicious>  exit 1 at or above this verdict (default: suspicious)
      --password <pw>                password for encrypted zips
      --max-file-size <MB>           files above this are not read; the scan is incomplete (default 128)
      --online, --deep, --registry <url>, --pypi-url <url>
                                     look the target's dependencies up on npm/PyPI (see lurescan scan --help)
  -h, --help                         this help

Exit codes: 0 below --fail-on, 1 at/above --fail-on, 2 the scan failed or was incomplete, or bad arguments.
`;
