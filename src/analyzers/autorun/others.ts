import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
// Loaded on the first compose file: importing yaml costs every worker thread ~70 ms of start-up.
let yamlLib: typeof import('yaml') | undefined;
const yaml = () => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
import { GIT_HOOK_NAMES, MapContext, baseName, dirOf, isVendoredPath, joinPath, parseJsonc, prop, props } from './common.js';
import { followCommand, leadsFrom } from './follow.js';
import { scriptBody } from './shell.js';

/** A YAML config parsed with its line positions; duplicate keys are kept (a hand-edited config may repeat one). */
function parseYaml(text: string) {
  const { parseDocument, LineCounter } = yaml();
  const lc = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lc, uniqueKeys: false }), lc };
}

/** Makefile: `make` with no target runs the first ordinary target's recipe (and its prerequisites'). */
function makefile(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const lines = text.split('\n');
  const targets = new Map<string, { line: number; prereqs: string[]; recipe: Array<{ line: number; cmd: string }> }>();
  let first: string | null = null;
  let cur: { line: number; prereqs: string[]; recipe: Array<{ line: number; cmd: string }> } | null = null;
  const defaultGoal = /^\.DEFAULT_GOAL\s*:?=\s*(\S+)/m.exec(text)?.[1];
  lines.forEach((l, i) => {
    if (l.startsWith('\t')) {
      if (cur && l.trim() && !l.trim().startsWith('#')) cur.recipe.push({ line: i + 1, cmd: l.trim().replace(/^[@+-]+/, '') });
      return;
    }
    const m = /^([A-Za-z0-9_./%-][^:=#\s]*(?:\s+[^:=#\s]+)*)\s*::?(?!=)\s*([^;#]*)(?:;\s*(.*))?$/.exec(l);
    if (m) {
      cur = { line: i + 1, prereqs: m[2]!.trim().split(/\s+/).filter(Boolean), recipe: m[3] ? [{ line: i + 1, cmd: m[3] }] : [] };
      for (const t of m[1]!.split(/\s+/)) {
        if (!targets.has(t)) targets.set(t, cur);
        if (!first && !t.startsWith('.') && !t.includes('%')) first = t;
      }
    } else if (l.trim() && !/^\s*#/.test(l)) cur = null;
  });
  const goal = defaultGoal ?? first;
  if (!goal) return;
  const dir = dirOf(p);
  const seen = new Set<string>();
  let count = 0;
  const visit = (t: string, d: number) => {
    const rule = targets.get(t);
    if (!rule || seen.has(t) || d > 8) return;
    seen.add(t);
    for (const pre of rule.prereqs) visit(pre, d + 1);
    for (const r of rule.recipe.slice(0, 40)) {
      if (/^(?:echo|printf|true|:|exit|test|\[)(?:\s|$)/.test(r.cmd) || ++count > 20) continue;
      ctx.add({ trigger: 'make', command: r.cmd, file: p, line: r.line, leadsTo: followCommand(ctx, r.cmd, dir), label: `make (default target "${goal}"${t === goal ? '' : `, via "${t}"`})` });
    }
  };
  visit(goal, 0);
}

const DEVCONTAINER_KEYS = ['initializeCommand', 'onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand'];

function devcontainer(ctx: MapContext, p: string): void {
  const root = parseJsonc(ctx.read(p) ?? '');
  if (!root) return;
  const ws = /(?:^|\/)\.devcontainer\//.test(p) ? dirOf(p.replace(/(^|\/)\.devcontainer\/.*$/, '$1x')) : dirOf(p);
  for (const key of DEVCONTAINER_KEYS) {
    const node = prop(root, key);
    if (!node) continue;
    const cmds: Array<{ cmd: string; offset: number; sub?: string }> = [];
    const asCmd = (n: typeof node, sub?: string) => {
      if (n.type === 'string') cmds.push({ cmd: n.value as string, offset: n.offset, sub });
      else if (n.type === 'array') cmds.push({ cmd: (n.children ?? []).map((c) => String(c.value ?? '')).join(' '), offset: n.offset, sub });
    };
    if (node.type === 'object') for (const [k, v] of props(node)) asCmd(v, k);
    else asCmd(node);
    for (const c of cmds) {
      const label = `${key}${c.sub ? `.${c.sub}` : ''}${key === 'initializeCommand' ? ' (runs on the host)' : ''}`;
      ctx.add({ trigger: 'devcontainer', command: c.cmd, file: p, line: ctx.lineAt(p, c.offset), leadsTo: followCommand(ctx, c.cmd, ws), label });
    }
  }
}

function envrc(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const body = scriptBody(text);
  if (!body.command) return;
  ctx.add({ trigger: 'direnv', command: body.command, file: p, line: body.line, leadsTo: followCommand(ctx, text, dirOf(p)), label: '.envrc (direnv runs it on cd once allowed)' });
}

function dockerfile(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const joined = text.replace(/\\\r?\n/g, (m) => ' '.repeat(m.length - 1) + '\u0000');
  let n = 0;
  for (const m of joined.matchAll(/^[ \t]*(RUN|CMD|ENTRYPOINT)[ \t]+(.*)$/gim)) {
    if (++n > 60) break;
    let cmd = m[2]!.replace(/\u0000/g, ' ').replace(/\s+/g, ' ').trim();
    if (cmd.startsWith('[')) {
      try {
        cmd = (JSON.parse(cmd) as string[]).join(' ');
      } catch {
        /* keep the shell form */
      }
    }
    ctx.add({ trigger: 'docker', command: cmd, file: p, line: ctx.lineAt(p, m.index! + m[0].length - m[0].trimStart().length), leadsTo: [], label: `Dockerfile ${m[1]!.toUpperCase()}` });
  }
}

function compose(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const { isMap, isScalar, isSeq } = yaml();
  const { doc, lc } = parseYaml(text);
  const services = doc.get('services');
  if (!isMap(services)) return;
  for (const s of services.items) {
    const name = isScalar(s.key) ? String(s.key.value) : '?';
    if (!isMap(s.value)) continue;
    for (const key of ['command', 'entrypoint'] as const) {
      const v = s.value.get(key, true) as YamlNode | undefined;
      if (!v) continue;
      const cmd = isSeq(v) ? v.items.map((x) => (isScalar(x) ? String(x.value) : '')).join(' ') : isScalar(v) ? String(v.value) : '';
      if (!cmd) continue;
      const line = v.range ? lc.linePos(v.range[0]).line : 1;
      ctx.add({ trigger: 'docker', command: cmd, file: p, line, leadsTo: followCommand(ctx, cmd, dirOf(p)), label: `compose service "${name}" ${key}` });
    }
  }
}

function husky(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const body = scriptBody(text, /husky\.sh/);
  if (!body.command) return;
  const root = p.replace(/(?:^|\/)\.husky\/[^/]+$/, '');
  ctx.add({ trigger: 'husky', command: body.command, file: p, line: body.line, leadsTo: followCommand(ctx, text, root), label: `husky ${baseName(p)} hook (runs on git ${baseName(p).replace(/^pre-|^post-/, '')})` });
}

/**
 * lefthook.yml: the lefthook npm package installs its hooks into .git/hooks by itself on npm install (and
 * `lefthook install` in prepare does the same), so every `run:` of a hook runs on the next checkout/commit/merge, and
 * each `scripts:` entry runs .lefthook/<hook>/<script>.
 */
function lefthook(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const { isMap, isScalar } = yaml();
  const { doc, lc } = parseYaml(text);
  if (!isMap(doc.contents)) return;
  const dir = dirOf(p).replace(/(?:^|\/)\.config$/, '');
  // lefthook reads its config at the repository's root: where the package.json or .git is (or the target's root).
  if (dir && !ctx.has(`${dir}/package.json`) && !ctx.has(`${dir}/.git/config`) && !ctx.has(`${dir}/.git/HEAD`)) return;
  let n = 0;
  for (const hook of doc.contents.items) {
    const hookName = isScalar(hook.key) ? String(hook.key.value) : '';
    // Other top-level keys are settings (colors, skip_output, …).
    if (!GIT_HOOK_NAMES.has(hookName) || !isMap(hook.value)) continue;
    for (const kind of ['commands', 'scripts'] as const) {
      const group = hook.value.get(kind, true);
      if (!isMap(group)) continue;
      for (const job of group.items) {
        if (++n > 60) return;
        const jobName = isScalar(job.key) ? String(job.key.value) : '?';
        const run = isMap(job.value) ? job.value.get('run', true) : undefined;
        const at = (isScalar(run) ? run : job.key) as YamlNode | undefined;
        const line = at?.range ? lc.linePos(at.range[0]).line : 1;
        const label = `lefthook ${hookName} ${kind === 'commands' ? 'command' : 'script'} "${jobName}" (runs on git ${hookName.replace(/^pre-|^post-/, '')})`;
        if (kind === 'commands') {
          const cmd = isScalar(run) ? String(run.value) : '';
          if (cmd) ctx.add({ trigger: 'git', command: cmd, file: p, line, leadsTo: followCommand(ctx, cmd, dir), label });
        } else {
          const script = joinPath(dir, `.lefthook/${hookName}/${jobName}`);
          const runner = isMap(job.value) ? job.value.get('runner') : undefined;
          ctx.add({ trigger: 'git', command: `${typeof runner === 'string' ? `${runner} ` : ''}.lefthook/${hookName}/${jobName}`, file: p, line, leadsTo: script && ctx.has(script) ? leadsFrom(ctx, [script]) : [], label });
        }
      }
    }
  }
}

/**
 * .pre-commit-config.yaml: once `pre-commit install` ran (the README's setup step), each `repo: local` hook's `entry`
 * runs on git commit, and on checkout/merge when default_install_hook_types or its stages name those hooks. Hooks from
 * remote repos are the pinned tools' own and are not listed.
 */
function precommit(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const { isMap, isSeq, isScalar } = yaml();
  const { doc, lc } = parseYaml(text);
  if (!isMap(doc.contents)) return;
  const dir = dirOf(p);
  const types = doc.contents.get('default_install_hook_types');
  const on = isSeq(types) ? types.items.map((t) => (isScalar(t) ? String(t.value) : '')).filter(Boolean).join(', ') : 'pre-commit';
  const repos = doc.contents.get('repos');
  if (!isSeq(repos)) return;
  let n = 0;
  for (const repo of repos.items) {
    if (!isMap(repo) || String(repo.get('repo')) !== 'local') continue;
    const hooks = repo.get('hooks');
    if (!isSeq(hooks)) continue;
    for (const hook of hooks.items) {
      if (!isMap(hook) || ++n > 60) continue;
      const entry = hook.get('entry', true);
      if (!isScalar(entry) || typeof entry.value !== 'string' || !entry.value) continue;
      const line = entry.range ? lc.linePos(entry.range[0]).line : 1;
      const id = String(hook.get('id') ?? '?');
      ctx.add({ trigger: 'git', command: entry.value, file: p, line, leadsTo: followCommand(ctx, entry.value, dir), label: `pre-commit local hook "${id}" (runs on git ${on} once pre-commit is installed)` });
    }
  }
}

/** `node x.js` / `python x.py` named in a README as the way to run the project. */
function readme(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text || text.length > 300_000) return;
  const dir = dirOf(p);
  let n = 0;
  for (const m of text.matchAll(/(?:^|[`$>\s])((?:node|python3?|py)\s+(?:-[\w-]+\s+)*([\w./-]+\.(?:[cm]?js|ts|py)))\b/gm)) {
    if (++n > 10) break;
    const files = followCommand(ctx, m[1]!, dir);
    if (!files.length) continue;
    ctx.add({ trigger: /^node/.test(m[1]!) ? 'npm-start' : 'python', command: m[1]!, file: p, line: ctx.lineAt(p, m.index! + m[0].indexOf(m[1]!)), leadsTo: files, label: 'README asks to run it' });
  }
}

export function collectOthers(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    const p = f.path;
    if (isVendoredPath(p)) continue;
    const name = baseName(p);
    // A Makefile deep in the tree (docs/, vendored C sources) is not what `make` in the project runs.
    if ((name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile') && p.split('/').length <= 2) makefile(ctx, p);
    else if (name === 'devcontainer.json' || name === '.devcontainer.json') devcontainer(ctx, p);
    else if (name === '.envrc') envrc(ctx, p);
    else if (name === 'Dockerfile' || /^Dockerfile\.|\.dockerfile$/i.test(name)) dockerfile(ctx, p);
    else if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(name)) compose(ctx, p);
    else if (/(?:^|\/)\.husky\/[^/_][^/]*$/.test(p) && !name.includes('.')) husky(ctx, p);
    else if (/^\.?lefthook(?:-local)?\.ya?ml$/.test(name)) lefthook(ctx, p);
    else if (name === '.pre-commit-config.yaml' && p.split('/').length <= 2) precommit(ctx, p);
    else if (/^readme(?:\.md|\.txt)?$/i.test(name) && p.split('/').length <= 2) readme(ctx, p);
  }
}
