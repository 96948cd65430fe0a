import type { Confidence, Severity } from '../../core/finding.js';
import { defineRule } from '../../core/rule.js';
import { type MapContext, baseName, isVendoredPath, parseJsonc, prop, workspaceOf } from '../../analyzers/autorun/common.js';
import { CommandFollower } from '../../analyzers/autorun/follow.js';
import { parseVsTasks, type VsTask } from '../../analyzers/autorun/vscode.js';
import { downloadToShell, locate, mapContext, paddedPayload, runsNonCodeFile, urlIocs } from './_shapes.js';

interface Verdict {
  severity: Severity;
  confidence: Confidence;
  why: string;
  evidence: string;
  offset: number;
  decoded?: string;
}

const INLINE = /\b(?:node|nodejs|bun|deno)\b[^|&;]*\s(?:-e|--eval|-p)\s|\bpython[\d.]*\s+(?:-\w+\s+)*-c\s|\b(?:powershell|pwsh)(?:\.exe)?\b[^|]*\s-(?:c|command|e|enc|encodedcommand)\s|\beval\s/i;

/**
 * A background task with a problem matcher (`tsc -w`, `npm run watch`): `reveal: silent` is VS Code's standard setup for
 * it (the terminal opens when the matcher reports a problem), so it does not count as hiding the terminal.
 */
function watchWithMatcher(node: ReturnType<typeof prop>): boolean {
  if (!node || prop(node, 'isBackground')?.value !== true) return false;
  const m = prop(node, 'problemMatcher');
  return !!m && (m.type !== 'array' || (m.children?.length ?? 0) > 0);
}

function judge(ctx: MapContext, task: VsTask, workspace: string): Verdict {
  const hidden = task.hidden.length > 0;
  let best: Verdict | null = null;
  const consider = (v: Verdict) => {
    const rank = (x: Verdict) => ['info', 'low', 'medium', 'high', 'critical'].indexOf(x.severity) * 3 + ['low', 'medium', 'high'].indexOf(x.confidence);
    if (!best || rank(v) > rank(best)) best = v;
  };
  for (const c of task.commands) {
    const os = c.os ? ` (${c.os} variant)` : '';
    const pad = paddedPayload(c.command);
    const dl = downloadToShell(c.command);
    if (dl) consider({ severity: 'critical', confidence: 'high', why: `${dl.what}${os}`, evidence: dl.evidence, offset: c.offset, decoded: dl.decoded });
    const nonJs = runsNonCodeFile(c.command);
    if (nonJs) consider({ severity: 'critical', confidence: 'high', why: `runs ${nonJs.file} with ${nonJs.program}, a file that is not a script by its name${os}`, evidence: nonJs.evidence, offset: c.offset });
    if (pad) consider({ severity: 'critical', confidence: 'high', why: `hides the command after ${pad.pad} blank characters${os}`, evidence: pad.payload, offset: c.offset });
    const files = new CommandFollower(ctx).follow(c.command, workspace).out.files;
    if (files.length && hidden) consider({ severity: 'critical', confidence: 'high', why: `runs ${files[0]} from the repository with its terminal hidden${os}`, evidence: c.command.trim(), offset: c.offset });
    else if (INLINE.test(c.command)) consider({ severity: hidden ? 'critical' : 'high', confidence: hidden ? 'high' : 'medium', why: `runs inline code${os}`, evidence: c.command.trim(), offset: c.offset });
    else if (hidden) consider({ severity: 'high', confidence: 'medium', why: `runs a command with its terminal hidden${os}`, evidence: c.command.trim(), offset: c.offset });
    else if (files.length) consider({ severity: 'medium', confidence: 'medium', why: `runs ${files[0]} from the repository${os}`, evidence: c.command.trim(), offset: c.offset });
    else consider({ severity: 'medium', confidence: 'medium', why: `runs \`${c.command.trim().slice(0, 80)}\`${os}`, evidence: c.command.trim(), offset: c.offset });
  }
  return best ?? { severity: 'medium', confidence: 'medium', why: 'runs its dependent tasks', evidence: `runOn: folderOpen (task "${task.label}")`, offset: task.offset };
}

export default defineRule({
  id: 'vscode-folder-open-task',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'critical',
    confidence: 'high',
    summary: 'A VS Code task runs by itself when the folder is opened (runOn: folderOpen), often hidden',
    why: 'The lure only needs the victim to open the folder: a `runOn: folderOpen` task with `reveal: never`, `echo: false`, `close: true` runs `curl … | bash` or `node` on a fake font before any code is read.',
    fix: 'Do not open the folder in VS Code (or open it in Restricted Mode). Read .vscode/tasks.json in a plain text viewer; remove the task; report the repository.',
    falsePositives: 'Workshop and course repositories sometimes run a visible `npm install` on open; those are reported at medium, without the near-certain weight of a hidden or fetch-and-run task.',
    references: ['https://code.visualstudio.com/docs/editor/tasks#_run-behavior', 'https://code.visualstudio.com/docs/editor/workspace-trust', 'CWE-829'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'project',
  check(ctx, view) {
    const map = mapContext(view);
    for (const f of view.files) {
      if (isVendoredPath(f.path)) continue;
      const isTasks = /(?:^|\/)\.vscode\/tasks\.json$/.test(f.path);
      const isWorkspace = baseName(f.path).endsWith('.code-workspace');
      if (!isTasks && !isWorkspace) continue;
      const text = view.readText(f.path);
      const root = text === null ? null : parseJsonc(text);
      if (!root) continue;
      const workspace = isTasks ? workspaceOf(f.path, '.vscode') : f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
      const tasks = parseVsTasks(isTasks ? root : prop(root, 'tasks'));
      const settingsText = view.readText(isTasks ? f.path.replace(/tasks\.json$/, 'settings.json') : f.path);
      const autoAllowed = settingsText !== null && /"task\.allowAutomaticTasks"\s*:\s*(?:"on"|true)/.test(settingsText);
      const byLabel = new Map(tasks.map((t) => [t.label, t]));
      const nodes = prop(isTasks ? root : prop(root, 'tasks'), 'tasks')?.children ?? [];
      for (const t0 of tasks) {
        if (!t0.folderOpen) continue;
        const t = { ...t0, hidden: t0.hidden.filter((h) => !(h === 'reveal: silent' && watchWithMatcher(nodes[t0.index]))) };
        // Dependencies run first, with the opener: judge them together.
        const deps = t.dependsOn.map((d) => byLabel.get(d)).filter((x): x is VsTask => !!x && x !== t);
        const v = judge(map, { ...t, commands: [...t.commands, ...deps.flatMap((d) => d.commands)], hidden: [...new Set([...t.hidden, ...deps.flatMap((d) => d.hidden)])] }, workspace);
        const extras = [t.hidden.length ? `presentation hidden (${t.hidden.join(', ')})` : '', autoAllowed ? 'settings allow automatic tasks without asking' : ''].filter(Boolean);
        ctx.report({
          file: f.path,
          at: locate(text, map.lineAt(f.path, v.offset), v.evidence),
          message: `Task "${t.label}" runs when the folder is opened in VS Code and ${v.why}${extras.length ? `; ${extras.join('; ')}` : ''}`,
          evidence: v.evidence,
          decoded: v.decoded,
          severity: v.severity,
          confidence: v.confidence,
          iocs: urlIocs(v.evidence),
        });
      }
    }
  },
});
