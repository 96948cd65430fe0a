import type { AutorunEntry } from './autorun.js';
import type { Finding, Ioc } from './finding.js';
import type { RuleMeta } from './rule.js';

/** Bump the major part on any breaking change to the JSON report; schema/report.schema.json follows it. */
export const SCHEMA_VERSION = '1.3.0';

export type Verdict = 'malicious' | 'suspicious' | 'clean';

export interface Skipped {
  path: string;
  reason: string;
}

/** How a skip/error reason starts when a file over the parse limit was analysed in part (text rules read all of it). */
export const REDUCED_ANALYSIS = 'reduced analysis';

/** A file examined in part, not left out: reporters call it "partial". */
export function isPartialReason(reason: string): boolean {
  return reason.startsWith(REDUCED_ANALYSIS);
}
export interface ScanError {
  path: string;
  message: string;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'lurescan'; version: string };
  target: string;
  verdict: Verdict;
  score: number;
  /** One paragraph: why this verdict. */
  summary: string;
  autorun: AutorunEntry[];
  findings: Finding[];
  iocs: Ioc[];
  skipped: Skipped[];
  errors: ScanError[];
  stats: { files: number; bytes: number; durationMs: number; parsedFiles?: number };
  /** Metadata of every rule that produced a finding, so reporters never reach back into the registry. */
  rules: Record<string, { id: string } & RuleMeta>;
  /** Present when the target was run in the jail (lurescan detonate, scan --detonate). */
  detonation?: DetonationSummary;
  /** True when something could not be examined (errors, or skips that hide content): exit code 2. */
  incomplete: boolean;
  /** SHA-256 (lowercase hex) of each file that carries findings, by path: IOC exports (STIX, HTML) list them. */
  fileHashes?: Record<string, string>;
  /**
   * Archives inside the target whose entries were scanned, by path (since 1.2.0; absent when there were none). An
   * entry's path is the archive's path, `/`, and its path inside: `vendor/tool.tgz/package/bin/tool`. What lies on
   * disk is the outermost archive (SARIF points there).
   */
  archives?: string[];
}

/** What the jail ran and how long each phase took, so "nothing seen" is honest about what was exercised. */
export interface DetonationSummary {
  ran: boolean;
  durationMs: number;
  phases: Record<string, number>;
  actions: Array<{ label: string; command: string; file: string; line: number; exitCode?: number | null; signal?: string | null; timedOut?: boolean; durationMs?: number; skipped?: string }>;
  notes: string[];
  processes?: number;
  networkEvents?: number;
}
