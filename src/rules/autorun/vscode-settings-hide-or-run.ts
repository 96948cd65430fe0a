import type { AutorunEntry } from '../../core/autorun.js';
import { defineRule } from '../../core/rule.js';
import { dirOf } from '../../analyzers/autorun/common.js';
import { downloadToShell, locate } from './_shapes.js';

const EXECUTABLE_KEY = /(?:executablePath|\.path|defaultInterpreterPath|pythonPath|\.runtime|jestCommandLine|shellArgs|\.args|automationProfile|\.interpreter|\.serverPath|\.binPath|\.command)$|\.env\.(?:linux|osx|windows)\.|\.profiles\./i;
/** In-repo executables that projects legitimately point at: their own virtualenv or node_modules/.bin. */
const BENIGN_TARGET = /^(?:\$\{workspace(?:Folder|Root)\}[\\/])?\.?[\\/]?(?:\.?venv|env|\.env|\.tox|\.direnv\/[^/]+)[\\/](?:bin|Scripts)[\\/]python(?:3(?:\.\d+)?)?(?:\.exe)?$|^(?:\$\{workspace(?:Folder|Root)\}[\\/])?\.?[\\/]?node_modules[\\/]\.bin[\\/][\w.-]+$|^(?:npm|npx|yarn|pnpm)\b[^|;&]*$/;

function workspaceKey(file: string): string {
  return file.endsWith('.code-workspace') ? file : dirOf(file);
}

export default defineRule({
  id: 'vscode-settings-hide-or-run',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'high',
    confidence: 'high',
    summary: 'Workspace settings hide the terminal or point VS Code/extensions at an executable inside the repository',
    why: 'Lures pair a folder-open task with `terminal.integrated.hideOnStartup: "always"`, `task.allowAutomaticTasks: "on"` and `debug.openDebug: "neverOpen"` so nothing visible happens; settings such as `python.defaultInterpreterPath`, `git.path` or terminal profiles pointing into the repo run its files as soon as an extension starts.',
    fix: 'Open the folder in Restricted Mode, or delete .vscode/settings.json before opening it. Check what the named file is.',
    falsePositives: 'A project pointing VS Code at its own .venv python or node_modules/.bin tool is not reported; hiding settings without an automatic task are reported at low.',
    references: ['https://code.visualstudio.com/docs/editor/workspace-trust', 'https://code.visualstudio.com/docs/terminal/basics', 'CWE-829'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const autoTask = new Set(view.autorun.filter((e) => e.trigger === 'vscode-folder-open').map((e) => workspaceKey(e.file)));
    const settings = view.autorun.filter((e) => e.trigger === 'vscode-settings');
    const reportHide = (e: AutorunEntry, what: string) => {
      const withTask = autoTask.has(workspaceKey(e.file));
      ctx.report({
        file: e.file,
        at: locate(view.readText(e.file), e.line, e.command),
        message: withTask ? `${what}, next to a task that runs when the folder opens` : `${what} (no automatic task found)`,
        evidence: e.command,
        severity: withTask ? 'high' : 'low',
        confidence: withTask ? 'high' : 'medium',
      });
    };
    for (const e of settings) {
      const key = (e.label ?? '').replace(/^settings\./, '');
      if (key === 'terminal.integrated.hideOnStartup') reportHide(e, 'Hides the terminal when VS Code starts');
      else if (key === 'task.allowAutomaticTasks') reportHide(e, 'Lets folder-open tasks run without asking');
      else if (EXECUTABLE_KEY.test(key)) {
        const value = e.command.slice(e.command.indexOf(':') + 1).trim();
        let raw: unknown;
        try {
          raw = JSON.parse(value);
        } catch {
          raw = value;
        }
        const values = (Array.isArray(raw) ? raw : [raw]).map(String);
        const dl = values.map((v) => downloadToShell(v)).find(Boolean);
        const inject = values.some((v) => /NODE_OPTIONS|(?:^|\s)(?:--require|-r|--import)\s/.test(`${key} ${v}`));
        if (!dl && !inject && values.every((v) => BENIGN_TARGET.test(v.trim()))) continue;
        if (!dl && !inject && !e.leadsTo.length) continue;
        ctx.report({
          file: e.file,
          at: locate(view.readText(e.file), e.line, e.command),
          message: dl
            ? `Setting "${key}" ${dl.what}; VS Code applies it when the folder is opened`
            : inject
              ? `Setting "${key}" makes every node started from VS Code preload code`
              : `Setting "${key}" makes VS Code or an extension run ${e.leadsTo[0]} from the repository`,
          evidence: e.command,
          severity: dl || inject ? 'critical' : 'high',
          confidence: dl || inject ? 'high' : 'medium',
        });
      }
    }
    // debug.openDebug: "neverOpen" only hides something when a task runs by itself.
    for (const f of view.files) {
      if (!/(?:^|\/)\.vscode\/settings\.json$|\.code-workspace$/.test(f.path) || !autoTask.has(workspaceKey(f.path))) continue;
      const text = view.readText(f.path);
      const m = text && /"debug\.openDebug"\s*:\s*"neverOpen"/.exec(text);
      if (!m) continue;
      ctx.report({ file: f.path, at: { offset: m.index, length: m[0].length }, message: 'Keeps the debug view closed, next to a task that runs when the folder opens', evidence: m[0], severity: 'medium', confidence: 'high' });
    }
  },
});
