import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { AutorunEntry } from '../core/autorun.js';
import type { Target } from '../targets/types.js';
import { buildDecoyHome, pickIdentity } from './decoy-home.js';
import { jailAvailable, runInJail, type JailAction } from './jail.js';
import { attribute, type Observations } from './observations.js';
import { parseStrace } from './strace-parse.js';

export interface DetonateOptions {
  /** Wall-clock limit for everything run in the jail. */
  timeoutMs?: number;
  /** Skip installing dependencies outside the jail. */
  offline?: boolean;
  /** Extra ports to listen on (e.g. from static IOCs). */
  ports?: number[];
  /** Which autorun triggers to exercise (default: all that run code). */
  triggers?: string[];
}

export interface DetonateResult {
  observations: Observations;
  phases: Record<string, number>;
  notes: string[];
}

const DEFAULT_PORTS = [21, 22, 25, 80, 443, 1224, 1244, 1245, 2222, 4444, 4661, 4666, 6168, 6666, 7777, 8443, 8888, 9000, 9999];
const RUNNABLE: Record<string, number> = {
  'npm-install': 0,
  'vscode-folder-open': 1,
  git: 2,
  husky: 2,
  direnv: 2,
  devcontainer: 3,
  'npm-start': 4,
  'npm-run': 5,
  python: 6,
  'pip-install': 6,
  make: 7,
};

export class DetonateError extends Error {}

/** Copies the target's regular files into the decoy home's project folder, keeping executable bits. */
function copyTarget(target: Target, dest: string): void {
  for (const f of target.files) {
    const to = join(dest, f.rel);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f.abs, to);
    const mode = statSync(f.abs).mode & 0o755;
    chmodSync(to, mode | 0o600);
  }
}

/** Turns autorun entries into commands to run, in the order a victim would trigger them. */
export function planActions(autorun: AutorunEntry[], projectDir: string, opts: DetonateOptions, budgetMs: number): Array<JailAction & { file: string; line: number; trigger: string }> {
  const picked = autorun
    .filter((e) => e.trigger in RUNNABLE && (!opts.triggers || opts.triggers.includes(e.trigger)) && e.command.trim())
    .sort((a, b) => RUNNABLE[a.trigger]! - RUNNABLE[b.trigger]!);
  const seen = new Set<string>();
  const unique = picked.filter((e) => !seen.has(e.command) && seen.add(e.command));
  const slice = Math.max(3000, Math.floor(budgetMs / Math.max(1, unique.length)));
  return unique.map((e) => {
    const cwd = `${projectDir}${declaringFolder(e.file) ? `/${declaringFolder(e.file)}` : ''}`;
    return { label: `${e.trigger}: ${e.label ?? e.command.slice(0, 60)}`, command: e.command.trim(), cwd, timeoutMs: Math.min(slice * 2, budgetMs), file: e.file, line: e.line, trigger: e.trigger };
  });
}

/**
 * Where the victim's tool would run the command: the package.json's folder for scripts (archives often wrap the
 * project in a top folder; vendored packages run in their own), the folder holding .vscode/.git/.husky/.devcontainer.
 */
export function declaringFolder(file: string): string {
  const parts = file.split('/');
  parts.pop();
  const meta = parts.findIndex((p) => p === '.vscode' || p === '.git' || p === '.husky' || p === '.devcontainer');
  return (meta === -1 ? parts : parts.slice(0, meta)).join('/');
}

/** npm ci / install with lifecycle scripts disabled, outside the jail, so the jail needs no network. */
function installDependencies(dir: string, notes: string[]): void {
  if (!existsSync(join(dir, 'package.json')) || existsSync(join(dir, 'node_modules'))) return;
  const lock = existsSync(join(dir, 'package-lock.json')) || existsSync(join(dir, 'npm-shrinkwrap.json'));
  const args = [lock ? 'ci' : 'install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  const r = spawnSync('npm', args, { cwd: dir, encoding: 'utf8', timeout: 180_000, env: { ...process.env, npm_config_ignore_scripts: 'true' } });
  notes.push(r.status === 0 ? `dependencies installed outside the jail with \`npm ${args.join(' ')}\`` : `dependencies could not be installed (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}); scripts ran without them`);
}

export async function detonateTarget(target: Target, autorun: AutorunEntry[], opts: DetonateOptions = {}): Promise<DetonateResult> {
  const avail = jailAvailable();
  if (!avail.ok) throw new DetonateError(`cannot detonate: ${avail.why}`);
  const phases: Record<string, number> = {};
  const notes: string[] = [];
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const work = mkdtempSync(join(tmpdir(), 'lurescan-detonate-'));
  try {
    let t = Date.now();
    const identity = pickIdentity();
    const hostHome = join(work, 'home');
    mkdirSync(hostHome, { mode: 0o755 });
    const { canaries, env: canaryEnv } = buildDecoyHome(hostHome, identity);
    const name = basename(target.display).replace(/\.(zip|tgz|tar\.gz|tar)$/i, '').replace(/[^\w.-]/g, '_') || 'project';
    const projectHost = join(hostHome, 'projects', name);
    mkdirSync(projectHost, { recursive: true });
    copyTarget(target, projectHost);
    phases.prepareMs = Date.now() - t;
    t = Date.now();
    if (!opts.offline) installDependencies(projectHost, notes);
    else notes.push('--offline: dependencies were not installed');
    phases.dependenciesMs = Date.now() - t;
    const projectJail = `${identity.home}/projects/${name}`;
    const actions = planActions(autorun, projectJail, opts, timeoutMs);
    if (!actions.length) notes.push('the autorun map lists nothing that runs: nothing was executed');
    const env: Record<string, string> = {
      HOME: identity.home,
      USER: identity.user,
      LOGNAME: identity.user,
      SHELL: '/bin/bash',
      LANG: 'en_US.UTF-8',
      TERM: 'xterm-256color',
      PATH: `${projectJail}/node_modules/.bin:/usr/local/bin:/usr/bin:/bin`,
      ...canaryEnv,
    };
    t = Date.now();
    const outcome = await runInJail({ hostHome, identity, env, actions, totalTimeoutMs: timeoutMs, sinkPorts: [...new Set([...DEFAULT_PORTS, ...(opts.ports ?? [])])].filter((p) => p > 0 && p < 65536), workDir: work });
    phases.runMs = Date.now() - t;
    if (outcome.fatal) notes.push(`jail: ${outcome.fatal}`);
    t = Date.now();
    const { processes, syscalls } = attribute(parseStrace(outcome.trace), actions.map((a) => a.command));
    phases.parseMs = Date.now() - t;
    const observations: Observations = {
      identity,
      actions: actions.map((a, i) => ({ ...(outcome.results[i] ?? { label: a.label, command: a.command, skipped: 'not reached' }), file: a.file, line: a.line, trigger: a.trigger })),
      processes,
      syscalls,
      network: outcome.events.filter((e) => e.type === 'dns' || e.type === 'tcp'),
      canaries,
      durationMs: outcome.durationMs,
      killedAtLimit: outcome.killedAtLimit,
    };
    for (const e of outcome.events) if (e.type === 'setup-error' || e.type === 'sink-error') notes.push(`jail: ${e.message}`);
    return { observations, phases, notes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
