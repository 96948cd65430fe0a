// Writes docs/rules/<id>.md and docs/rules/README.md from rule metadata. Run: npm run docs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { allRules } from '../src/rules/index.js';
import { ruleDoc } from '../src/rules/docs.js';

const dir = new URL('../docs/rules/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) rmSync(new URL(f, dir));
for (const r of allRules) writeFileSync(new URL(`${r.id}.md`, dir), ruleDoc(r));
const index = ['# Rules', '', '| rule | category | severity | summary |', '|---|---|---|---|',
  ...allRules.map((r) => `| [${r.id}](${r.id}.md) | ${r.meta.category} | ${r.meta.severity} | ${r.meta.summary} |`), ''];
writeFileSync(new URL('README.md', dir), index.join('\n'));
console.log(`wrote ${allRules.length} rule docs`);
