import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { argText, jsFacts, processLaunches, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip } from '../stealing/_iocs.js';

const FORCE_PUSH = /\bgit\b[^\n]*\bpush\b[^\n]*(?:--force\b|-f\b|--force-with-lease\b)|\bgit\b[^\n]*\bpush\b[^\n]*\+\w/;
const NO_VERIFY = /--no-verify\b/;
const AMEND = /\bcommit\b[^\n]*--amend\b/;
const BACKDATE = /--date[= ]|GIT_COMMITTER_DATE|GIT_AUTHOR_DATE/;
const HELPER = /\btemp_(?:auto|interactive)_push\.bat\b|\bauto_push\.(?:bat|sh|ps1)\b/i;

export default defineRule({
  id: 'self-spreading-git',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'high',
    confidence: 'medium',
    summary: 'Rewrites and force-pushes git history from code (amend + backdate + push --force --no-verify)',
    why: 'The PolinRider campaign spreads through its victims\' own repositories: a helper (temp_auto_push.bat) amends the last commit with the payload, keeps the old date so nothing looks new, and force-pushes with --no-verify to skip hooks.',
    fix: 'Do not run the project. If it ran, check your other repositories for amended commits whose content changed but date did not, and for config files with code after long whitespace.',
    falsePositives: 'Release tools push tags and some commit with --no-verify; a single push or a single flag is low. Force push with --no-verify plus an amend/backdate, or the campaign helper name, is high.',
    references: ['https://opensourcemalware.com/', 'https://attack.mitre.org/techniques/T1195/002/'],
    status: 'stable',
  },
  input: 'js-ast',
  // Two traits are needed and a force push alone is one: so one of the other traits must be spelled somewhere.
  prefilter: [
    [/no-verify|amend|--date|GIT_COMMITTER_DATE|GIT_AUTHOR_DATE|auto_push|AUTO_PUSH/, OBFUSCATION_HATCH],
    /push|amend|no-verify|GIT_COMMITTER_DATE|temp_auto_push|auto_push|_0x[0-9a-f]{4}/,
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const texts: Array<{ at: { start: number; end: number }; cmd: string }> = [];
    for (const c of processLaunches(f)) {
      const cmd = argText(f, c);
      if (/\bgit\b|\bpush\b|\bcommit\b/.test(cmd) || HELPER.test(cmd)) texts.push({ at: c.node, cmd });
    }
    const helper: Str | undefined = f.strings.find((s) => s.value.length < 2000 && HELPER.test(s.value));
    const all = texts.map((t) => t.cmd).join('\n') + (helper ? `\n${helper.value}` : '');
    const force = FORCE_PUSH.test(all);
    const noVerify = NO_VERIFY.test(all);
    const amend = AMEND.test(all);
    const backdate = BACKDATE.test(all) || /GIT_COMMITTER_DATE|GIT_AUTHOR_DATE/.test(js.text);
    const traits = [force && 'force push', noVerify && '--no-verify', amend && 'commit --amend', backdate && 'backdated', helper && `helper ${clip(helper.value, 40)}`].filter(Boolean) as string[];
    const points = (force ? 1 : 0) + (noVerify ? 1 : 0) + (amend ? 1 : 0) + (backdate ? 1 : 0) + (helper ? 2 : 0);
    if (points < 2) return;
    const at = texts.find((t) => FORCE_PUSH.test(t.cmd) || AMEND.test(t.cmd))?.at ?? helper ?? texts[0]?.at;
    if (!at) return;
    const [severity, confidence] = points >= 3 ? (['high', 'high'] as const) : (['low', 'low'] as const);
    ctx.report({
      at: { node: at },
      message: `Git history rewrite from code: ${traits.join(', ')}`,
      evidence: clip(evidenceOf(js, at, 240)),
      severity,
      confidence,
    });
  },
});
