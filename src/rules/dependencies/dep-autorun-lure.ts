import { builtinModules } from 'node:module';
import type { ProjectView } from '../../core/inputs.js';
import { defineRule } from '../../core/rule.js';
import { parseJs } from '../../analyzers/js/parse.js';
import { parseTs } from '../../analyzers/js/parse-ts.js';
import { walk, type Node } from '../../analyzers/js/walk.js';
import { lineAt } from '../../analyzers/manifest/lines.js';
import { findSiblingLookalike, findSquat, findWordLookalike, inPopularScope, isPopular } from '../../analyzers/manifest/typosquat.js';

/**
 * Lure repositories that carry no payload of their own depend on a package that does, and make the project run it:
 * `import { fetchIcon } from 'cdn-icon-fetch'` called in vite.config.js's plugins, `const log = require('process-log')()`
 * in a controller the server loads at start. The package name alone proves little (thousands of honest packages are
 * unpopular), so this rule looks only at dependencies that code run by `npm start`/`dev`/`build`/`install` loads, and
 * reports one when two independent signs of a lure meet there:
 * - name: it imitates a popular name (typo, suffix, a word slipped into a popular multi-word name, or a popular
 *   dependency listed beside it: "vite-tsconsole-log" next to "vite-tsconfig-paths");
 * - misplaced: a build plugin declared as a runtime dependency while the build tool itself is a devDependency;
 * - off-role: a build plugin whose name and import path say nothing of a build tool or plugin ("icon fetch");
 * - opaque call: outside a tool config, called at module load with no or only literal arguments and the result
 *   thrown away (unless the call is named like a setup API: install, register, config …) or bound to a name the file
 *   never uses. Counts twice: the call exists only for what the package does when called;
 * - alias: the whole module bound to a name that shares no word with the package ("import proc from 'vite-…-log'").
 */

const CODE = /\.(?:[cm]?[jt]s|jsx|tsx)$/;
const NESTED = /(?:^|\/)(?:node_modules|bower_components)\//;
const MAX_TEXT = 512 * 1024;
const BUILTINS = new Set(builtinModules);
const SPEC_RE = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]{1,214})\1\s*\)|\b(?:import|export)\s[^;'"`]{0,400}?\bfrom\s*(['"])([^'"\n]{1,214})\3|\bimport\s*(['"])([^'"\n]{1,214})\5/g;

/** Config file name → packages of the tool that loads it. */
const CONFIG_TOOLS: Array<[RegExp, string[]]> = [
  [/^vite\.config\./, ['vite']],
  [/^vitest\.(?:config|workspace)\./, ['vitest', 'vite']],
  [/^webpack\.(?:config|dev|common|prod)\b/, ['webpack', 'webpack-cli', 'webpack-dev-server']],
  [/^rollup\.config\./, ['rollup']],
  [/^next\.config\./, ['next']],
  [/^nuxt\.config\./, ['nuxt']],
  [/^tailwind\.config\./, ['tailwindcss']],
  [/^(?:postcss\.config|\.postcssrc)\./, ['postcss', 'postcss-cli']],
  [/^(?:babel\.config|\.babelrc)\./, ['@babel/core', 'babel-cli']],
  [/^astro\.config\./, ['astro']],
  [/^svelte\.config\./, ['@sveltejs/kit', 'svelte']],
  [/^(?:craco\.config|\.cracorc)\./, ['@craco/craco']],
  [/^config-overrides\./, ['react-app-rewired']],
  [/^(?:eslint\.config|\.eslintrc)\./, ['eslint']],
  [/^jest\.config\./, ['jest']],
  [/^hardhat\.config\./, ['hardhat']],
  [/^truffle(?:-config)?\./, ['truffle']],
  [/^gatsby-(?:config|node)\./, ['gatsby']],
  [/^quasar\.conf(?:ig)?\./, ['@quasar/app-vite', '@quasar/app-webpack', '@quasar/cli']],
  [/^tsup\.config\./, ['tsup']],
  [/^vue\.config\./, ['@vue/cli-service']],
  [/^remix\.config\./, ['@remix-run/dev']],
];

/** Words that say "I am a build plugin" (exact words), or contain a tool's name (substring, 4+ letters). */
const PLUGIN_WORDS = new Set(['plugin', 'plugins', 'unplugin', 'loader', 'loaders', 'preset', 'presets', 'transform', 'transformer', 'polyfill', 'polyfills', 'config', 'css', 'env', 'svg', 'svgr', 'pwa', 'ssl', 'swc', 'mdx', 'sass', 'scss', 'less', 'compression', 'legacy', 'inspect', 'checker', 'mock', 'mocks', 'html', 'macros', 'paths', 'alias', 'federation', 'compiler', 'sitemap', 'i18n', 'icons']);
const TOOL_STEMS = ['vite', 'rollup', 'esbuild', 'webpack', 'babel', 'postcss', 'tailwind', 'eslint', 'jest', 'next', 'nuxt', 'astro', 'svelte', 'hardhat', 'truffle', 'gatsby', 'remark', 'rehype', 'craco', 'rewire', 'tsconfig', 'typescript', 'nomic', 'typechain', 'storybook', 'metro', 'quasar', 'daisy'];
/** Side-effect imports that are honest by their very name (register hooks, polyfills, env loaders). */
const SIDE_EFFECT_WORDS = /(?:^|[-_./])(?:register|polyfills?|shims?|env|dotenv|setup|globals?|config|init|patch|hooks?|auto)(?:$|[-_./])/;
/** Names of calls that set something up on purpose: a bare call of one is how such APIs are used. */
const LIFECYCLE = /install|register|config|setup|init|polyfill|patch|enable|extend|load|use|apply|start|listen|mount|hook/i;
/** Binding names that say nothing either way. */
const GENERIC_NAMES = new Set(['plugin', 'plugins', 'config', 'lib', 'pkg', 'mod', 'module', 'main', 'index', 'api', 'utils', 'util', 'helper', 'helpers', 'default']);

interface PkgJson {
  dir: string;
  file: string;
  text: string;
  name?: string;
  deps: Record<string, string>;
  dev: Record<string, string>;
  other: Record<string, string>;
}

interface Use {
  pkg: string;
  spec: string;
  node: Node;
  plugin: boolean;
  opaque?: 'discarded' | 'unused';
  /** The name the discarded call goes through (`fetchIcon` in `fetchIcon('77')`), if any. */
  callee?: string;
  alias?: string;
  sideEffect: boolean;
}

const wordsOf = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const bindingWords = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const pkgName = (spec: string) => (/^((?:@[^/]+\/)?[^/]+)/.exec(spec)?.[1] ?? spec);

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function readPkgJsons(view: ProjectView): Map<string, PkgJson> {
  const out = new Map<string, PkgJson>();
  for (const f of view.files) {
    if (!/(?:^|\/)package\.json$/.test(f.path) || NESTED.test(f.path)) continue;
    const text = view.readText(f.path);
    if (!text) continue;
    try {
      const j = JSON.parse(text) as Record<string, any>;
      const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});
      out.set(dirOf(f.path), {
        dir: dirOf(f.path), file: f.path, text, name: typeof j.name === 'string' ? j.name : undefined,
        deps: obj(j.dependencies), dev: obj(j.devDependencies), other: { ...obj(j.optionalDependencies), ...obj(j.peerDependencies) },
      });
    } catch {
      // an unparseable package.json is reported by the manifest readers
    }
  }
  return out;
}

function nearestPkg(pkgs: Map<string, PkgJson>, file: string): PkgJson | undefined {
  for (let d = dirOf(file), guard = 0; guard < 64; guard++) {
    const hit = pkgs.get(d);
    if (hit) return hit;
    if (!d) return undefined;
    d = dirOf(d);
  }
  return undefined;
}

function declaredIn(p: PkgJson, name: string): string | undefined {
  return p.deps[name] ?? p.dev[name] ?? p.other[name];
}

/** A bare import of a package that is neither popular, nor a builtin, nor the project's own. */
function candidate(name: string, own: Set<string>): boolean {
  if (BUILTINS.has(name) || name.startsWith('node:') || own.has(name)) return false;
  if (isPopular('npm', name) || inPopularScope(name)) return false;
  return /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name);
}

const isLiteralArg = (a: Node) => a.type === 'Literal' || (a.type === 'TemplateLiteral' && a.expressions.length === 0);
const isRequire = (n: Node) => n?.type === 'CallExpression' && n.callee?.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1 && n.arguments[0].type === 'Literal' && typeof n.arguments[0].value === 'string';
const FUNCS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Inside the value of a `plugins:` property (vite/rollup/webpack/tailwind/postcss/babel configs). */
function inPlugins(ancestors: readonly Node[]): boolean {
  for (let i = ancestors.length - 1, hops = 0; i >= 0 && hops < 6; i--, hops++) {
    const a = ancestors[i]!;
    if (a.type === 'Property' && ((a.key?.type === 'Identifier' && a.key.name === 'plugins') || (a.key?.type === 'Literal' && a.key.value === 'plugins'))) return true;
    if (FUNCS.has(a.type) || a.type === 'Program' || a.type === 'BlockStatement') return false;
  }
  return false;
}

/** What the file does with each candidate package it imports. */
function usesIn(text: string, path: string, wanted: Set<string>): Use[] {
  const parsed = /\.(?:[cm]?ts|tsx)$/.test(path) ? parseTs(text, path.slice(path.lastIndexOf('.'))) : parseJs(text);
  if (!parsed.ast) return [];
  const uses = new Map<string, Use>();
  const locals = new Map<string, string>();
  const counts = new Map<string, number>();
  const useOf = (spec: string, node: Node): Use | undefined => {
    const pkg = pkgName(spec);
    if (!wanted.has(pkg)) return undefined;
    let u = uses.get(pkg);
    if (!u) uses.set(pkg, (u = { pkg, spec, node, plugin: false, sideEffect: false }));
    return u;
  };
  // Calls of the package (or of what it exports) made while the file loads: result thrown away or bound to a name.
  const pending: Array<{ use: Use; bound?: string; callee?: string }> = [];
  const callSite = (use: Use, call: Node, ancestors: readonly Node[], depth: number) => {
    // `ancestors[depth]` is the call's parent
    if (inPlugins(ancestors.slice(0, depth + 1))) use.plugin = true;
    if (ancestors.slice(0, depth + 1).some((a) => FUNCS.has(a.type))) return;
    if (!call.arguments.every(isLiteralArg)) return;
    const parent = ancestors[depth];
    if (parent?.type === 'ExpressionStatement') pending.push({ use, callee: call.callee?.type === 'Identifier' ? call.callee.name : undefined });
    else if (parent?.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier') pending.push({ use, bound: parent.id.name });
  };
  walk(parsed.ast, (node, ancestors) => {
    if (node.type === 'Identifier') counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
    if (node.type === 'ImportDeclaration' && typeof node.source?.value === 'string') {
      const u = useOf(node.source.value, node);
      if (!u) return;
      if (!node.specifiers.length) u.sideEffect = true;
      for (const s of node.specifiers) {
        locals.set(s.local.name, u.pkg);
        if (s.type !== 'ImportSpecifier') u.alias ??= s.local.name;
      }
      return;
    }
    // `const { fetchIcon } = await import('x')`, `const p = (await import('x')).default`
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal' && typeof node.source.value === 'string') {
      const u = useOf(node.source.value, node);
      if (!u) return;
      let i = ancestors.length - 1;
      while (i >= 0 && (ancestors[i]!.type === 'AwaitExpression' || ancestors[i]!.type === 'ParenthesizedExpression' || (ancestors[i]!.type === 'MemberExpression' && !ancestors[i]!.computed))) i--;
      const decl = ancestors[i];
      if (decl?.type === 'VariableDeclarator') {
        if (decl.id.type === 'Identifier') (locals.set(decl.id.name, u.pkg), (u.alias ??= decl.id.name));
        else if (decl.id.type === 'ObjectPattern') for (const p of decl.id.properties) if (p.value?.type === 'Identifier') locals.set(p.value.name, u.pkg);
      }
      return;
    }
    // webpack: `plugins: [new HtmlWebpackPlugin()]`
    if (node.type === 'NewExpression') {
      if (node.callee?.type === 'Identifier' && locals.has(node.callee.name) && inPlugins(ancestors)) uses.get(locals.get(node.callee.name)!)!.plugin = true;
      return;
    }
    if (node.type !== 'CallExpression') return;
    const depth = ancestors.length - 1;
    const parent = ancestors[depth];
    if (isRequire(node)) {
      const u = useOf(node.arguments[0].value, node);
      if (!u) return;
      if (inPlugins(ancestors)) u.plugin = true;
      if (parent?.type === 'ExpressionStatement') u.sideEffect = true;
      else if (parent?.type === 'VariableDeclarator' && parent.init === node) {
        if (parent.id.type === 'Identifier') (locals.set(parent.id.name, u.pkg), (u.alias ??= parent.id.name));
        else if (parent.id.type === 'ObjectPattern') for (const p of parent.id.properties) if (p.value?.type === 'Identifier') locals.set(p.value.name, u.pkg);
      } else if (parent?.type === 'CallExpression' && parent.callee === node) {
        callSite(u, parent, ancestors, depth - 1);
      }
      return;
    }
    if (node.callee?.type === 'Identifier' && locals.has(node.callee.name)) {
      const u = uses.get(locals.get(node.callee.name)!);
      if (u) callSite(u, node, ancestors, depth);
    }
  });
  for (const p of pending) {
    if (!p.bound) {
      p.use.opaque ??= 'discarded';
      p.use.callee ??= p.callee;
    }
    else if ((counts.get(p.bound) ?? 0) <= 1) p.use.opaque = 'unused';
  }
  return [...uses.values()];
}

function relatedName(binding: string, pkg: string, spec: string): boolean {
  const b = bindingWords(binding).filter((w) => w.length >= 3);
  if (!b.length || GENERIC_NAMES.has(binding.toLowerCase())) return true;
  const p = wordsOf(spec.replace(/^@/, ''));
  const flat = p.join('');
  const initials = p.map((w) => w[0]).join('');
  if (binding.toLowerCase() === initials || flat.includes(binding.toLowerCase())) return true;
  return b.some((w) => p.some((x) => x.length >= 3 && (x.includes(w) || w.includes(x) || x.startsWith(w.slice(0, 4)) && w.length >= 4)));
}

function speaksPlugin(spec: string, toolPkgs: string[]): boolean {
  const words = wordsOf(spec);
  const toolWords = toolPkgs.flatMap(wordsOf);
  return words.some((w) => PLUGIN_WORDS.has(w) || toolWords.includes(w) || TOOL_STEMS.some((t) => w.includes(t)));
}

export default defineRule({
  id: 'dep-autorun-lure',
  meta: {
    kind: 'threat',
    category: 'dependency',
    severity: 'high',
    confidence: 'medium',
    summary: 'An unpopular dependency that code run by npm start/dev/build/install loads and calls, with two or more signs of a lure (imitated name, build plugin declared as a runtime dependency, plugin with no plugin name, called only for its side effect, imported under an unrelated name)',
    why: 'Fake-recruiter repositories that carry no payload of their own depend on a package that does and make the project run it: `fetchIcon("77")` from cdn-icon-fetch in vite.config.js plugins, `const log = require("process-log")()` in a controller the server loads, `proc()` from vite-tsconsole-log beside vite-tsconfig-paths. The payload is on the registry, so the repository itself looks clean.',
    fix: 'Do not run npm install/start. Open the package on the registry (age, downloads, maintainer, install scripts, code); remove it and the line that loads it unless it is clearly what it claims to be.',
    falsePositives: 'Only dependencies that an autorun-reached file imports are looked at, only when they are not among the most-downloaded npm names, not in a scope that publishes popular packages and not the project\'s own packages; one sign alone is never reported. A bare call at load counts twice only with literal-only arguments, outside tool configs, and not when named like a setup API (install/register/config/init/polyfill/patch/use/start/listen). A small honest plugin installed without -D and imported under a short unrelated name can still meet two signs: check it on the registry.',
    references: ['https://attack.mitre.org/techniques/T1195/001/', 'https://www.ic3.gov/PSA/2024/PSA240903'],
    status: 'preview',
  },
  input: 'project',
  check(ctx, view) {
    const reached = new Map<string, string>();
    for (const e of view.autorun) {
      for (const p of e.leadsTo) if (!reached.has(p) && CODE.test(p) && !NESTED.test(p)) reached.set(p, e.label ?? e.command);
    }
    if (!reached.size) return;
    const pkgs = readPkgJsons(view);
    if (!pkgs.size) return;
    const own = new Set([...pkgs.values()].map((p) => p.name).filter((n): n is string => !!n));
    const reported = new Set<string>();
    let total = 0;
    for (const [path, via] of reached) {
      const text = view.readText(path);
      if (text === null || text.length > MAX_TEXT) continue;
      const home = nearestPkg(pkgs, path);
      // Which candidates does the file name? Cheap text pass first: most autorun files import only popular packages.
      const wanted = new Set<string>();
      for (const m of text.matchAll(SPEC_RE)) {
        const spec = m[2] ?? m[4] ?? m[6] ?? '';
        if (!spec || spec.startsWith('.') || spec.startsWith('/') || /^[~#]/.test(spec)) continue;
        const name = pkgName(spec);
        if (!candidate(name, own) || reported.has(name)) continue;
        const declaring = home && declaredIn(home, name) !== undefined ? home : [...pkgs.values()].find((p) => declaredIn(p, name) !== undefined);
        const spec2 = declaring && declaredIn(declaring, name);
        if (!spec2 || /^(?:git\+|git:|github:|file:|link:|workspace:|https?:|npm:|\.{0,2}\/)/.test(spec2)) continue;
        wanted.add(name);
      }
      if (!wanted.size) continue;
      const base = path.slice(path.lastIndexOf('/') + 1);
      const toolPkgs = CONFIG_TOOLS.find(([re]) => re.test(base))?.[1];
      for (const use of usesIn(text, path, wanted)) {
        const declaring = home && declaredIn(home, use.pkg) !== undefined ? home : [...pkgs.values()].find((p) => declaredIn(p, use.pkg) !== undefined)!;
        const signs: string[] = [];
        let weight = 0;
        // findSquat's weak shapes (a pre-scope name like koa-router, a letter added at the start) are how honest names
        // are coined too: half a sign. A word slipped into a popular multi-word name is a whole one.
        const squat = findSquat('npm', use.pkg);
        const word = squat ? null : findWordLookalike('npm', use.pkg) ?? findSiblingLookalike(use.pkg, Object.keys({ ...declaring.deps, ...declaring.dev, ...declaring.other }));
        if (squat) (signs.push(`its name imitates "${squat.target}" (${squat.how})`), (weight += squat.weak ? 0.5 : 1));
        else if (word) (signs.push(`its name imitates "${word.target}" (${word.how})`), weight++);
        if (toolPkgs && use.plugin) {
          const tool = toolPkgs.find((t) => declaring.dev[t] !== undefined);
          if (tool && declaring.deps[use.pkg] !== undefined) (signs.push(`it is a ${tool} plugin declared in "dependencies" while ${tool} itself is a devDependency`), weight++);
          if (!speaksPlugin(use.spec, toolPkgs)) (signs.push(`its name says nothing of a ${toolPkgs[0]} plugin, yet the config runs it as one`), weight++);
        }
        if (use.opaque === 'unused') (signs.push('it is called as the file loads and the result is bound to a name the file never uses'), (weight += 2));
        // Outside a tool config, a package function called bare at load, with nothing but literals, is run for what it
        // does; honest ones say so by name (install, register, config, polyfill …).
        else if (use.opaque === 'discarded') (signs.push('it is called as the file loads and the result is thrown away'), (weight += !toolPkgs && !LIFECYCLE.test(use.callee ?? '') ? 2 : 1));
        // Config files load plugins for their side effects (hardhat: `require("@nomiclabs/hardhat-waffle")`).
        else if (use.sideEffect && !toolPkgs && !SIDE_EFFECT_WORDS.test(use.spec) && !speaksPlugin(use.spec, [])) (signs.push('it is imported only for what it does when loaded'), weight++);
        if (use.alias && !relatedName(use.alias, use.pkg, use.spec)) (signs.push(`it is imported under the unrelated name "${use.alias}"`), weight++);
        if (weight < 2) continue;
        reported.add(use.pkg);
        const declLine = lineAt(declaring.text, `"${use.pkg}"`);
        ctx.report({
          file: path,
          at: { offset: use.node.start, length: Math.min(use.node.end - use.node.start, 300) },
          message: `"${use.pkg}" (${declaring.file}:${declLine}, not a popular package) is loaded by ${path}, which ${via} runs: ${signs.join('; ')}`,
          evidence: `${text.slice(use.node.start, Math.min(use.node.end, use.node.start + 200))}  ←  ${use.pkg}@${declaredIn(declaring, use.pkg)}`,
        });
        if (++total >= 10) return;
      }
    }
  },
});
