/**
 * What `lurescan detonate` saw, typed. Produced by sandbox/ (strace records + the jail's sinks), judged by rules with
 * input 'observations'. Plain data: no judgement here.
 */

export type Syscall =
  | { kind: 'exec'; pid: number; path: string; argv: string[]; ok: boolean }
  | { kind: 'open'; pid: number; path: string; write: boolean; create: boolean; ok: boolean; errno?: string }
  | { kind: 'connect'; pid: number; family: 'inet' | 'inet6' | 'unix'; address: string; port: number; ok: boolean; errno?: string }
  | { kind: 'sendto'; pid: number; address?: string; port?: number; data: string }
  | { kind: 'rename'; pid: number; from: string; to: string; ok: boolean }
  | { kind: 'unlink'; pid: number; path: string; ok: boolean }
  | { kind: 'chmod'; pid: number; path: string; mode: string; ok: boolean }
  | { kind: 'spawn'; pid: number; child: number }
  | { kind: 'escape'; pid: number; call: string; args: string; ok: boolean };

export interface Canary {
  /** What a user would lose: "MetaMask wallet vault (Chrome)", "SSH private key", ... */
  secretClass: string;
  /** Path inside the jail (absolute). */
  path?: string;
  /** Environment variable carrying it. */
  env?: string;
  /** The unique value planted. */
  token: string;
}

export interface DecoyIdentity {
  user: string;
  hostname: string;
  home: string;
}

export interface ActionResult {
  label: string;
  command: string;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  durationMs?: number;
  output?: string;
  skipped?: string;
}

export interface SinkEvent {
  t: number;
  type: 'dns' | 'tcp' | 'setup-error' | 'sink-error';
  name?: string;
  qtype?: number;
  port?: number;
  localAddress?: string;
  http?: { requestLine: string; headers: string[] };
  sni?: string;
  body?: string;
  bytes?: number;
  message?: string;
}

export interface ObservedProcess {
  pid: number;
  parent?: number;
  argv: string[];
  /** Index into Observations.actions. */
  action: number;
}

export interface Observations {
  identity: DecoyIdentity;
  /** Actions run, each tied to the autorun entry (file:line) that asked for it. */
  actions: Array<ActionResult & { file: string; line: number; trigger: string }>;
  processes: ObservedProcess[];
  /** Syscalls of the lure's own processes only (the jail's plumbing is filtered out). */
  syscalls: Array<Syscall & { action: number }>;
  network: SinkEvent[];
  canaries: Canary[];
  durationMs: number;
  killedAtLimit: boolean;
}
