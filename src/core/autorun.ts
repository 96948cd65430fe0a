/** The autorun map: for every action a lure asks of its victim, what would execute. Part of the JSON contract. */

export const AUTORUN_TRIGGERS = [
  'npm-install',
  'npm-start',
  'npm-run',
  'vscode-folder-open',
  'vscode-settings',
  'vscode-launch',
  'git',
  'python',
  'pip-install',
  'make',
  'devcontainer',
  'direnv',
  'docker',
  'husky',
  'ide-build',
] as const;
export type AutorunTrigger = (typeof AUTORUN_TRIGGERS)[number];

export interface AutorunEntry {
  trigger: AutorunTrigger;
  /** The command or setting as written (whitespace-padding preserved in `command`, trimmed display is the reporter's job). */
  command: string;
  /** Where it is declared. */
  file: string;
  line: number;
  /** Files of the target this entry executes or loads (entry scripts, configs the tool loads, required modules). */
  leadsTo: string[];
  /** Short human label, e.g. "scripts.postinstall" or "tasks[0] (runOn: folderOpen)". */
  label?: string;
}

/**
 * Files an entry's declaring file is itself the code that runs: a git or husky hook, setup.py, conftest.py, a .pth,
 * a .pnpmfile.cjs, a Python entry point. leadsTo leaves the declaring file out (a package.json or tasks.json only
 * declares), so without this a curl | sh inside a hook or a pnpmfile would weigh as if nothing ran it.
 */
const SELF_RUNNING = /(?:\.(?:[cm]?[jt]sx?|py|pth|sh|bash|zsh|ps1)$|(?:^|\/)(?:\.git\/hooks|\.husky)\/[^/]+$|(?:^|\/)build\.rs$)/i;

/** Every file of the target some autorun entry executes or loads, the self-running declaring files included. */
export function filesRunByAutorun(entries: readonly AutorunEntry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    if (SELF_RUNNING.test(e.file)) out.add(e.file);
    for (const p of e.leadsTo) out.add(p);
  }
  return out;
}
