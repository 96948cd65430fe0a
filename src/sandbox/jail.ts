import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActionResult, DecoyIdentity, SinkEvent } from '../core/observations.js';
import { plausibleCpuinfo } from './decoy-home.js';
import { STRACE_SYSCALLS } from './strace-parse.js';

export interface JailAction {
  label: string;
  command: string;
  /** Absolute path inside the jail. */
  cwd: string;
  timeoutMs: number;
}

export interface JailRun {
  /** Host folder that becomes the jail's HOME (decoy + project copy). */
  hostHome: string;
  identity: DecoyIdentity;
  env: Record<string, string>;
  actions: JailAction[];
  totalTimeoutMs: number;
  sinkPorts: number[];
  workDir: string;
}

export interface JailOutcome {
  trace: string;
  results: ActionResult[];
  events: SinkEvent[];
  fatal?: string;
  killedAtLimit: boolean;
  durationMs: number;
}

/** The address every DNS name resolves to inside the jail (RFC 2544 benchmark range: never a real host). */
export const FAKE_ADDRESS = '198.18.0.42';

export function jailAvailable(): { ok: true } | { ok: false; why: string } {
  for (const bin of ['bwrap', 'strace', 'ip']) {
    const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (r.status !== 0) return { ok: false, why: `${bin} is not installed (Debian: apt-get install ${bin === 'ip' ? 'iproute2' : bin === 'bwrap' ? 'bubblewrap' : bin})` };
  }
  const probe = spawnSync('bwrap', ['--unshare-all', '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', 'true'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) return { ok: false, why: `bubblewrap cannot create namespaces here: ${probe.stderr.trim() || probe.error?.message}` };
  return { ok: true };
}

function runtimeDir(): string {
  // sandbox-runtime/ sits at the package root, next to src/ and dist/.
  return fileURLToPath(new URL('../../sandbox-runtime/', import.meta.url));
}

function systemBinds(): string[] {
  const args: string[] = ['--ro-bind', '/usr', '/usr'];
  for (const d of ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32']) {
    if (!existsSync(d)) continue;
    const st = lstatSync(d);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkRel(d), d);
    else args.push('--ro-bind', d, d);
  }
  // Node installed outside /usr (nvm, volta): make the running node visible at the same path.
  const nodePrefix = dirname(dirname(process.execPath));
  if (!nodePrefix.startsWith('/usr')) args.push('--ro-bind', nodePrefix, nodePrefix);
  return args;
}

function resolveBinary(name: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } });
  const p = r.stdout.trim();
  if (!p.startsWith('/usr/')) throw new Error(`${name} must be installed under /usr (found '${p}')`);
  return p;
}

function readlinkRel(p: string): string {
  return spawnSync('readlink', [p], { encoding: 'utf8' }).stdout.trim();
}

/** Writes the /etc files the jail sees instead of the host's: its own user, hostname, resolver and machine id. */
function fakeEtc(dir: string, id: DecoyIdentity): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    passwd: `root:x:0:0:root:/root:/bin/bash\n${id.user}:x:1000:1000:${id.user}:${id.home}:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`,
    group: `root:x:0:\n${id.user}:x:1000:\nsudo:x:27:${id.user}\n`,
    hostname: `${id.hostname}\n`,
    hosts: `127.0.0.1\tlocalhost\n127.0.1.1\t${id.hostname}\n::1\tlocalhost ip6-localhost\n`,
    'resolv.conf': 'nameserver 127.0.0.1\n',
    'machine-id': `${randomBytes(16).toString('hex')}\n`,
  };
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
    out[`/etc/${name}`] = join(dir, name);
  }
  return out;
}

/** Best-effort cgroup (v1 here, v2 elsewhere) limits for the whole jail: processes and memory. */
function makeCgroup(name: string): { procsFiles: string[]; cleanup: () => void } {
  const made: string[] = [];
  const procsFiles: string[] = [];
  const tryMake = (dir: string, files: Record<string, string>) => {
    try {
      mkdirSync(dir);
      made.push(dir);
      for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), v);
      procsFiles.push(join(dir, 'cgroup.procs'));
    } catch {
      /* not delegated here: rlimits still apply */
    }
  };
  if (existsSync('/sys/fs/cgroup/pids/cgroup.procs')) tryMake(`/sys/fs/cgroup/pids/${name}`, { 'pids.max': '512' });
  if (existsSync('/sys/fs/cgroup/memory/cgroup.procs')) tryMake(`/sys/fs/cgroup/memory/${name}`, { 'memory.limit_in_bytes': String(3 << 30) });
  if (!procsFiles.length && existsSync('/sys/fs/cgroup/cgroup.controllers')) tryMake(`/sys/fs/cgroup/${name}`, { 'pids.max': '512', 'memory.max': String(3 << 30) });
  return {
    procsFiles,
    cleanup: () => {
      for (const d of made.reverse()) {
        try {
          rmSync(d, { recursive: false });
        } catch {
          spawnSync('rmdir', [d]);
        }
      }
    },
  };
}

/**
 * Runs the actions in a bubblewrap jail under strace. Outer jail: new user/pid/net/ipc/uts/cgroup namespaces, read-only
 * system folders, tmpfs elsewhere, the decoy home bound read-write; inside, jail-init.cjs sets up the fake network and
 * sinks and runs each action in an inner jail as uid 1000 with no capabilities.
 */
export async function runInJail(run: JailRun): Promise<JailOutcome> {
  const started = Date.now();
  const out = join(run.workDir, 'out');
  mkdirSync(out, { recursive: true });
  const etc = fakeEtc(join(run.workDir, 'etc'), run.identity);
  const cpuinfoPath = join(run.workDir, 'cpuinfo');
  writeFileSync(cpuinfoPath, plausibleCpuinfo(readFileSync('/proc/cpuinfo', 'utf8')));
  const config = {
    actions: run.actions,
    totalTimeoutMs: run.totalTimeoutMs,
    graceMs: 2000,
    sinkPorts: run.sinkPorts,
    fakeAddress: FAKE_ADDRESS,
    uid: 1000,
    env: run.env,
    outDir: '/opt/.out',
    cpuinfo: '/opt/.cpuinfo',
    bwrapPath: resolveBinary('bwrap'),
  };
  writeFileSync(join(out, 'config.json'), JSON.stringify(config));
  const bwrapArgs = [
    '--unshare-all', '--uid', '0', '--gid', '0',
    '--cap-add', 'CAP_NET_ADMIN', '--cap-add', 'CAP_NET_BIND_SERVICE', '--cap-add', 'CAP_KILL',
    '--die-with-parent', '--new-session', '--hostname', run.identity.hostname,
    ...systemBinds(),
    '--ro-bind', '/etc', '/etc',
    ...Object.entries(etc).flatMap(([dest, src]) => ['--ro-bind', src, dest]),
    '--proc', '/proc', '--dev', '/dev',
    '--size', String(512 << 20), '--tmpfs', '/tmp',
    '--size', String(64 << 20), '--tmpfs', '/run',
    '--size', String(64 << 20), '--tmpfs', '/var/tmp',
    '--dir', '/home',
    '--bind', run.hostHome, run.identity.home,
    '--ro-bind', runtimeDir(), '/opt/.rt',
    '--bind', out, '/opt/.out',
    '--ro-bind', cpuinfoPath, '/opt/.cpuinfo',
    '--chdir', run.identity.home,
    '--', process.execPath, '/opt/.rt/jail-init.cjs', '/opt/.out/config.json',
  ];
  const tracePath = join(out, 'trace.log');
  const cg = makeCgroup(`lurescan-${randomBytes(4).toString('hex')}`);
  // The shell joins the cgroup and sets rlimits before exec'ing strace, so every descendant inherits both.
  const joinCg = cg.procsFiles.map((f) => `echo $$ > '${f}' 2>/dev/null;`).join(' ');
  const script = `${joinCg} ulimit -f ${(512 << 20) / 512} 2>/dev/null; ulimit -c 0; exec "$@"`;
  const child = spawn('sh', ['-c', script, 'sh', 'strace', '-f', '-qq', '--pidns-translation', '-s', '4096', '-e', `trace=${STRACE_SYSCALLS}`, '-o', tracePath, 'bwrap', ...bwrapArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 8192) stderr += d;
  });
  let killedAtLimit = false;
  const hardLimit = setTimeout(() => {
    killedAtLimit = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, run.totalTimeoutMs + 5_000);
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearTimeout(hardLimit);
  cg.cleanup();
  let results: ActionResult[] = [];
  let events: SinkEvent[] = [];
  let fatal: string | undefined;
  try {
    const r = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { results?: ActionResult[]; events?: SinkEvent[]; fatal?: string };
    results = r.results ?? [];
    events = r.events ?? [];
    fatal = r.fatal;
  } catch {
    fatal = `the jail ended without a result${stderr ? `: ${stderr.trim().slice(0, 500)}` : ''}`;
  }
  const trace = existsSync(tracePath) ? readFileSync(tracePath, 'utf8') : '';
  // Debugging aid: keep the raw strace log where the user asked.
  if (process.env.LURESCAN_KEEP_TRACE) writeFileSync(process.env.LURESCAN_KEEP_TRACE, trace);
  return { trace, results, events, fatal, killedAtLimit, durationMs: Date.now() - started };
}
