import type { Observations, Syscall } from '../../core/observations.js';
import type { ReportArgs } from '../../core/rule.js';
import { processChain } from './_chain.js';

/** Where a behaviour finding points: the autorun entry whose action did it. */
export function actionAt(obs: Observations, action: number): Pick<ReportArgs, 'at' | 'file'> {
  const a = obs.actions[action];
  return { file: a?.file ?? '(detonation)', at: { line: a?.line ?? 1, column: 1, endColumn: 1 } };
}

export function who(obs: Observations, rec: Syscall & { action: number }): string {
  return `${processChain(obs, rec.pid)} (action: ${obs.actions[rec.action]?.label ?? '?'})`;
}

/** Tools that legitimately read their own config in a home (npm reads ~/.npmrc, git reads ~/.gitconfig). */
export function isToolingRead(obs: Observations, rec: Syscall & { action: number }, path: string): boolean {
  const p = obs.processes.find((x) => x.pid === rec.pid);
  const argv = p?.argv.join(' ') ?? '';
  if (path.endsWith('/.npmrc') && /npm-cli\.js|\bnpm\b|\bnpx\b|yarn|pnpm/.test(argv)) return true;
  if ((path.endsWith('/.gitconfig') || path.endsWith('/.git-credentials')) && /(^|\/)git(\s|$)/.test(argv)) return true;
  return false;
}
