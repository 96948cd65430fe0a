import type { Observations } from '../../core/observations.js';

/** "sh -c npm run dev → node server.js" for a pid, shortened. */
export function processChain(obs: Pick<Observations, 'processes'>, pid: number): string {
  const byPid = new Map(obs.processes.map((p) => [p.pid, p]));
  const chain: string[] = [];
  let cur = byPid.get(pid);
  const seen = new Set<number>();
  while (cur && !seen.has(cur.pid) && chain.length < 6) {
    seen.add(cur.pid);
    const text = cur.argv.join(' ');
    if (chain[0] !== text) chain.unshift(text.length > 80 ? `${text.slice(0, 79)}…` : text);
    cur = cur.parent !== undefined ? byPid.get(cur.parent) : undefined;
  }
  return chain.join(' → ') || `pid ${pid}`;
}
