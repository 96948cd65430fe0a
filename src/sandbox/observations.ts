import type { ObservedProcess, Observations, Syscall } from '../core/observations.js';

export type { Observations };

/**
 * Keeps the syscalls of processes descended from the inner jails (one per action). The outer init process and its
 * helpers (ip, the sinks) are not the lure. Two passes, because strace may log a child's first syscalls before the
 * parent's clone() returns.
 */
export function attribute(recs: Syscall[], commands: string[]): { processes: ObservedProcess[]; syscalls: Array<Syscall & { action: number }> } {
  const parent = new Map<number, number>();
  const execs = new Map<number, string[][]>();
  let initPid: number | undefined;
  for (const r of recs) {
    if (r.kind === 'spawn') parent.set(r.child, r.pid);
    if (r.kind === 'exec' && r.ok) {
      if (initPid === undefined && r.argv[1]?.endsWith('jail-init.cjs')) initPid = r.pid;
      execs.set(r.pid, [...(execs.get(r.pid) ?? []), r.argv]);
    }
  }
  // Action roots: the inner `bwrap` processes init started; their last argument is the action's command.
  const rootAction = new Map<number, number>();
  for (const [pid, list] of execs) {
    const argv = list[0]!;
    if (isBwrap(argv) && parent.get(pid) === initPid && initPid !== undefined) {
      const index = commands.indexOf(argv[argv.length - 1] ?? '');
      if (index !== -1) rootAction.set(pid, index);
    }
  }
  const actionCache = new Map<number, number | undefined>();
  const actionOf = (pid: number): number | undefined => {
    if (actionCache.has(pid)) return actionCache.get(pid);
    let cur: number | undefined = pid;
    let found: number | undefined;
    for (let hops = 0; cur !== undefined && hops < 200; hops++) {
      if (rootAction.has(cur)) {
        found = rootAction.get(cur);
        break;
      }
      cur = parent.get(cur);
    }
    actionCache.set(pid, found);
    return found;
  };
  // A process is jail plumbing while it runs bwrap (before its exec of the action's shell).
  const current = new Map<number, string[]>();
  const syscalls: Array<Syscall & { action: number }> = [];
  for (const r of recs) {
    if (r.kind === 'spawn') {
      if (!current.has(r.child) && current.has(r.pid)) current.set(r.child, current.get(r.pid)!);
      continue;
    }
    if (r.kind === 'exec' && r.ok) current.set(r.pid, r.argv);
    const a = actionOf(r.pid);
    if (a === undefined) continue;
    const argv = current.get(r.pid) ?? current.get(parent.get(r.pid) ?? -1);
    if (argv && isBwrap(argv) && !(r.kind === 'exec' && !isBwrap(r.argv))) continue;
    syscalls.push({ ...r, action: a });
  }
  const processes: ObservedProcess[] = [];
  for (const [pid, list] of execs) {
    const action = actionOf(pid);
    const argv = list[list.length - 1]!;
    if (action !== undefined && !isBwrap(argv)) processes.push({ pid, parent: parent.get(pid), argv, action });
  }
  return { processes, syscalls };
}

function isBwrap(argv: string[]): boolean {
  return /(^|\/)bwrap$/.test(argv[0] ?? '');
}
