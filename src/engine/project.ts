import type { Finding } from '../core/finding.js';
import type { ProjectView } from '../core/inputs.js';
import { LineIndex } from '../core/location.js';
import type { ScanError } from '../core/report.js';
import type { AnyRule, RuleContext } from '../core/rule.js';
import { makeFinding } from './findings.js';

/** Runs the project-level rules once, on the main thread, with the autorun map in hand. */
export function runProjectRules(rules: readonly AnyRule[], view: ProjectView): { findings: Finding[]; errors: ScanError[] } {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const indexes = new Map<string, LineIndex | null>();
  const indexFor = (file: string) => {
    if (!indexes.has(file)) {
      const text = view.readText(file);
      indexes.set(file, text === null ? null : new LineIndex(text));
    }
    return indexes.get(file)!;
  };
  for (const rule of rules) {
    if (rule.input !== 'project') continue;
    const ctx: RuleContext = {
      path: '',
      facts: { path: '', ext: '', kind: 'other', size: 0, isText: false, lineCount: 0, maxLineLength: 0, vendored: false, minified: false },
      report: (args) => {
        const file = args.file ?? '';
        try {
          findings.push(makeFinding(rule, file, file ? indexFor(file) : null, args));
        } catch (e) {
          errors.push({ path: file, message: `rule ${rule.id} reported an unlocatable finding: ${(e as Error).message}` });
        }
      },
    };
    try {
      rule.check(ctx, view as never);
    } catch (e) {
      errors.push({ path: '.', message: `rule ${rule.id} crashed: ${(e as Error)?.message ?? e}` });
    }
  }
  return { findings, errors };
}
