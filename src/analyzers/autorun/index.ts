import type { AutorunEntry } from '../../core/autorun.js';
import type { ProjectView } from '../../core/inputs.js';

/**
 * Builds the autorun map: for every action the lure asks of its victim (npm install, npm start, opening the folder in
 * VS Code, git, python main.py, ...), what would execute and which files it leads to.
 */
export function buildAutorunMap(_view: Omit<ProjectView, 'autorun'>): AutorunEntry[] {
  return [];
}
