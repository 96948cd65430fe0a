import type { AutorunTrigger } from '../../core/autorun.js';
import type { Node as JsonNode } from 'jsonc-parser';
import { MapContext, baseName, dirOf, isVendoredPath, joinPath, parseJsonc, prop, props } from './common.js';
import { configsFor } from './configs.js';
import { CommandFollower, followCommand, leadsFrom, packageAt, resolveFile } from './follow.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
/** `prepare`/`prepublish` run on a plain `npm install` in the project itself, not for dependencies. */
const ROOT_INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
const RUN_SCRIPTS: Array<[string, AutorunTrigger]> = [
  ['start', 'npm-start'],
  ['dev', 'npm-run'],
  ['test', 'npm-run'],
  ['build', 'npm-run'],
  ['serve', 'npm-run'],
];
const MAX_PACKAGES = 2000;

/** Whether a package.json is a vendored dependency (`node_modules/x` or `node_modules/@s/x`). */
function isDependencyManifest(path: string): boolean {
  return /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(path);
}

const BUN_PRELOAD = /^[ \t]*preload[ \t]*=[ \t]*(\[[^\]]*\]|"[^"\n]*"|'[^'\n]*')/gm;

/**
 * nodemon runs its config's `exec` and `events` commands (start, restart, crash, exit) through the shell: when a
 * script of the package runs nodemon, the commands of nodemon.json (or package.json `nodemonConfig`) are listed.
 */
function nodemonConfig(ctx: MapContext, pkg: NonNullable<ReturnType<typeof packageAt>>): void {
  const runs = [...pkg.scripts].find(([, s]) => /(?:^|[\s;&|(])nodemon\b/.test(s.command));
  if (!runs) return;
  const trigger: AutorunTrigger = runs[0] === 'start' ? 'npm-start' : 'npm-run';
  const file = pkg.dir ? `${pkg.dir}/nodemon.json` : 'nodemon.json';
  const root = ctx.has(file) ? parseJsonc(ctx.read(file) ?? '') : null;
  const where = root ? { file, cfg: root } : { file: pkg.path, cfg: prop(pkg.root, 'nodemonConfig') };
  if (!where.cfg) return;
  const commands: Array<[string, JsonNode]> = [];
  const exec = prop(where.cfg, 'exec');
  if (exec?.type === 'string') commands.push(['exec', exec]);
  for (const [k, v] of props(prop(where.cfg, 'events'))) if (v.type === 'string') commands.push([`events.${k}`, v]);
  for (const [label, v] of commands.slice(0, 20)) {
    const command = v.value as string;
    ctx.add({ trigger, command, file: where.file, line: ctx.lineAt(where.file, v.offset), leadsTo: followCommand(ctx, command, pkg.dir), label: `nodemon ${label} (npm run ${runs[0]} runs nodemon)` });
  }
}

/** A gyp command expansion, `<!(cmd)` or `<!@(cmd)`, inside a JSON-ish string. */
const GYP_COMMAND = /<!@?\(((?:[^()"\\]|\\.|\([^()]*\))*)\)/g;

export function collectNpm(ctx: MapContext): void {
  let n = 0;
  for (const f of ctx.view.files) {
    if (baseName(f.path) !== 'package.json') continue;
    const vendored = isVendoredPath(f.path);
    if (vendored && !isDependencyManifest(f.path)) continue;
    if (++n > MAX_PACKAGES) break;
    const dir = dirOf(f.path);
    const pkg = packageAt(ctx, dir);
    if (!pkg) continue;
    const installNames = vendored ? INSTALL_SCRIPTS : ROOT_INSTALL_SCRIPTS;
    for (const name of installNames) scriptEntry(ctx, dir, name, 'npm-install');
    if (!pkg.scripts.has('install') && !pkg.scripts.has('preinstall')) {
      const gyp = joinPath(dir, 'binding.gyp');
      if (gyp !== null && ctx.has(gyp)) {
        // node-gyp runs the file's command expansions (`<!(node tools/x.js)`, `<!@(…)`) through the shell while it
        // configures: what they run is part of `npm install`.
        const f = new CommandFollower(ctx);
        for (const m of (ctx.read(gyp) ?? '').slice(0, 200_000).matchAll(GYP_COMMAND)) f.follow(m[1]!.replace(/\\"/g, '"'), dir);
        ctx.add({ trigger: 'npm-install', command: 'node-gyp rebuild', file: pkg.path, line: 1, leadsTo: [gyp, ...leadsFrom(ctx, f.out.files)], label: 'implicit install script (binding.gyp present)' });
      }
    }
    if (vendored) continue;
    nodemonConfig(ctx, pkg);
    for (const [name, trigger] of RUN_SCRIPTS) {
      for (const n2 of [`pre${name}`, name, `post${name}`]) scriptEntry(ctx, dir, n2, trigger);
    }
    // Variants the README names (`npm run dev:with-backend`, `start-server`, `serve:api`).
    for (const name of pkg.scripts.keys()) {
      if (/^(?:start|dev|serve)[\w]*[:_-]|^(?:start|dev|serve)\w+$/.test(name) && !/^(?:pre|post)/.test(name)) scriptEntry(ctx, dir, name, name.startsWith('start') ? 'npm-start' : 'npm-run');
    }
    if (!pkg.scripts.has('start')) {
      const server = joinPath(dir, 'server.js');
      if (server !== null && ctx.has(server)) {
        ctx.add({ trigger: 'npm-start', command: 'node server.js', file: pkg.path, line: 1, leadsTo: leadsFrom(ctx, [server]), label: 'implicit start script (server.js present)' });
      }
    }
  }
  collectNpmrc(ctx);
  collectPackageManagerHooks(ctx);
}

/**
 * Files the package manager itself executes on every command: Yarn's `yarnPath` release and plugins
 * (`.yarnrc.yml`, `.yarnrc`), pnpm's `.pnpmfile.cjs` hooks.
 */
function collectPackageManagerHooks(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    if (isVendoredPath(f.path)) continue;
    const name = baseName(f.path);
    const dir = dirOf(f.path);
    // bunfig.toml `preload = ["./x.ts"]` (top level, [run] or [test]): Bun runs them before every `bun run` / `bun test`.
    if (name === 'bunfig.toml') {
      const text = ctx.read(f.path) ?? '';
      for (const m of text.slice(0, 100_000).matchAll(BUN_PRELOAD)) {
        const refs = [...m[1]!.matchAll(/["']([^"'\n]{1,300})["']/g)].map((r) => resolveFile(ctx, dir, r[1]!)).filter((r): r is string => r !== null);
        if (refs.length) ctx.add({ trigger: 'npm-run', command: m[0].trim(), file: f.path, line: ctx.lineAt(f.path, m.index!), leadsTo: leadsFrom(ctx, refs), label: 'bunfig.toml preload (runs before every bun run / bun test)' });
      }
      continue;
    }
    if (name === '.pnpmfile.cjs' || name === 'pnpmfile.js') {
      ctx.add({ trigger: 'npm-install', command: 'pnpm install', file: f.path, line: 1, leadsTo: leadsFrom(ctx, [f.path]), label: `${name} (pnpm runs its hooks on install)` });
      continue;
    }
    if (name !== '.yarnrc.yml' && name !== '.yarnrc') continue;
    const text = ctx.read(f.path);
    if (!text) continue;
    for (const m of text.matchAll(/^[ \t]*(?:-[ \t]*)?(yarnPath|yarn-path|path)[ \t]*:?[ \t]+["']?([^"'\n#]+?)["']?[ \t]*$/gm)) {
      const target = joinPath(dir, m[2]!.trim());
      if (target === null || !ctx.has(target)) continue;
      const key = m[1] === 'path' ? 'plugins[].path' : m[1]!;
      ctx.add({ trigger: 'npm-install', command: 'yarn install', file: f.path, line: ctx.lineAt(f.path, m.index!), leadsTo: leadsFrom(ctx, [target]), label: `${name} ${key} (yarn runs ${target} on every command)` });
    }
  }
}

function scriptEntry(ctx: MapContext, dir: string, name: string, trigger: AutorunTrigger): void {
  const pkg = packageAt(ctx, dir)!;
  const s = pkg.scripts.get(name);
  if (!s) return;
  const f = new CommandFollower(ctx);
  f.out.scripts.push(`${dir}|${name}`);
  f.follow(s.command, dir);
  const configs: string[] = [];
  for (const [tool, dirs] of f.out.toolDirs) for (const d of dirs) configs.push(...configsFor(ctx, [tool], d));
  ctx.add({
    trigger,
    command: s.command,
    file: pkg.path,
    line: ctx.lineAt(pkg.path, s.offset),
    leadsTo: leadsFrom(ctx, [...f.out.files, ...configs]),
    label: `scripts.${name}`,
  });
}

const NPMRC_KEYS = /^[ \t]*(script-shell|shell|ignore-scripts|node-options|onload-script|init-module|git|editor|browser|viewer|prefix|globalconfig|userconfig|registry|@[\w.-]+:registry)[ \t]*=[ \t]*(.*)$/gim;

/** `.npmrc` settings that change what an install or `npm run` executes. */
function collectNpmrc(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    if (baseName(f.path) !== '.npmrc' || isVendoredPath(f.path)) continue;
    const text = ctx.read(f.path);
    if (!text) continue;
    const dir = dirOf(f.path);
    for (const m of text.matchAll(NPMRC_KEYS)) {
      const key = m[1]!.toLowerCase();
      const value = m[2]!.trim().replace(/^["']|["']$/g, '');
      const executes =
        key === 'script-shell' || key === 'shell' || key === 'onload-script' || key === 'init-module' || key === 'git' || key === 'editor' || key === 'browser' || key === 'viewer' ||
        (key === 'ignore-scripts' && value === 'false') ||
        (key === 'node-options' && /(?:^|\s)(?:-r|--require|--import|--loader|--experimental-loader)\b/.test(value));
      if (!executes) continue;
      const refs: string[] = [];
      for (const w of value.split(/[\s=]+/)) {
        if (!/^\.{0,2}\/|\.[cm]?js$|\.sh$/.test(w)) continue;
        const p = joinPath(dir, w);
        if (p !== null && ctx.has(p)) refs.push(p);
      }
      ctx.add({ trigger: 'npm-install', command: m[0].trim(), file: f.path, line: ctx.lineAt(f.path, m.index!), leadsTo: leadsFrom(ctx, refs), label: `.npmrc ${key}` });
    }
  }
}
