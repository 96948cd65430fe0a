/** The vocabulary every other layer speaks. No fs, no network, no process here. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const IOC_TYPES = ['url', 'domain', 'ip', 'email', 'wallet-extension', 'path', 'hash'] as const;
export type IocType = (typeof IOC_TYPES)[number];

export interface Ioc {
  type: IocType;
  value: string;
  file: string;
  line: number;
}

/** A few source lines around the evidence, folded so a payload after 800 spaces is still visible. */
export interface CodeFrame {
  /** 1-based line number of lines[0]. */
  startLine: number;
  lines: string[];
  /** For each line, the 1-based column its first shown character had in the real line (1 unless folded). */
  firstColumns: number[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  confidence: Confidence;
  /** Path relative to the scanned target's root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors and SARIF. */
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The source text that shows it, cut to a readable length. */
  evidence: string;
  /** What the evidence hides, when it was encoded (decoded URL, deobfuscated string, ...). */
  decoded?: string;
  /** Whether the file is reached by something that runs on its own (npm install, folder open, npm start, ...). */
  autorun?: boolean;
  /** Why the weight was lowered or raised, for the reader ("vendored minified bundle", ...). */
  weightNote?: string;
  frame?: CodeFrame;
  iocs?: Ioc[];
  /** `scan --online --deep`: the dependency (`npm:name@version`) whose published package holds this finding; `file` is then under `node_modules/<name>/`. */
  dependency?: string;
}
