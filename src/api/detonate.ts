import type { Finding, Ioc } from '../core/finding.js';
import type { DetonationSummary, Report } from '../core/report.js';
import type { RuleMeta } from '../core/rule.js';
import { scoreFindings } from '../core/score.js';
import { runObservationRules } from '../engine/observations.js';
import { allRules, selectRules } from '../rules/index.js';
import { detonateTarget, DetonateError, type DetonateOptions } from '../sandbox/detonate.js';
import { openTarget } from '../targets/index.js';
import { scan, type ScanOptions } from './scan.js';
import { summarize } from './summary.js';

export { DetonateError };

export interface DetonateApiOptions extends ScanOptions, DetonateOptions {
  /** `scan --detonate`: one verdict over static and behaviour findings. Default: behaviour findings only. */
  includeStatic?: boolean;
}

/** Ports named by static indicators (http://1.2.3.4:1244/...) get a listener in the jail too. */
function portsFrom(iocs: Ioc[]): number[] {
  const ports = new Set<number>();
  for (const i of iocs) {
    if (i.type !== 'url') continue;
    const m = /^[a-z]+:\/\/[^/:]+:(\d{1,5})/i.exec(i.value);
    if (m) ports.add(Number(m[1]));
  }
  return [...ports];
}

/**
 * Runs what the lure would run (its autorun map) in the bubblewrap jail with a decoy home, and reports what it tried.
 * The static scan runs first: its autorun map says what to run, its indicators say which ports to listen on.
 */
export async function detonate(targetSpec: string, options: DetonateApiOptions = {}): Promise<Report> {
  const staticReport = await scan(targetSpec, options);
  // As on disk: the jail gets the archive files themselves, not their entries listed as `<archive>/<entry>`.
  const target = await openTarget(targetSpec, { ...options, nestedArchives: false });
  let summary: DetonationSummary;
  let behaviour: Finding[] = [];
  const errors = [...staticReport.errors];
  try {
    const result = await detonateTarget(target, staticReport.autorun, { ...options, ports: [...(options.ports ?? []), ...portsFrom(staticReport.iocs)] });
    const obs = result.observations;
    const judged = runObservationRules(selectRules(options.rules), obs);
    behaviour = judged.findings;
    errors.push(...judged.errors);
    summary = {
      ran: obs.actions.some((a) => !a.skipped),
      durationMs: obs.durationMs,
      phases: result.phases,
      actions: obs.actions.map((a) => ({ label: a.label, command: a.command, file: a.file, line: a.line, exitCode: a.exitCode, signal: a.signal, timedOut: a.timedOut, durationMs: a.durationMs, skipped: a.skipped })),
      notes: result.notes,
      processes: obs.processes.length,
      networkEvents: obs.network.length,
    };
  } finally {
    await target.cleanup();
  }
  const findings = options.includeStatic ? [...staticReport.findings, ...behaviour] : behaviour;
  const metas: Record<string, RuleMeta> = Object.fromEntries(allRules.map((r) => [r.id, r.meta]));
  const scored = scoreFindings(findings, metas);
  const iocs = dedupeIocs([...(options.includeStatic ? staticReport.iocs : []), ...behaviour.flatMap((f) => f.iocs ?? [])]);
  const report: Report = {
    ...staticReport,
    verdict: scored.verdict,
    score: scored.score,
    findings: scored.ranked,
    iocs,
    errors,
    rules: Object.fromEntries([...new Set(findings.map((f) => f.ruleId))].sort().map((id) => [id, { id, ...metas[id]! }])),
    detonation: summary,
    incomplete: errors.length > 0,
    stats: { ...staticReport.stats, durationMs: staticReport.stats.durationMs + summary.durationMs },
  };
  report.summary = summarize(report) + detonationSentence(summary, behaviour.length);
  return report;
}

function detonationSentence(s: DetonationSummary, n: number): string {
  if (!s.ran) return ' Nothing was run in the jail (the autorun map lists nothing runnable).';
  const ran = s.actions.filter((a) => !a.skipped).map((a) => a.label).join('; ');
  return ` In the jail (${Math.round(s.durationMs / 1000)} s, no network, decoy secrets) it ran: ${ran}. ${n ? `${n} behaviour finding${n === 1 ? '' : 's'}.` : 'Nothing malicious was observed during that time.'}`;
}

function dedupeIocs(iocs: Ioc[]): Ioc[] {
  const seen = new Set<string>();
  return iocs.filter((i) => {
    const k = `${i.type}\u0000${i.value}\u0000${i.file}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
