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
