import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../core/finding.js';
import type { Report } from '../core/report.js';
import type { RuleMeta } from '../core/rule.js';

/** Where the generated rule docs live (docs/rules/<id>.md); helpUri points there. */
export const REPO_URL = 'https://github.com/lurescan/lurescan';
const FINGERPRINT_KEY = 'lurescan/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
/** GitHub code scanning reads `security-severity` (0.0–10.0, as a string) to rank alerts critical/high/medium/low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, rules with help from their metadata, results with 1-based regions,
 * fingerprints that survive edits elsewhere in the file, and an invocation that says when the scan was incomplete.
 * Pure: the same report gives the same bytes (no timestamps).
 */
export function renderSarif(report: Report, opts: SarifOptions = {}): string {
  return `${JSON.stringify(toSarif(report, opts), null, 2)}\n`;
}

/**
 * Where the scanned files sit in the repository GitHub checks out. Report paths are relative to the scanned folder;
 * code scanning resolves SARIF URIs against the repository root, so `lurescan scan sub/` run from the root must say
 * `sub/file.js`, not `file.js` (ESLint and Semgrep likewise print paths relative to the working directory).
 */
export interface SarifOptions {
  /** Prepended to every file path, e.g. `sub/` (forward slashes, trailing slash). */
  pathPrefix?: string;
  /** Absolute `file:` URI (trailing slash) that %SRCROOT% stands for: `run.originalUriBaseIds`. */
  srcRootUri?: string;
}

/** The options the CLI derives for a scanned local folder: paths relative to `cwd` when the folder lies inside it. */
export function sarifOptionsFor(scannedFolder: string, cwd: string): SarifOptions {
  const rel = relative(cwd, scannedFolder).split(sep).join('/');
  if (rel === '') return { srcRootUri: pathToFileURL(`${cwd}${sep}`).href };
  if (rel.startsWith('..') || isAbsolute(rel)) return { srcRootUri: pathToFileURL(`${scannedFolder}${sep}`).href };
  return { pathPrefix: `${rel}/`, srcRootUri: pathToFileURL(`${cwd}${sep}`).href };
}

export function toSarif(report: Report, opts: SarifOptions = {}): Sarif.Log {
  const fileUri = (path: string) => encodeUriPath(`${opts.pathPrefix ?? ''}${path}`);
  const ruleIds = [...new Set([...Object.keys(report.rules), ...report.findings.map((f) => f.ruleId)])].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  // A finding in an archive's entry (`vendor/tool.tgz/package/bin/tool`) is shown on the outermost archive, the file
  // that exists in the repository (code scanning looks the path up there); the entry is a nested artifact of it.
  const outermost = [...(report.archives ?? [])].sort((a, b) => a.length - b.length);
  const containerOf = (path: string): string | undefined => outermost.find((a) => path.startsWith(`${a}/`));
  const entries = [...new Set(report.findings.map((f) => f.file).filter((f) => f !== ''))].sort();
  const files = [...new Set(entries.map((f) => containerOf(f) ?? f))].sort();
  const artifactIndex = new Map(files.map((f, i) => [f, i]));
  const artifacts: Sarif.Artifact[] = files.map((file) => {
    const a: Sarif.Artifact = { location: { uri: fileUri(file), uriBaseId: '%SRCROOT%' } };
    const hash = report.fileHashes?.[file];
    if (hash) a.hashes = { 'sha-256': hash };
    return a;
  });
  for (const entry of entries) {
    const container = containerOf(entry);
    if (container === undefined) continue;
    // SARIF 2.1.0 §3.24.3: a nested artifact names its parent by index and its own location relative to it.
    const a: Sarif.Artifact = { location: { uri: encodeUriPath(entry.slice(container.length + 1)) }, parentIndex: artifactIndex.get(container)! };
    const hash = report.fileHashes?.[entry];
    if (hash) a.hashes = { 'sha-256': hash };
    artifacts.push(a);
  }

  const anchor = projectAnchor(report);
  const occurrences = new Map<string, number>();
  const results: Sarif.Result[] = [...report.findings]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId))
    .map((f) => {
      const base = fingerprint(f);
      const n = occurrences.get(base) ?? 0;
      occurrences.set(base, n + 1);
      return result(f, ruleIndex.get(f.ruleId)!, artifactIndex, containerOf(f.file), n ? `${base}:${n}` : base, anchor, fileUri);
    });

  const notifications: Sarif.Notification[] = [
    ...report.errors.map(
      (e): Sarif.Notification => ({
        level: 'error',
        descriptor: { id: 'scan-error' },
        message: { text: `${e.path}: ${e.message}` },
        ...(e.path && e.path !== '.' ? { locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(containerOf(e.path) ?? e.path), uriBaseId: '%SRCROOT%' } } }] } : {}),
      }),
    ),
    ...report.skipped.map(
      (s): Sarif.Notification => ({
        level: 'warning',
        descriptor: { id: 'skipped' },
        message: { text: `skipped ${s.path}: ${s.reason}` },
      }),
    ),
  ];

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'lurescan',
        semanticVersion: report.tool.version,
        version: report.tool.version,
        informationUri: REPO_URL,
        rules: ruleIds.map((id) => ruleDescriptor(id, report.rules[id])),
      },
    },
    invocations: [
      {
        executionSuccessful: !report.incomplete,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    ...(opts.srcRootUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: opts.srcRootUri } } } : {}),
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
    properties: { verdict: report.verdict, score: report.score, target: report.target, summary: report.summary },
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
}

function ruleDescriptor(id: string, meta: (RuleMeta & { id: string }) | undefined): Sarif.ReportingDescriptor {
  if (!meta) {
    return { id, name: pascal(id), shortDescription: { text: id }, helpUri: `${REPO_URL}/blob/main/docs/rules/${id}.md` };
  }
  const cwes = meta.references.filter((r) => /^CWE-\d+$/.test(r)).map((r) => `external/cwe/${r.toLowerCase()}`);
  const links = meta.references.filter((r) => /^https?:\/\//.test(r));
  const text = [meta.summary, '', `Why it matters: ${meta.why}`, '', `What to do: ${meta.fix}`, '', `Known false positives: ${meta.falsePositives}`].join('\n');
  const markdown = [
    `**${meta.summary}**`,
    '',
    '### Why it matters',
    meta.why,
    '',
    '### What to do',
    meta.fix,
    '',
    '### Known false positives',
    meta.falsePositives,
    ...(meta.references.length ? ['', '### References', ...meta.references.map((r) => `- ${r}`)] : []),
  ].join('\n');
  return {
    id,
    name: pascal(id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: meta.why },
    help: { text, markdown },
    helpUri: `${REPO_URL}/blob/main/docs/rules/${id}.md`,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: ['security', meta.category, meta.kind, ...cwes],
      precision: meta.confidence,
      'security-severity': SECURITY_SEVERITY[meta.severity],
      ...(links.length ? { references: links } : {}),
    },
  };
}

function result(
  f: Finding,
  ruleIndex: number,
  artifactIndex: ReadonlyMap<string, number>,
  /** The outermost archive holding f.file, when f.file is an archive's entry. */
  container: string | undefined,
  fp: string,
  anchor: string,
  fileUri: (path: string) => string,
): Sarif.Result {
  const startLine = Math.max(1, f.line);
  const startColumn = Math.max(1, f.column);
  const endLine = Math.max(startLine, f.endLine);
  const endColumn = endLine === startLine ? Math.max(startColumn, f.endColumn) : Math.max(1, f.endColumn);
  const region: Sarif.Region = { startLine, startColumn, endLine, endColumn };
  if (f.evidence) region.snippet = { text: f.evidence };
  const message = f.decoded ? `${f.message}. Decoded: ${f.decoded}` : f.message;
  const r: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: message },
    partialFingerprints: { [FINGERPRINT_KEY]: fp },
    properties: {
      severity: f.severity,
      confidence: f.confidence,
      ...(f.autorun ? { autorun: true } : {}),
      ...(f.weightNote ? { weightNote: f.weightNote } : {}),
      ...(f.decoded !== undefined ? { decoded: f.decoded } : {}),
    },
  };
  if (f.file && container !== undefined) {
    // Lines and columns are the entry's, not the archive's: the location is the archive's first line, the message and
    // properties say where inside it.
    const entry = f.file.slice(container.length + 1);
    r.locations = [{ physicalLocation: { artifactLocation: { uri: fileUri(container), uriBaseId: '%SRCROOT%', index: artifactIndex.get(container)! }, region: { startLine: 1 } } }];
    r.message = { text: `${message} (in the archive entry ${entry}, line ${startLine})` };
    r.properties = { ...r.properties, archive: container, archiveEntry: entry, entryRegion: region };
  } else if (f.file) {
    const index = artifactIndex.get(f.file);
    r.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.file), uriBaseId: '%SRCROOT%', ...(index !== undefined ? { index } : {}) },
          region,
        },
      },
    ];
  } else {
    // GitHub code scanning rejects the whole file when one result has no location ("locationFromSarifResult: expected
    // at least one location"), so a project-wide finding is anchored at line 1 of the file that best stands for the
    // project, and says so.
    r.locations = [{ physicalLocation: { artifactLocation: { uri: fileUri(anchor), uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }];
    r.message = { text: `${message} (project-wide finding, shown at ${anchor})` };
    r.properties = { ...r.properties, projectWide: true };
  }
  return r;
}

/** Where project-wide findings are shown: the first autorun declaration (package.json, tasks.json …), else a file with findings. */
function projectAnchor(report: Report): string {
  return report.autorun.find((e) => e.file)?.file ?? report.findings.find((f) => f.file)?.file ?? 'package.json';
}

/** Stable across edits that move the finding: rule + file + evidence (whitespace-normalized), never line numbers. */
export function fingerprint(f: Pick<Finding, 'ruleId' | 'file' | 'evidence'>): string {
  const evidence = f.evidence.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${f.ruleId}\u0000${f.file}\u0000${evidence}`).digest('hex').slice(0, 32);
}

/** A relative URI reference: each path segment percent-encoded (spaces, '#', '%', '?' in hostile names). */
function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
