import { defineRule } from '../../core/rule.js';
import { baseName, isVendoredPath, parseJsonc, prop } from '../../analyzers/autorun/common.js';
import { parseVsTasks } from '../../analyzers/autorun/vscode.js';
import { programName, splitCommands, stripWrappers, tokenize } from '../../analyzers/autorun/shell.js';
import { autorunCommands, blankRuns, locate, mapContext, paddedPayload, triggerPhrase, urlIocs } from './_shapes.js';

const programsCache = new Map<string, string>();
/** The programs a command starts, as a sorted list (judged on its first 16k characters). */
function programs(cmd: string): string {
  const hit = programsCache.get(cmd);
  if (hit !== undefined) return hit;
  const list = splitCommands(cmd.slice(0, 16_000))
    .map((s) => programName(stripWrappers(tokenize(s))[0] ?? ''))
    .filter(Boolean)
    .sort()
    .join(' ');
  if (programsCache.size > 1000) programsCache.clear();
  programsCache.set(cmd, list);
  return list;
}

export default defineRule({
  id: 'autorun-hidden-command',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'critical',
    confidence: 'high',
    summary: 'A command that runs by itself is pushed off-screen with whitespace, or differs per operating system',
    why: 'Lures pad the real command with hundreds of spaces inside a JSON string or script, so the visible start looks harmless (`echo ok`) while the rest runs; folder-open tasks give each OS its own command so a reviewer on one OS never sees the other.',
    fix: 'Read the whole line (the payload is at its end) and do not run or open the project.',
    falsePositives: 'Generated files rarely put 100 blanks inside one command; per-OS variants that run the same program (npm vs npm.cmd) are not reported.',
    references: ['https://code.visualstudio.com/docs/editor/tasks#_operating-system-specific-properties', 'CWE-451'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'project',
  check(ctx, view) {
    const seen = new Set<string>();
    const map = mapContext(view);
    for (const c of autorunCommands(view)) {
      const pad = paddedPayload(c.command);
      if (!pad || !pad.payload) continue;
      const key = `${c.file}\0${c.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({
        file: c.file,
        at: locate(view.readText(c.file), c.line, pad.payload.slice(0, 60)),
        message: `The command is padded with ${pad.pad} blank characters; the part that runs is off-screen. It ${triggerPhrase(c.entry, c.via)}`,
        evidence: pad.payload,
        iocs: urlIocs(pad.payload),
      });
    }
    // A JSON property (a task, a per-OS command, a setting) pushed off-screen inside a file that declares autorun.
    const declaring = new Set(view.autorun.map((e) => e.file).filter((f) => /\.(?:json|code-workspace)$/.test(f)));
    for (const file of declaring) {
      const text = view.readText(file);
      if (!text) continue;
      for (const run of blankRuns(text, 100)) {
        const at = run.index + run.length;
        if (!/^(?:"[^"\n]{1,200}"\s*:|[{[]\s*")/.test(text.slice(at, at + 220))) continue;
        if (seen.has(`${file}\0${map.lineAt(file, at)}`)) continue;
        const end = text.indexOf('\n', at);
        const rest = text.slice(at, end === -1 ? undefined : end);
        ctx.report({
          file,
          at: { offset: at, length: Math.min(rest.length, 300) },
          message: `JSON pushed off-screen after ${run.length} blank characters in a file VS Code/npm act on by themselves`,
          evidence: rest.trim(),
          severity: 'high',
          confidence: 'high',
          iocs: urlIocs(rest),
        });
      }
    }
    // Per-OS variants of folder-open tasks that run different programs.
    for (const f of view.files) {
      if (isVendoredPath(f.path)) continue;
      const isTasks = /(?:^|\/)\.vscode\/tasks\.json$/.test(f.path);
      if (!isTasks && !baseName(f.path).endsWith('.code-workspace')) continue;
      const root = parseJsonc(view.readText(f.path) ?? '');
      if (!root) continue;
      for (const t of parseVsTasks(isTasks ? root : prop(root, 'tasks'))) {
        if (!t.folderOpen) continue;
        const variants = t.commands.filter((c) => c.os);
        if (!variants.length) continue;
        const base = t.commands.find((c) => !c.os);
        const progs = new Set([...(base ? [programs(base.command)] : []), ...variants.map((v) => programs(v.command))]);
        if (progs.size < 2) continue;
        // Point at the first variant that differs from what the default (or the first variant) shows.
        const odd = base ? (variants.find((v) => programs(v.command) !== programs(base.command)) ?? variants[0]!) : variants[0]!;
        ctx.report({
          file: f.path,
          at: { line: map.lineAt(f.path, odd.offset) },
          message: `Folder-open task "${t.label}" runs a different command on each OS (${t.commands.map((c) => `${c.os || 'default'}: ${programs(c.command) || '?'}`).join('; ')}): a reviewer on one system never sees the others`,
          evidence: t.commands.map((c) => `${c.os || 'default'}: ${c.command.trim()}`).join('\n'),
          severity: 'high',
          confidence: 'medium',
          iocs: urlIocs(t.commands.map((c) => c.command).join(' ')),
        });
      }
    }
  },
});
