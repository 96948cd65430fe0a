import type { Finding } from '../core/finding.js';
import type { Observations } from '../core/observations.js';
import type { ScanError } from '../core/report.js';
import type { AnyRule, RuleContext } from '../core/rule.js';
import { makeFinding } from './findings.js';

/** Runs the rules that judge detonation observations. Findings point at the autorun entry that caused the action. */
export function runObservationRules(rules: readonly AnyRule[], obs: Observations): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const rule of rules) {
    if (rule.input !== 'observations') continue;
    const ctx: RuleContext = {
      path: '',
      facts: { path: '', ext: '', kind: 'other', size: 0, isText: false, lineCount: 0, maxLineLength: 0, vendored: false, minified: false },
      report: (args) => {
        const f = makeFinding(rule, args.file ?? '(detonation)', null, args);
        f.autorun = true;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx, obs as never);
    } catch (e) {
      errors.push({ path: '(detonation)', message: `rule ${rule.id} crashed: ${(e as Error)?.message ?? e}` });
    }
  }
  return { findings, errors };
}
