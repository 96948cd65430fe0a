import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report, Verdict } from '../core/report.js';
import { FORMATS, render, type Format } from '../reporters/index.js';
import { sarifOptionsFor, type SarifOptions } from '../reporters/sarif.js';
import { directoryRoot } from '../targets/index.js';
import { UsageError, useColor, type CliIo } from './io.js';

const RANK: Record<Verdict, number> = { clean: 0, suspicious: 1, malicious: 2 };

export function parseFormat(v: string | undefined): Format {
  const f = (v ?? 'terminal') as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`unknown --format '${v}' (one of ${FORMATS.join(', ')})`);
  return f;
}

export function parseFailOn(v: string | undefined): Verdict | undefined {
  if (v === undefined) return undefined;
  if (v !== 'malicious' && v !== 'suspicious') throw new UsageError(`--fail-on must be malicious or suspicious, not '${v}'`);
  return v;
}

/** Renders and writes the report; colours only for the terminal format going to a colour-capable stdout. */
export function emit(report: Report, format: Format, output: string | undefined, io: CliIo): void {
  const color = format === 'terminal' && !output && useColor(io.stdout, io.env);
  const sarif = format === 'sarif' ? sarifLocation(report.target) : undefined;
  writeOutput(render(report, format, { color, sarif }), output, io);
}

/** A scanned local folder: SARIF paths relative to the working directory (the repository root in CI). */
function sarifLocation(target: string): SarifOptions | undefined {
  const abs = resolve(target);
  try {
    if (!statSync(abs).isDirectory()) return undefined;
  } catch {
    return undefined; // npm:, pypi:, or an archive that is gone: paths stay relative to the package root
  }
  return sarifOptionsFor(directoryRoot(abs).root, process.cwd()); // report paths start at the root (node_modules/…)
}

/** Writes rendered text to --output, or to stdout; a file that cannot be written is a usage error (exit 2). */
export function writeOutput(text: string, output: string | undefined, io: CliIo): void {
  if (output) {
    try {
      writeFileSync(output, text);
    } catch (e) {
      throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else io.stdout.write(text);
}

/**
 * The exit-code contract of scan, detonate and check: 2 when something was not examined (a clean-looking incomplete
 * scan must not pass), else 1 at/above failOn.
 */
export function exitCode(report: { verdict: Verdict; incomplete: boolean }, failOn: Verdict | undefined): number {
  if (report.incomplete) return 2;
  if (failOn === undefined) return 0;
  return RANK[report.verdict] >= RANK[failOn] ? 1 : 0;
}
