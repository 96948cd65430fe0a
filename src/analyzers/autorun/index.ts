import type { AutorunEntry } from '../../core/autorun.js';
import { type BaseView, MapContext } from './common.js';
import { collectBuildTools } from './build-tools.js';
import { collectGit } from './git.js';
import { collectNpm } from './npm.js';
import { collectOthers } from './others.js';
import { collectPython } from './python.js';
import { collectVscode } from './vscode.js';

const SOURCES: Array<[string, (ctx: MapContext) => void]> = [
  ['npm', collectNpm],
  ['vscode', collectVscode],
  ['git', collectGit],
  ['python', collectPython],
  ['others', collectOthers],
  ['build tools', collectBuildTools],
];

/** The map plus the problems met while building it (unreadable or unparsable configs), so nothing fails silently. */
export function buildAutorunMapWithErrors(view: BaseView): { entries: AutorunEntry[]; errors: Array<{ path: string; message: string }> } {
  const ctx = new MapContext(view);
  for (const [name, collect] of SOURCES) {
    try {
      collect(ctx);
    } catch (e) {
      ctx.errors.push({ path: '.', message: `autorun map (${name}) failed: ${(e as Error)?.message ?? e}` });
    }
  }
  return { entries: ctx.entries, errors: ctx.errors };
}

/**
 * Builds the autorun map: for every action the lure asks of its victim (npm install, npm start, opening the folder in
 * VS Code, git, python main.py, ...), what would execute and which files it leads to. Reads only through
 * `view.readText`; never runs anything.
 */
export function buildAutorunMap(view: BaseView): AutorunEntry[] {
  return buildAutorunMapWithErrors(view).entries;
}
