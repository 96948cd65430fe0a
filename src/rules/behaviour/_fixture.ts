import type { Canary, Observations, ObservedProcess, SinkEvent, Syscall } from '../../core/observations.js';

/** Builds small Observations for rule tests: one action (postinstall in package.json:5) unless told otherwise. */
export const HOME = '/home/alex';
export const CANARIES: Canary[] = [
  { secretClass: 'MetaMask wallet vault (Chrome)', path: `${HOME}/.config/google-chrome/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn/000003.log`, token: 'vault-0a1b2c3d4e5f60718293lsc' },
  { secretClass: 'Solana keypair (id.json)', path: `${HOME}/.config/solana/id.json`, token: 'sol-99aa88bb77cc66dd55ee44lsc' },
  { secretClass: 'npm publish token', path: `${HOME}/.npmrc`, token: 'npm_abcdefabcdefabcdefabcdefabcdefabcdef' },
  { secretClass: 'environment variable GITHUB_TOKEN', env: 'GITHUB_TOKEN', token: 'ghp_0123456789abcdef0123456789abcdef0123' },
];

export function obs(parts: { syscalls?: Syscall[]; network?: SinkEvent[]; processes?: ObservedProcess[] }): Observations {
  return {
    identity: { user: 'alex', hostname: 'alex-xps-15', home: HOME },
    actions: [{ label: 'npm-install: scripts.postinstall', command: 'node setup.js', exitCode: 0, file: 'package.json', line: 5, trigger: 'npm-install' }],
    processes: parts.processes ?? [{ pid: 10, argv: ['/bin/sh', '-c', 'node setup.js'], action: 0 }, { pid: 11, parent: 10, argv: ['node', 'setup.js'], action: 0 }],
    syscalls: (parts.syscalls ?? []).map((s) => ({ ...s, action: 0 })),
    network: parts.network ?? [],
    canaries: CANARIES,
    durationMs: 1200,
    killedAtLimit: false,
  };
}

export const open = (path: string, pid = 11, write = false): Syscall => ({ kind: 'open', pid, path, write, create: write, ok: true });
export const exec = (argv: string[], pid = 11): Syscall => ({ kind: 'exec', pid, path: argv[0]!, argv, ok: true });
