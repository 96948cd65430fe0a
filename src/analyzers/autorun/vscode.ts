import type { Node as JsonNode } from 'jsonc-parser';
import { MapContext, baseName, dirOf, isVendoredPath, joinPath, parseJsonc, prop, props, str, workspaceOf } from './common.js';
import { followCommand, leadsFrom } from './follow.js';

export interface VsTaskCommand {
  /** '' for the task's own command, else 'osx' | 'linux' | 'windows'. */
  os: '' | 'osx' | 'linux' | 'windows';
  command: string;
  /** Offset of the command (or script) value in the file. */
  offset: number;
}

export interface VsTask {
  index: number;
  label: string;
  type: string;
  commands: VsTaskCommand[];
  folderOpen: boolean;
  /** Presentation that keeps the user from seeing it run. */
  hidden: string[];
  dependsOn: string[];
  cwd?: string;
  offset: number;
}

function commandText(cmd: JsonNode | undefined, args: JsonNode | undefined): { text: string; offset: number } | null {
  let text: string | undefined;
  let offset = 0;
  if (!cmd) return null;
  if (cmd.type === 'string') text = cmd.value as string;
  else if (cmd.type === 'object') text = str(prop(cmd, 'value'));
  else if (cmd.type === 'array') text = (cmd.children ?? []).map((c) => (c.type === 'string' ? (c.value as string) : '')).join(' ');
  if (text === undefined) return null;
  offset = cmd.offset;
  const parts: string[] = [text];
  for (const a of args?.type === 'array' ? (args.children ?? []) : []) {
    const v = a.type === 'string' ? (a.value as string) : str(prop(a, 'value'));
    if (v !== undefined) parts.push(/\s/.test(v) && !/^["']/.test(v) ? JSON.stringify(v) : v);
  }
  return { text: parts.join(' '), offset };
}

function taskCommands(node: JsonNode, os: VsTaskCommand['os']): VsTaskCommand[] {
  const c = commandText(prop(node, 'command'), prop(node, 'args'));
  if (c) return [{ os, command: c.text, offset: c.offset }];
  const type = str(prop(node, 'type'));
  const script = prop(node, 'script');
  if (type === 'npm' && script?.type === 'string') {
    const sub = str(prop(node, 'path'));
    return [{ os, command: `npm run ${script.value as string}${sub ? ` --prefix ${sub}` : ''}`, offset: script.offset }];
  }
  return [];
}

/** Reads the `tasks` array of a tasks.json (or the `tasks` object of a .code-workspace). JSONC-tolerant. */
export function parseVsTasks(tasksObj: JsonNode | undefined): VsTask[] {
  const arr = prop(tasksObj, 'tasks');
  if (!arr || arr.type !== 'array') return [];
  const out: VsTask[] = [];
  (arr.children ?? []).forEach((t, index) => {
    if (t.type !== 'object') return;
    const commands = taskCommands(t, '');
    for (const os of ['osx', 'linux', 'windows'] as const) {
      const o = prop(t, os);
      if (o?.type === 'object') commands.push(...taskCommands(o, os));
    }
    const runOn = str(prop(prop(t, 'runOptions'), 'runOn'));
    const pres = prop(t, 'presentation');
    const hidden: string[] = [];
    if (str(prop(pres, 'reveal')) === 'never' || str(prop(pres, 'reveal')) === 'silent') hidden.push(`reveal: ${str(prop(pres, 'reveal'))}`);
    if (prop(pres, 'echo')?.value === false) hidden.push('echo: false');
    if (prop(pres, 'close')?.value === true) hidden.push('close: true');
    if (prop(t, 'hide')?.value === true) hidden.push('hide: true');
    if (prop(pres, 'focus')?.value === false && hidden.length) hidden.push('focus: false');
    const dep = prop(t, 'dependsOn');
    const dependsOn: string[] = [];
    if (dep?.type === 'string') dependsOn.push(dep.value as string);
    for (const d of dep?.type === 'array' ? (dep.children ?? []) : []) {
      if (d.type === 'string') dependsOn.push(d.value as string);
      else if (d.type === 'object') {
        const l = str(prop(d, 'label')) ?? str(prop(d, 'task'));
        if (l) dependsOn.push(l);
      }
    }
    out.push({
      index,
      label: str(prop(t, 'label')) ?? str(prop(t, 'taskName')) ?? str(prop(t, 'script')) ?? `#${index}`,
      type: str(prop(t, 'type')) ?? '',
      commands,
      folderOpen: runOn === 'folderOpen',
      hidden,
      dependsOn,
      cwd: str(prop(prop(t, 'options'), 'cwd')),
      offset: t.offset,
    });
  });
  return out;
}

function taskEntries(ctx: MapContext, file: string, workspace: string, tasks: VsTask[]): void {
  const byLabel = new Map(tasks.map((t) => [t.label, t]));
  const visit = (t: VsTask, why: string, depth: number, seen: Set<VsTask>) => {
    if (seen.has(t) || depth > 10) return;
    seen.add(t);
    const cwd = t.cwd ? (joinPath(workspace, t.cwd) ?? workspace) : workspace;
    const hidden = t.hidden.length ? `; hidden: ${t.hidden.join(', ')}` : '';
    for (const c of t.commands) {
      ctx.add({
        trigger: 'vscode-folder-open',
        command: c.command,
        file,
        line: ctx.lineAt(file, c.offset),
        leadsTo: followCommand(ctx, c.command, cwd),
        label: `tasks[${t.index}]${c.os ? `.${c.os}` : ''} "${t.label}" (${why}${hidden})`,
      });
    }
    for (const d of t.dependsOn) {
      const dt = byLabel.get(d);
      if (dt) visit(dt, `dependsOn of "${t.label}"`, depth + 1, seen);
    }
  };
  for (const t of tasks) if (t.folderOpen) visit(t, 'runOn: folderOpen', 0, new Set());
}

/** Settings whose value VS Code or an extension executes, or that hide what runs. */
const HIDE_SETTINGS: Record<string, (v: unknown) => boolean> = {
  'terminal.integrated.hideOnStartup': (v) => v === 'always' || v === 'whenEmpty',
  'task.allowAutomaticTasks': (v) => v === 'on' || v === true,
};
const EXEC_KEY = /(?:executablePath|\.path|Path|\.runtime|\.interpreter|[cC]ommandLine|\.shellArgs\b|\.shell\.\w+|\.profiles\.|automationProfile|\.env\.(?:linux|osx|windows)|nodePath|\.executable|\.command|\.jestCommandLine|\.serverPath|\.binPath)/;
const COMMON_BENIGN_PATH = /^(?:\$\{workspaceFolder\}\/)?\.?\/?node_modules\/(?:typescript\/lib|prettier|eslint|\.bin\/(?:prettier|eslint|jest|tsc))\/?$/;

function settingsEntries(ctx: MapContext, file: string, workspace: string, settings: JsonNode | undefined, prefix: string): void {
  const visit = (node: JsonNode, key: string, depth: number) => {
    if (depth > 6) return;
    if (node.type === 'object') {
      for (const [k, v] of props(node)) visit(v, key ? `${key}.${k}` : k, depth + 1);
      return;
    }
    const hide = HIDE_SETTINGS[key];
    if (hide) {
      if (hide(node.value)) ctx.add({ trigger: 'vscode-settings', command: `"${key}": ${JSON.stringify(node.value)}`, file, line: ctx.lineAt(file, node.offset), leadsTo: [], label: `${prefix}${key}` });
      return;
    }
    if (!EXEC_KEY.test(key)) return;
    const values = node.type === 'array' ? (node.children ?? []).filter((c) => c.type === 'string') : node.type === 'string' ? [node] : [];
    const refs: string[] = [];
    let pointsIn = false;
    for (const v of values) {
      const s = (v.value as string).trim();
      if (COMMON_BENIGN_PATH.test(s)) continue;
      const inRepo = /^(?:\$\{(?:workspaceFolder|workspaceRoot)\}|\.{1,2}\/|\.{1,2}\\)/.test(s) || (!/^[A-Za-z]:|^\/|^~|^\$\{(?:env|userHome)/.test(s) && /[\/\\]/.test(s));
      const words = s.split(/\s+/);
      for (const w of inRepo ? [s, ...words] : words) {
        const p = joinPath(workspace, w);
        if (p && ctx.has(p)) (refs.push(p), (pointsIn = true));
      }
      if (inRepo) pointsIn = true;
      if (/NODE_OPTIONS|--require|\bcurl\b|\bwget\b|\|\s*(?:ba|z)?sh\b/.test(`${key} ${s}`)) pointsIn = true;
    }
    if (!pointsIn) return;
    ctx.add({
      trigger: 'vscode-settings',
      command: `"${key}": ${JSON.stringify(node.value ?? values.map((v) => v.value))}`,
      file,
      line: ctx.lineAt(file, node.offset),
      leadsTo: leadsFrom(ctx, refs),
      label: `${prefix}${key}`,
    });
  };
  if (settings?.type === 'object') visit(settings, '', 0);
}

function launchEntries(ctx: MapContext, file: string, workspace: string, launch: JsonNode | undefined, tasks: VsTask[], prefix: string): void {
  const configs = prop(launch, 'configurations');
  if (!configs || configs.type !== 'array') return;
  const byLabel = new Map(tasks.map((t) => [t.label, t]));
  (configs.children ?? []).forEach((c, i) => {
    if (c.type !== 'object') return;
    const name = str(prop(c, 'name')) ?? `#${i}`;
    const program = prop(c, 'program');
    const runtime = prop(c, 'runtimeExecutable');
    const pre = str(prop(c, 'preLaunchTask'));
    const refs: string[] = [];
    for (const n of [program, runtime]) {
      const s = str(n);
      if (!s) continue;
      const p = joinPath(workspace, s.replace(/^\$\{(?:workspaceFolder|workspaceRoot)\}\/?/, ''));
      if (p && ctx.has(p)) refs.push(p);
    }
    const anchor = program ?? runtime ?? c;
    // runtimeArgs run too: `"runtimeArgs": ["--require", "./.vscode/.debug"]` preloads a file before the program.
    const rtArgs = prop(c, 'runtimeArgs');
    const args = rtArgs?.type === 'array' ? (rtArgs.children ?? []).map((x) => str(x)).filter((x): x is string => !!x) : [];
    const type = str(prop(c, 'type')) ?? '';
    const rt = str(runtime) ?? (args.length && /^(?:pwa-)?node$/.test(type) ? 'node' : undefined);
    const parts = [rt, ...args, str(program)].filter(Boolean);
    if (parts.length) {
      ctx.add({ trigger: 'vscode-launch', command: parts.join(' '), file, line: ctx.lineAt(file, anchor.offset), leadsTo: leadsFrom(ctx, refs), label: `${prefix}configurations[${i}] "${name}" (Run and Debug)` });
    }
    const t = pre ? byLabel.get(pre) : undefined;
    for (const cmd of t?.commands ?? []) {
      const tf = t!;
      ctx.add({ trigger: 'vscode-launch', command: cmd.command, file: tasksFileOf(ctx, file), line: ctx.lineAt(tasksFileOf(ctx, file), cmd.offset), leadsTo: followCommand(ctx, cmd.command, workspace), label: `tasks[${tf.index}] "${tf.label}" (preLaunchTask of "${name}")` });
    }
  });
}

function tasksFileOf(ctx: MapContext, launchFile: string): string {
  if (launchFile.endsWith('.code-workspace')) return launchFile;
  const p = `${dirOf(launchFile)}/tasks.json`;
  return ctx.has(p) ? p : launchFile;
}

export function collectVscode(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    if (isVendoredPath(f.path)) continue;
    const name = baseName(f.path);
    const inVscode = /(?:^|\/)\.vscode\/[^/]+$/.test(f.path);
    if (inVscode && name === 'tasks.json') {
      const root = parseJsonc(ctx.read(f.path) ?? '');
      if (root) taskEntries(ctx, f.path, workspaceOf(f.path, '.vscode'), parseVsTasks(root));
    } else if (inVscode && name === 'settings.json') {
      const root = parseJsonc(ctx.read(f.path) ?? '');
      if (root) settingsEntries(ctx, f.path, workspaceOf(f.path, '.vscode'), root, '');
    } else if (inVscode && name === 'launch.json') {
      const root = parseJsonc(ctx.read(f.path) ?? '');
      const tasksPath = `${dirOf(f.path)}/tasks.json`;
      const tasksRoot = ctx.has(tasksPath) ? parseJsonc(ctx.read(tasksPath) ?? '') : null;
      if (root) launchEntries(ctx, f.path, workspaceOf(f.path, '.vscode'), root, tasksRoot ? parseVsTasks(tasksRoot) : [], '');
    } else if (name.endsWith('.code-workspace')) {
      const root = parseJsonc(ctx.read(f.path) ?? '');
      if (!root) continue;
      const folders = prop(root, 'folders');
      const first = folders?.type === 'array' ? str(prop(folders.children?.[0], 'path')) : undefined;
      const workspace = joinPath(dirOf(f.path), first ?? '.') ?? dirOf(f.path);
      const tasks = parseVsTasks(prop(root, 'tasks'));
      taskEntries(ctx, f.path, workspace, tasks);
      settingsEntries(ctx, f.path, workspace, prop(root, 'settings'), 'settings.');
      launchEntries(ctx, f.path, workspace, prop(root, 'launch'), tasks, 'launch.');
    }
  }
}
