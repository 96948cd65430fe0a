import type { Node as JsonNode } from 'jsonc-parser';
import { MapContext, dirOf, joinPath, parseJsonc, prop, props, str } from './common.js';
import { isVendoredPath } from '../file-facts.js';
import { programName, splitCommands, stripWrappers, tokenize } from './shell.js';

/** How many files one entry may lead to: a lure needs a handful, a bundle tree must not cost a full crawl. */
export const LEADS_LIMIT = 200;
const FOLLOW_DEPTH = 8;

const JS_EXTS = ['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.mts', '.cts'];

export interface PackageInfo {
  dir: string;
  path: string;
  root: JsonNode;
  scripts: Map<string, { command: string; offset: number }>;
  deps: Set<string>;
  main?: string;
}

/** package.json of a folder, parsed once (JSONC-tolerant). */
export function packageAt(ctx: MapContext, dir: string): PackageInfo | null {
  const cache = (ctx as unknown as { _pkgs?: Map<string, PackageInfo | null> });
  cache._pkgs ??= new Map();
  if (cache._pkgs.has(dir)) return cache._pkgs.get(dir)!;
  const path = dir ? `${dir}/package.json` : 'package.json';
  let info: PackageInfo | null = null;
  const text = ctx.read(path);
  const root = text === null ? null : parseJsonc(text);
  if (root) {
    const scripts = new Map<string, { command: string; offset: number }>();
    for (const [k, v] of props(prop(root, 'scripts'))) {
      if (v.type === 'string') scripts.set(k, { command: v.value as string, offset: v.offset });
    }
    const deps = new Set<string>();
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const [k] of props(prop(root, field))) deps.add(k);
    }
    info = { dir, path, root, scripts, deps, main: str(prop(root, 'main')) };
  }
  cache._pkgs.set(dir, info);
  return info;
}

const MAX_BIN_PACKAGES = 2000;

/**
 * Commands the project's own packages put on the PATH of npm scripts (node_modules/.bin): the `bin` of every
 * package.json of the target outside vendored folders, except the root's (workspace packages), name → file.
 * A workspace package may name a bin `node`, `git` or `sh`: npm scripts then run that file instead of the real tool.
 */
export function projectBins(ctx: MapContext): Map<string, string> {
  const cache = ctx as unknown as { _bins?: Map<string, string> };
  if (cache._bins) return cache._bins;
  const bins = new Map<string, string>();
  let n = 0;
  for (const f of ctx.view.files) {
    if (!f.path.endsWith('/package.json') || f.path.split('/').length > 6) continue;
    const dir = dirOf(f.path);
    // Workspace packages only: a vendored node_modules/<pkg> bin is the tool itself (vite, tsc), and following every
    // script into vendored code would weigh library code as the lure's.
    if (isVendoredPath(f.path)) continue;
    if (++n > MAX_BIN_PACKAGES) break;
    const pkg = packageAt(ctx, dir);
    if (!pkg) continue;
    const bin = prop(pkg.root, 'bin');
    const name = str(prop(pkg.root, 'name'));
    const add = (cmd: string, ref: string) => {
      const file = joinPath(dir, ref);
      if (file !== null && ctx.has(file) && !bins.has(cmd)) bins.set(cmd, file);
    };
    if (bin?.type === 'string' && name) add(name.slice(name.lastIndexOf('/') + 1), bin.value as string);
    else for (const [k, v] of props(bin)) if (v.type === 'string') add(k, v.value as string);
  }
  cache._bins = bins;
  return bins;
}

/** Resolves a module reference the way node/bundlers would, restricted to files of the target. */
export function resolveFile(ctx: MapContext, fromDir: string, ref: string): string | null {
  const base = joinPath(fromDir, ref);
  if (base === null) return null;
  if (base && ctx.has(base)) return base;
  for (const ext of JS_EXTS) if (ctx.has(base + ext)) return base + ext;
  // TypeScript sources imported by their emitted name: `./x.js` → `x.ts`.
  const m = /\.(m|c)?js$/.exec(base);
  if (m) {
    for (const ext of ['.ts', '.tsx', '.mts', '.cts']) {
      const alt = base.slice(0, -m[0].length) + ext;
      if (ctx.has(alt)) return alt;
    }
  }
  const pkg = packageAt(ctx, base);
  if (pkg?.main && pkg.dir === base) {
    const main = resolveFile(ctx, base, pkg.main);
    if (main) return main;
  }
  const prefix = base ? `${base}/index` : 'index';
  for (const ext of [...JS_EXTS, '.json']) if (ctx.has(prefix + ext)) return prefix + ext;
  return null;
}

/** A bare specifier that is vendored in the tree (`node_modules/x`), resolved to its entry file. */
function resolveBare(ctx: MapContext, fromDir: string, spec: string): string | null {
  const m = /^((?:@[^/]+\/)?[^/@][^/]*)(\/.*)?$/.exec(spec);
  if (!m || spec.startsWith('node:')) return null;
  let dir = fromDir;
  for (let guard = 0; guard < 64; guard++) {
    const nm = dir ? `${dir}/node_modules/${m[1]}` : `node_modules/${m[1]}`;
    if (ctx.has(`${nm}/package.json`) || (m[2] && ctx.has(`${nm}${m[2]}`))) {
      return resolveFile(ctx, nm, m[2] ? `.${m[2]}` : '.');
    }
    if (!dir) return null;
    dir = dirOf(dir);
  }
  return null;
}

/** `@/lib/x` and `~/lib/x`: the usual tsconfig/bundler alias for the project's src/ (or root) folder. */
function resolveAlias(ctx: MapContext, fromDir: string, rest: string): string | null {
  let dir = fromDir;
  for (let guard = 0; guard < 64; guard++) {
    const r = resolveFile(ctx, dir, `./src/${rest}`) ?? (ctx.has(dir ? `${dir}/package.json` : 'package.json') ? resolveFile(ctx, dir, `./${rest}`) : null);
    if (r) return r;
    if (!dir) return null;
    dir = dirOf(dir);
  }
  return null;
}

/** A built file named by a script (`node dist/index.js`) that is not in the tree: its source is what the reviewer has. */
export function resolveBuilt(ctx: MapContext, dir: string, ref: string): string | null {
  const m = /^(?:\.\/)?(?:dist|build|lib|out)\/(.+?)(?:\.[cm]?js)?$/.exec(ref);
  return m ? resolveFile(ctx, dir, `./src/${m[1]}`) : null;
}

const IMPORT_RE =
  /\b(?:require|import)\s*\(\s*(['"`])([^'"`\n]{1,300})\1\s*\)|\b(?:import|export)\s[^;'"`]{0,400}?\bfrom\s*(['"])([^'"\n]{1,300})\3|\bimport\s*(['"])([^'"\n]{1,300})\5/g;
function packageRootOf(ctx: MapContext, dir: string): string {
  for (let d = dir, guard = 0; guard < 64; guard++) {
    if (ctx.has(d ? `${d}/package.json` : 'package.json')) return d;
    if (!d) break;
    d = dirOf(d);
  }
  return '';
}

/**
 * Code started as a file: `require(path.join(__dirname, 'x'))`, `fork('./worker')`, `new Worker('./w.js')`, `spawn('node',
 * ['x.js'])`, and module hooks registered with `register('./hooks.mjs', import.meta.url)` (node runs them for every import).
 */
const SPAWNED_RE =
  /\bregister\s*\(\s*(['"])(\.{1,2}\/[^'"\n]{1,300})\1\s*,|\b(?:require|fork|Worker|import)\s*\(\s*path\.(?:join|resolve)\(\s*__dirname\s*,\s*(['"])([^'"\n]{1,300})\3\s*\)|\b(?:fork|Worker)\s*\(\s*(['"])([^'"\n]{1,300})\5|\b(?:spawn|spawnSync|execFile|execFileSync)\s*\(\s*(?:process\.execPath|['"]node['"])\s*,\s*\[\s*(['"])([^'"\n]{1,300})\7/g;
// The module part is never empty, so the blanks around it cannot be split two ways (no quadratic backtracking).
const PY_IMPORT_RE = /^[ \t]*(?:from[ \t]+(\.+[\w.]*|[\w.]+)[ \t]+import[ \t]+([\w, \t]+)|import[ \t]+([\w.]+))/gm;

/** Module references a file makes (relative ones and vendored packages), resolved to files of the target. */
function referencesOf(ctx: MapContext, file: string): string[] {
  const cache = (ctx as unknown as { _refs?: Map<string, string[]> });
  cache._refs ??= new Map();
  const hit = cache._refs.get(file);
  if (hit) return hit;
  const out: string[] = [];
  const text = ctx.read(file);
  const dir = dirOf(file);
  if (text !== null && text.length < 2_000_000) {
    if (/\.py$/.test(file)) {
      for (const m of text.matchAll(PY_IMPORT_RE)) {
        const mod = m[1] ?? m[3] ?? '';
        const names = m[2] ? m[2].split(',').map((s) => s.trim()).filter(Boolean) : [''];
        for (const name of names) {
          const r = resolvePython(ctx, dir, mod, name);
          if (r) out.push(r);
        }
        if (out.length > LEADS_LIMIT) break;
      }
    } else if (!/\.(?:json|md|txt|html?|css|svg)$/i.test(file)) {
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[2] ?? m[4] ?? m[6] ?? '';
        const r = spec.startsWith('.') ? resolveFile(ctx, dir, spec) : /^[@~]\//.test(spec) ? resolveAlias(ctx, dir, spec.slice(2)) : resolveBare(ctx, dir, spec);
        if (r) out.push(r);
        if (out.length > LEADS_LIMIT) break;
      }
      if (/\b(?:__dirname|fork|Worker|spawn|execFile|register)\b/.test(text)) {
        for (const m of text.matchAll(SPAWNED_RE)) {
          const spec = m[2] ?? m[4] ?? m[6] ?? m[8] ?? '';
          // fork/Worker/spawn resolve against the process cwd (usually the package root), require against the file.
          const rel = /^\.{0,2}\//.test(spec) ? spec : `./${spec}`;
          const r = resolveFile(ctx, dir, rel) ?? resolveFile(ctx, packageRootOf(ctx, dir), rel);
          if (r) out.push(r);
          if (out.length > LEADS_LIMIT) break;
        }
      }
    }
  }
  cache._refs.set(file, out);
  return out;
}

function resolvePython(ctx: MapContext, dir: string, mod: string, name: string): string | null {
  const dots = /^\.*/.exec(mod)![0].length;
  let base = dir;
  for (let i = 1; i < dots; i++) base = dirOf(base);
  const rest = mod.slice(dots).split('.').filter(Boolean);
  const tryMod = (parts: string[]) => {
    const p = joinPath(base, parts.join('/'));
    if (p === null || !parts.length) return null;
    if (ctx.has(`${p}.py`)) return `${p}.py`;
    if (ctx.has(`${p}/__init__.py`)) return `${p}/__init__.py`;
    return null;
  };
  return (name && tryMod([...rest, name])) || tryMod(rest);
}

/** The entry files plus everything they import relatively (or from vendored node_modules), breadth-first, bounded. */
export function leadsFrom(ctx: MapContext, entries: Iterable<string>, limit = LEADS_LIMIT): string[] {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const e of entries) if (!seen.has(e) && ctx.has(e)) (seen.add(e), queue.push(e));
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    for (const r of referencesOf(ctx, queue[i]!)) {
      if (seen.size >= limit) break;
      if (!seen.has(r)) (seen.add(r), queue.push(r));
    }
  }
  return [...seen];
}

/** The files a command leads to: what it runs, and what those import (leadsFrom). */
export function followCommand(ctx: MapContext, command: string, cwd: string): string[] {
  return leadsFrom(ctx, new CommandFollower(ctx).follow(command, cwd).out.files);
}

/** What a command starts: the files it runs, the tools it names, the package scripts it chains into. */
export interface Followed {
  files: string[];
  tools: Set<string>;
  /** `dir|script` keys of package scripts reached (to avoid loops and to list them). */
  scripts: string[];
  /** Package folders whose tool configs apply (where each tool ran). */
  toolDirs: Map<string, Set<string>>;
}

const RUNNERS = new Set(['node', 'nodejs', 'nodemon', 'ts-node', 'ts-node-dev', 'tsnd', 'tsx', 'bun', 'babel-node', 'node-dev', 'esno', 'esr', 'electron', 'forever', 'pm2', 'supervisor', 'deno', 'vite-node', 'jiti']);
const PY_RUNNERS = /^(?:python[\d.]*|py|pypy3?|uv|poetry|pipenv)$/;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'source', '.', 'pwsh', 'powershell', 'cmd']);
const NODE_VALUE_OPTS = /^(?:-r|--require|--import|--loader|--experimental-loader|-C|--conditions|--env-file|--title|--inspect-port|--max-old-space-size|-w|--watch|--watch-path|-e|--ext|--exec|-x|--ignore|-i|--delay|--config|--signal|-V|--project|-P|--tsconfig|--name|-n|--cwd|--interpreter|--node-args)$/;
const PM = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const PM_BUILTINS = new Set(['install', 'i', 'add', 'ci', 'remove', 'rm', 'uninstall', 'link', 'unlink', 'publish', 'pack', 'init', 'create', 'dlx', 'config', 'set', 'cache', 'audit', 'outdated', 'update', 'upgrade', 'up', 'why', 'info', 'view', 'login', 'logout', 'version', 'help', 'workspaces', 'workspace', 'exec', 'x', 'global', 'prune', 'dedupe', 'rebuild', 'store', 'patch', 'import', 'list', 'ls']);

export class CommandFollower {
  readonly out: Followed = { files: [], tools: new Set(), scripts: [], toolDirs: new Map() };
  private depth = 0;
  constructor(private readonly ctx: MapContext) {}

  follow(command: string, cwd: string): this {
    if (this.depth > FOLLOW_DEPTH || command.length > 20_000) return this;
    this.depth++;
    try {
      let dir = cwd;
      for (const simple of splitCommands(command)) {
        const argv = stripWrappers(tokenize(simple));
        if (!argv.length) continue;
        if (programName(argv[0]!) === 'cd') {
          const to = argv[1] ? joinPath(dir, argv[1]) : dir;
          if (to !== null) dir = to;
          continue;
        }
        this.invocation(argv, dir);
      }
    } finally {
      this.depth--;
    }
    return this;
  }

  private tool(name: string, dir: string): void {
    this.out.tools.add(name);
    let s = this.out.toolDirs.get(name);
    if (!s) this.out.toolDirs.set(name, (s = new Set()));
    s.add(dir);
  }

  private file(path: string | null): void {
    if (path && !this.out.files.includes(path)) this.out.files.push(path);
  }

  /** Runs `npm run <name>` in `dir` (with its pre/post hooks), following into the script's command. */
  runScript(dir: string, name: string): void {
    const pkg = packageAt(this.ctx, dir);
    if (!pkg) return;
    for (const n of [`pre${name}`, name, `post${name}`]) {
      const s = pkg.scripts.get(n);
      const key = `${dir}|${n}`;
      if (!s || this.out.scripts.includes(key)) continue;
      this.out.scripts.push(key);
      this.follow(s.command, dir);
    }
    if (name === 'start' && !pkg.scripts.has('start') && this.ctx.has(dir ? `${dir}/server.js` : 'server.js')) {
      this.file(dir ? `${dir}/server.js` : 'server.js');
    }
  }

  private runPattern(dir: string, pattern: string): void {
    const pkg = packageAt(this.ctx, dir);
    if (!pkg) return;
    if (!pattern.includes('*')) return this.runScript(dir, pattern);
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    for (const n of pkg.scripts.keys()) if (re.test(n)) this.runScript(dir, n);
  }

  private invocation(argv: string[], dir: string): void {
    const prog = programName(argv[0]!);
    const args = argv.slice(1);
    // A bin of the project's packages by that name runs first (node_modules/.bin leads the scripts' PATH).
    if (!argv[0]!.includes('/')) {
      const bin = projectBins(this.ctx).get(prog);
      if (bin) this.file(bin);
    }
    if (PM.has(prog)) return this.packageManager(prog, args, dir);
    if (prog === 'concurrently' || prog === 'npm-run-all' || prog === 'run-p' || prog === 'run-s' || prog === 'npm-run-all2') {
      this.tool(prog, dir);
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a.startsWith('-')) {
          if (/^(?:-n|--names|-c|--prefix-colors|-p|--prefix|--restart-tries|--restart-after|-s|--success|-t|--timestamp-format|--max-processes|-m|--default-input-target|--pad-prefix|-l|--prefix-length|--npm-path)$/.test(a)) i++;
          continue;
        }
        if (prog === 'concurrently') {
          const npmShort = /^(npm|yarn|pnpm|bun):(.+)$/.exec(a);
          if (npmShort) this.runPattern(dir, npmShort[2]!);
          else this.follow(a, dir);
        } else this.runPattern(dir, a);
      }
      return;
    }
    if (RUNNERS.has(prog)) return this.runner(prog, args, dir);
    if (PY_RUNNERS.test(prog)) return this.python(prog, args, dir);
    if (SHELLS.has(prog)) {
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (/^(?:-c|\/c|\/k|-Command|-command|-c)$/i.test(a) && args[i + 1]) return void this.follow(args[i + 1]!, dir);
        if (/^-(?:File|file)$/.test(a) && args[i + 1]) return this.file(resolveFile(this.ctx, dir, args[i + 1]!));
        if (a.startsWith('-') || a.startsWith('/')) continue;
        return this.file(resolveFile(this.ctx, dir, a));
      }
      return;
    }
    // A path as the program (`./scripts/setup.sh`, `bin/run`).
    if (argv[0]!.includes('/')) {
      const f = resolveFile(this.ctx, dir, argv[0]!);
      const inNm = /(?:^|\/)node_modules\/(?:\.bin\/)?((?:@[^/]+\/)?[^/]+)/.exec(argv[0]!);
      if (inNm) this.tool(programName(inNm[1]!), dir);
      else this.file(f);
    } else {
      this.tool(prog, dir);
      // `react-scripts test` / `craco test` / `vitest` run jest-style setup files.
      if ((prog === 'react-scripts' || prog === 'craco' || prog === 'react-app-rewired') && args[0] === 'test') this.tool('jest', dir);
    }
    // Files a tool is pointed at (`--config x.js`, `-r ./setup`, `hardhat run scripts/deploy.js`).
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const eq = /^--?[\w-]+=(.+)$/.exec(a);
      const cand = eq ? eq[1]! : a;
      if (cand.startsWith('-') || /[*{}$]/.test(cand) || cand.length > 300) continue;
      if (/\.(?:[cm]?[jt]sx?|py|sh|ps1|bat|cmd)$/i.test(cand) || /^(?:\.{1,2}\/)/.test(cand)) {
        const r = resolveFile(this.ctx, dir, cand);
        if (r && !/\/$/.test(cand)) this.file(r);
      }
    }
  }

  private packageManager(prog: string, args: string[], dir: string): void {
    let d = dir;
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--prefix' || a === '-C' || a === '--cwd' || a === '--dir') {
        const to = args[i + 1] ? joinPath(dir, args[i + 1]!) : null;
        if (to !== null) d = to;
        i++;
      } else if (/^--(?:prefix|cwd|dir)=/.test(a)) {
        const to = joinPath(dir, a.slice(a.indexOf('=') + 1));
        if (to !== null) d = to;
      } else if (a === '--') break;
      else if (!a.startsWith('-')) rest.push(a);
    }
    const sub = rest[0];
    if (sub === undefined) {
      if (prog === 'yarn' || prog === 'bun') this.install(d);
      return;
    }
    if (sub === 'install' || sub === 'i' || sub === 'ci' || sub === 'add') {
      if (rest.length === 1 || sub === 'ci') this.install(d);
      return;
    }
    if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
      if (rest[1]) this.runPattern(d, rest[1]);
      return;
    }
    if (prog === 'npm' && ['start', 'test', 't', 'tst', 'restart', 'stop'].includes(sub)) {
      return this.runScript(d, sub === 't' || sub === 'tst' ? 'test' : sub);
    }
    if (prog !== 'npm' && !PM_BUILTINS.has(sub)) {
      const pkg = packageAt(this.ctx, d);
      if (pkg?.scripts.has(sub)) return this.runScript(d, sub);
      // `yarn vite`, `pnpm next dev`: a binary of the project.
      return this.invocation(rest, d);
    }
  }

  private install(dir: string): void {
    for (const n of ['preinstall', 'install', 'postinstall', 'prepare']) this.runScriptOnly(dir, n);
  }

  private runScriptOnly(dir: string, n: string): void {
    const pkg = packageAt(this.ctx, dir);
    const s = pkg?.scripts.get(n);
    const key = `${dir}|${n}`;
    if (!s || this.out.scripts.includes(key)) return;
    this.out.scripts.push(key);
    this.follow(s.command, dir);
  }

  private runner(prog: string, args: string[], dir: string): void {
    this.tool(prog, dir);
    let i = 0;
    if ((prog === 'tsx' || prog === 'bun') && (args[0] === 'watch' || args[0] === 'run')) i = 1;
    if ((prog === 'pm2' || prog === 'forever') && args[0] === 'start') i = 1;
    if (prog === 'deno' && args[0] === 'run') i = 1;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
        if (prog === 'nodemon' && a === '-e') {
          i++;
          continue;
        }
        return; // inline code: nothing to follow, the command itself is the evidence.
      }
      if (prog === 'nodemon' && (a === '--exec' || a === '-x') && args[i + 1]) {
        this.follow(args[i + 1]!, dir);
        i++;
        continue;
      }
      const eq = /^(--require|--import|--loader|--experimental-loader)=(.+)$/.exec(a);
      if (eq) {
        this.file(resolveFile(this.ctx, dir, eq[2]!) ?? resolveBare(this.ctx, dir, eq[2]!));
        continue;
      }
      if (/^(?:-r|--require|--import|--loader|--experimental-loader)$/.test(a) && args[i + 1]) {
        const v = args[++i]!;
        this.file(v.startsWith('.') || v.includes('/') ? resolveFile(this.ctx, dir, v) : resolveBare(this.ctx, dir, v));
        continue;
      }
      if (NODE_VALUE_OPTS.test(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      if (a === '.' || a === './') {
        const pkg = packageAt(this.ctx, joinPath(dir, a) ?? dir);
        this.file(resolveFile(this.ctx, dir, pkg?.main ?? 'index'));
      } else this.file(resolveFile(this.ctx, dir, a) ?? resolveBuilt(this.ctx, dir, a));
      return;
    }
    // `nodemon` alone runs package main.
    if (prog === 'nodemon') {
      const pkg = packageAt(this.ctx, dir);
      if (pkg?.main) this.file(resolveFile(this.ctx, dir, pkg.main));
    }
  }

  private python(prog: string, args: string[], dir: string): void {
    let i = 0;
    if ((prog === 'uv' || prog === 'poetry' || prog === 'pipenv') && args[0] === 'run') {
      i = 1;
      if (args[i] && !/^python/.test(args[i]!)) return this.invocation(args.slice(i), dir);
      i++;
    }
    this.tool('python', dir);
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-c') return;
      if (a === '-m' && args[i + 1]) {
        const mod = args[i + 1]!.replace(/\./g, '/');
        this.file(resolveFile(this.ctx, dir, `${mod}.py`) ?? resolveFile(this.ctx, dir, `${mod}/__main__.py`));
        return;
      }
      if (/^-[WXQ]$/.test(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      const r = resolveFile(this.ctx, dir, a);
      const main = joinPath(dir, `${a}/__main__.py`);
      this.file(r);
      // A folder, or a ZIP python runs as a program whatever its name (its entries are listed as `<archive>/<entry>`).
      if (main !== null && this.ctx.has(main)) this.file(main);
      return;
    }
  }
}
