import type { AnyRule } from '../core/rule.js';

/** The rule's documentation page, generated from its metadata (Ruff's sections, Biome's three pillars). */
export function ruleDoc(rule: AnyRule): string {
  const m = rule.meta;
  return [
    `# ${rule.id}`,
    '',
    `${m.summary}`,
    '',
    `| kind | category | severity | confidence | input | status |`,
    `|---|---|---|---|---|---|`,
    `| ${m.kind} | ${m.category} | ${m.severity} | ${m.confidence} | ${rule.input} | ${m.status}${m.nearCertain ? ' (near-certain)' : ''} |`,
    '',
    '## Why it matters',
    m.why,
    '',
    '## What to do',
    m.fix,
    '',
    '## Known false positives',
    m.falsePositives,
    '',
    '## References',
    ...m.references.map((r) => `- ${r}`),
    '',
    `_Generated from \`src/rules\` by \`npm run docs\`; do not edit._`,
    '',
  ].join('\n');
}
