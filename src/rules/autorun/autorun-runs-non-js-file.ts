import { defineRule } from '../../core/rule.js';
import { autorunCommands, cap, locate, runsNonCodeFile, triggerPhrase } from './_shapes.js';

export default defineRule({
  id: 'autorun-runs-non-js-file',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'critical',
    confidence: 'high',
    summary: 'A command that runs by itself hands a font, image, text or extensionless file to node/python',
    why: 'Lures hide the loader in a file that no reviewer opens — `public/fonts/fa-solid-400.woff2`, `.vscode/spellright.dict`, a `.png` — and run it with `node` from a folder-open task or a script. A real font or image is never executed.',
    fix: 'Do not open or run the project. Open the named file as text: it is JavaScript (or Python), and it is the payload.',
    falsePositives: 'Extensionless bin scripts (`node bin/www`) are common and not flagged; extensionless files are flagged only inside .vscode/, .git/, public/, assets/ and similar data folders.',
    references: ['https://attack.mitre.org/techniques/T1036/008/', 'CWE-506'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'project',
  check(ctx, view) {
    const reported = new Set<string>();
    for (const c of autorunCommands(view)) {
      if (c.entry.trigger === 'vscode-settings') continue;
      const hit = runsNonCodeFile(c.command);
      if (!hit) continue;
      const key = `${c.file}\0${c.line}\0${hit.file}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report({
        file: c.file,
        at: locate(view.readText(c.file), c.line, hit.evidence),
        message: `${cap(hit.program)} runs ${hit.file}, which is not a script by its name — it ${triggerPhrase(c.entry, c.via)}`,
        evidence: hit.evidence,
        iocs: [{ type: 'path', value: hit.file }],
      });
    }
  },
});
