import { defineRule } from '../../core/rule.js';
import { urlIocs } from '../autorun/_shapes.js';

const WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
/** Every secret of the repository at once: `${{ toJSON(secrets) }}` (no honest step needs all of them). */
const ALL_SECRETS = /\$\{\{\s*toJSON\(\s*secrets\s*\)\s*\}\}/gi;
/** A step that talks to the network from its shell. */
const NET_TOOL = /\b(?:curl|wget|Invoke-WebRequest|Invoke-RestMethod|iwr|irm|nc|ncat|netcat)\b|\/dev\/tcp\//;

/** The step (list item) around an offset: from its `- ` line to the next item at the same or a lower indent. */
function stepAround(text: string, offset: number): string {
  const lines = text.split('\n');
  let pos = 0;
  let row = 0;
  for (; row < lines.length && pos + lines[row]!.length < offset; row++) pos += lines[row]!.length + 1;
  let start = row;
  for (; start > 0 && !/^\s*-\s/.test(lines[start]!); start--);
  const indent = /^(\s*)/.exec(lines[start]!)![1]!.length;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const l = lines[end]!;
    if (!l.trim()) continue;
    const ind = /^(\s*)/.exec(l)![1]!.length;
    if (ind < indent || (ind === indent && /^\s*-\s/.test(l))) break;
  }
  return lines.slice(start, end).join('\n');
}

export default defineRule({
  id: 'ci-secrets-exfil',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'A GitHub Actions workflow serialises every repository secret (toJSON(secrets)), often sending it to an outside host',
    why: 'Worms like Shai-Hulud plant a workflow that posts `${{ toJSON(secrets) }}` to a webhook: once the repository is pushed (a take-home pushed to your own account, a fork), every secret of that repository leaves on the next run.',
    fix: 'Delete the workflow before pushing the repository anywhere; if it ran, rotate every secret of that repository or organisation.',
    falsePositives: 'A few actions take all secrets as an input to export them as environment variables: passed to an action (`with:`) it is medium; in a step whose shell also calls curl/wget it is critical.',
    references: ['https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions', 'https://attack.mitre.org/techniques/T1552/', 'CWE-200'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /toJSON\(\s*secrets\s*\)/i,
  appliesTo: (f) => WORKFLOW.test(f.path),
  check(ctx, file) {
    const text = file.text!;
    for (const m of text.matchAll(ALL_SECRETS)) {
      const step = stepAround(text, m.index!);
      const runs = /^\s*(?:-\s+)?run\s*:/m.test(step);
      const net = runs && NET_TOOL.test(step);
      ctx.report({
        at: { offset: m.index!, length: m[0].length },
        message: net
          ? 'Workflow step hands every repository secret to a shell that calls the network'
          : runs
            ? 'Workflow step hands every repository secret to a shell'
            : 'Workflow passes every repository secret to an action',
        evidence: step.trim().slice(0, 400),
        severity: net ? 'critical' : runs ? 'high' : 'medium',
        confidence: net ? 'high' : 'medium',
        iocs: net ? urlIocs(step) : undefined,
      });
      return;
    }
  },
});
