import { defineRule } from '../../core/rule.js';
import { actionAt, isToolingRead, who } from './_obs.js';

export default defineRule({
  id: 'canary-secret-read',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Read a decoy secret (wallet, browser passwords, SSH key, tokens) while running in the jail',
    why: 'Every secret in the jail’s fake home is a unique canary that nothing legitimate touches: a take-home project that opens a wallet vault or Login Data is a stealer.',
    fix: 'Do not run this project anywhere with real secrets. If it already ran on your machine, rotate what this secret class covers and move wallet funds from a clean device.',
    falsePositives: 'npm reading ~/.npmrc and git reading ~/.gitconfig are expected and ignored; a project that legitimately reads ~/.aws/credentials (AWS tooling) shows here too — check which process did it.',
    references: ['https://www.ic3.gov/PSA/2024/PSA240903', 'CWE-522'],
    status: 'preview',
    nearCertain: true,
  },
  input: 'observations',
  check(ctx, obs) {
    const byPath = new Map(obs.canaries.filter((c) => c.path).map((c) => [c.path!, c]));
    const seen = new Set<string>();
    for (const rec of obs.syscalls) {
      if (rec.kind !== 'open' || rec.write || !rec.ok) continue;
      const canary = byPath.get(rec.path);
      if (!canary || seen.has(canary.secretClass) || isToolingRead(obs, rec, rec.path)) continue;
      seen.add(canary.secretClass);
      ctx.report({
        ...actionAt(obs, rec.action),
        message: `Read the decoy ${canary.secretClass}`,
        evidence: `open ${rec.path} by ${who(obs, rec)}`,
        iocs: [{ type: 'path', value: rec.path.replace(obs.identity.home, '~') }],
      });
    }
  },
});
