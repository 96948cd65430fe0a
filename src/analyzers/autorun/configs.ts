import { MapContext, joinPath } from './common.js';
import { packageAt, resolveFile } from './follow.js';

const CODE = ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'];

/** Config files each tool loads and executes (as code) from its project folder. */
const TOOL_CONFIGS: Record<string, string[]> = {
  vite: ['vite.config'],
  vitest: ['vitest.config', 'vite.config', 'vitest.workspace'],
  next: ['next.config', 'instrumentation', 'src/instrumentation', 'middleware', 'src/middleware'],
  webpack: ['webpack.config', 'webpack.dev', 'webpack.common'],
  'webpack-dev-server': ['webpack.config'],
  'webpack-cli': ['webpack.config'],
  'react-scripts': ['src/setupProxy'],
  craco: ['craco.config', '.cracorc'],
  'react-app-rewired': ['config-overrides'],
  tailwindcss: ['tailwind.config'],
  postcss: ['postcss.config', '.postcssrc'],
  babel: ['babel.config', '.babelrc'],
  eslint: ['.eslintrc', 'eslint.config'],
  jest: ['jest.config', 'jest.setup', 'jest.unit.config', 'src/setupTests'],
  hardhat: ['hardhat.config'],
  truffle: ['truffle', 'truffle-config'],
  'vue-cli-service': ['vue.config'],
  nuxt: ['nuxt.config'],
  nuxi: ['nuxt.config'],
  'svelte-kit': ['svelte.config'],
  astro: ['astro.config'],
  rollup: ['rollup.config'],
  gulp: ['gulpfile'],
  grunt: ['Gruntfile', 'gruntfile'],
  mocha: ['.mocharc'],
  playwright: ['playwright.config'],
  tsup: ['tsup.config'],
  remix: ['remix.config'],
  gatsby: ['gatsby-config', 'gatsby-node'],
  quasar: ['quasar.config', 'quasar.conf'],
  expo: ['app.config', 'metro.config'],
  'react-native': ['metro.config'],
  electron: [],
  'electron-forge': ['forge.config'],
  prettier: ['prettier.config', '.prettierrc'],
  stylelint: ['stylelint.config', '.stylelintrc'],
  'lint-staged': ['lint-staged.config', '.lintstagedrc'],
  parcel: [],
  'wp-scripts': ['webpack.config'],
  storybook: ['.storybook/main', '.storybook/preview'],
  'start-storybook': ['.storybook/main'],
};

/** Tools that load the CSS/JS toolchain's configs while they build or serve. */
const BUNDLERS = new Set(['vite', 'next', 'webpack', 'webpack-dev-server', 'webpack-cli', 'react-scripts', 'craco', 'react-app-rewired', 'vue-cli-service', 'nuxt', 'nuxi', 'astro', 'svelte-kit', 'parcel', 'rollup', 'gatsby', 'remix', 'quasar', 'storybook', 'start-storybook', 'vitest', 'jest', 'wp-scripts', 'tsup']);
const BUNDLER_LOADS = ['postcss', 'tailwindcss', 'babel'];
/** Frameworks that also run the project's ESLint config during build/dev. */
const LINTING = new Set(['next', 'react-scripts', 'vue-cli-service', 'craco']);

/** Tool name as written in scripts or dependencies → the key in TOOL_CONFIGS. */
function canonical(tool: string): string {
  if (tool === '@babel/core' || tool === '@babel/cli' || tool === 'babel-cli') return 'babel';
  if (tool === 'truffle-config') return 'truffle';
  if (tool === 'nuxt3') return 'nuxt';
  if (tool === '@sveltejs/kit') return 'svelte-kit';
  if (tool === '@vue/cli-service') return 'vue-cli-service';
  if (tool === '@remix-run/dev') return 'remix';
  if (tool === '@playwright/test') return 'playwright';
  if (tool === '@craco/craco') return 'craco';
  if (tool === 'ts-jest') return 'jest';
  return tool;
}

/** Config files (as paths of the target) the named tools load when they run in `dir`. */
export function configsFor(ctx: MapContext, tools: Iterable<string>, dir: string): string[] {
  const want = new Set<string>();
  for (const raw of tools) {
    const t = canonical(raw);
    if (!(t in TOOL_CONFIGS)) continue;
    want.add(t);
    if (BUNDLERS.has(t)) for (const x of BUNDLER_LOADS) want.add(x);
    if (LINTING.has(t)) want.add('eslint');
  }
  // A tool listed in the dependencies with its config present is loaded by the bundler's plugins.
  const pkg = packageAt(ctx, dir);
  if (pkg && [...want].some((t) => BUNDLERS.has(t))) {
    for (const d of pkg.deps) {
      const t = canonical(d);
      if (t in TOOL_CONFIGS && ['tailwindcss', 'postcss', 'babel', 'eslint'].includes(t)) want.add(t);
    }
  }
  const out: string[] = [];
  for (const t of want) {
    for (const stem of TOOL_CONFIGS[t]!) {
      for (const ext of CODE) {
        const p = joinPath(dir, `${stem}.${ext}`);
        if (p !== null && ctx.has(p)) out.push(p);
      }
    }
  }
  if (want.has('jest')) out.push(...jestSetupFiles(ctx, dir, out));
  if (want.has('next')) out.push(...nextServerRoutes(ctx, dir));
  return [...new Set(out)];
}

const JEST_KEYS = /\b(setupFiles|setupFilesAfterEnv|setupFilesAfterEach|globalSetup|globalTeardown|testEnvironment|snapshotResolver|testResultsProcessor|reporters)\b["']?\s*:\s*(\[[^\]]{0,2000}\]|["'][^"'\n]{1,300}["'])/g;

/** setupFiles / globalSetup modules named by jest configs (JS config or package.json "jest"). */
function jestSetupFiles(ctx: MapContext, dir: string, configs: string[]): string[] {
  const out: string[] = [];
  const sources = configs.filter((c) => /jest/.test(c));
  const pkgPath = dir ? `${dir}/package.json` : 'package.json';
  if (ctx.has(pkgPath)) sources.push(pkgPath);
  for (const src of sources) {
    const text = ctx.read(src);
    if (!text) continue;
    for (const m of text.matchAll(JEST_KEYS)) {
      for (const s of m[2]!.matchAll(/["']([^"'\n]{1,300})["']/g)) {
        const ref = s[1]!.replace(/^<rootDir>\/?/, './');
        if (!ref.startsWith('.')) continue;
        const r = resolveFile(ctx, dir, ref);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

const NEXT_ROUTE = /^(?:src\/)?(?:pages\/api\/.+|app\/(?:.+\/)?route)\.[cm]?[jt]sx?$/;

/** Next.js API routes and route handlers: server code `next dev/start` runs as soon as the app's pages call them. */
function nextServerRoutes(ctx: MapContext, dir: string): string[] {
  const cache = ctx as unknown as { _nextRoutes?: Map<string, string[]> };
  cache._nextRoutes ??= new Map();
  const hit = cache._nextRoutes.get(dir);
  if (hit) return hit;
  const found = scanNextRoutes(ctx, dir);
  cache._nextRoutes.set(dir, found);
  return found;
}

function scanNextRoutes(ctx: MapContext, dir: string): string[] {
  const prefix = dir ? `${dir}/` : '';
  const out: string[] = [];
  for (const p of ctx.paths) {
    if (!p.startsWith(prefix) || p.includes('/node_modules/')) continue;
    if (NEXT_ROUTE.test(p.slice(prefix.length))) out.push(p);
    if (out.length >= 100) break;
  }
  return out;
}
