import type { FileFacts, JsFile } from '../../core/inputs.js';
import { defineRule } from '../../core/rule.js';
import { parseJs } from '../../analyzers/js/parse.js';
import { argText, jsFacts, processLaunches } from '../stealing/_js-facts.js';
import { clip } from '../stealing/_iocs.js';

const JS_FILE = /\.(?:[cm]?js|jsx)$|(?:^|\/)[^./]+$/;
const LAUNCH_HINT = /child_process|execa|cross-spawn|shelljs/;
/** Files a launcher runs directly: a Windows/macOS/Linux executable or script, not a package-manager shim. */
const EXECUTABLE = /(?:^|[\\/'"`\s(])([\w.@~-]{1,80}\.(?:exe|scr|msi|vbs|vbe|ps1|bat|sh|bin|command|app|elf|jar))\b/i;
const TOOL_SHIM = /^(?:npm|npx|yarn|pnpm|node|nodejs|git|cmd|powershell|pwsh|bash|sh|where|taskkill|corepack|bun|python\d?|py|gyp|node-gyp|cl|msbuild|make|tar)\.(?:cmd|exe|bat|ps1|sh)$/i;
/** Arguments of a probe: running a binary to print its version or help is how installers check what they fetched. */
/** Commands that register something to start at login or boot: no package needs that done during `npm install`. */
const PERSIST_CMD = /\blaunchctl\s+(?:load|bootstrap|enable)\b|\bsystemctl\s+--user\s+(?:enable|start)\b|\bloginctl\s+enable-linger\b|\bschtasks(?:\.exe)?\s+\/create\b|\breg(?:\.exe)?\s+add\b[^\n]*\\Run(?:Once)?\b|\bRegister-ScheduledTask\b|\bcrontab\s+(?:-\s|\S+\.txt)/i;
const PROBE = /['"`]--?(?:version|v|help|h)['"`]/;

/**
 * Install time is the one moment a package runs unasked. What an installer legitimately launches there (node-gyp,
 * its own binary with --version, npm, git) it waits for; a background process that outlives `npm install`, a hidden
 * window or a bundled .exe/.sh is a dropper's shape.
 */
export default defineRule({
  id: 'install-time-launch',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'high',
    confidence: 'medium',
    summary: 'Code run by npm install starts a detached/background process, hides its window, or runs an executable (.exe/.sh/.bin/…)',
    why: 'A postinstall/preinstall hook (or the file it runs, e.g. `node .`) that does `spawn(resolve("x.exe"), {detached: true, stdio: "ignore"}).unref()` runs a payload that outlives the install, with no output and no prompt. Legitimate install scripts build (node-gyp), download a prebuilt binary or check a version, and wait for what they start.',
    fix: 'Do not install the package; if already installed, look for the launched process and file. Install with --ignore-scripts and read the install script.',
    falsePositives: 'An installer that runs its own bundled shell script (`sh ./build.sh`) to build a native part is reported at medium confidence; one that probes a downloaded binary with --version (esbuild) and plain node-gyp/npm/git calls are not reported. The same launch in code that does not run at install is left to shell-spawn (low).',
    references: ['https://attack.mitre.org/techniques/T1204/002/', 'https://attack.mitre.org/techniques/T1564/003/', 'https://docs.npmjs.com/cli/v10/using-npm/scripts#life-cycle-scripts'],
    status: 'preview',
  },
  input: 'project',
  check(ctx, view) {
    const reached = new Map<string, string>();
    for (const e of view.autorun) {
      if (e.trigger !== 'npm-install') continue;
      for (const p of e.leadsTo) if (!reached.has(p) && JS_FILE.test(p)) reached.set(p, e.label ?? e.command);
    }
    if (!reached.size) return;
    const facts = new Map(view.files.map((f) => [f.path, f]));
    let total = 0;
    for (const [path, via] of reached) {
      const text = view.readText(path);
      if (text === null || !LAUNCH_HINT.test(text)) continue;
      const parsed = parseJs(text);
      if (!parsed.ast) continue;
      const js: JsFile = { facts: facts.get(path) ?? minimal(path, text), text, ast: parsed.ast, recovered: parsed.recovered };
      const f = jsFacts(js);
      for (const c of processLaunches(f)) {
        const call = text.slice(c.node.start, Math.min(c.node.end, c.node.start + 2000));
        const cmd = argText(f, c);
        const after = text.slice(c.node.start, Math.min(text.length, c.node.end + 200));
        const traits: string[] = [];
        const detached = /\bdetached\s*:\s*(?:true|!0)/.test(call) && /\.unref\s*\(/.test(after);
        const hidden = /\bwindowsHide\s*:\s*(?:true|!0)/.test(call) || /-w(?:indowstyle)?\s+hidden\b/i.test(cmd);
        if (detached) traits.push('detached + unref: keeps running after the install');
        if (hidden) traits.push('hidden window');
        const exe = EXECUTABLE.exec(cmd) ?? EXECUTABLE.exec(call);
        const exeName = exe && !TOOL_SHIM.test(exe[1]!) && !PROBE.test(call) ? exe[1]! : undefined;
        if (exeName) traits.push(`runs ${exeName}`);
        const persist = PERSIST_CMD.exec(cmd) ?? PERSIST_CMD.exec(call);
        if (persist) traits.push(`registers a login/boot item (${persist[0].trim()})`);
        if (!traits.length) continue;
        // A bundled shell script run in the open is how some native packages build: weaker alone than an .exe.
        const weakOnly = !detached && !hidden && !persist && /\.(?:sh|command)$/i.test(exeName ?? '');
        const strong = ((detached || hidden) && !!exeName) || !!persist;
        ctx.report({
          file: path,
          at: { offset: c.node.start, length: Math.min(c.node.end, c.node.start + 2000) - c.node.start },
          message: `Runs at npm install (${via}) and launches a process: ${traits.join(', ')}`,
          evidence: clip(call, 240),
          decoded: cmd && !call.includes(cmd) ? clip(cmd, 300) : undefined,
          severity: weakOnly ? 'medium' : 'high',
          confidence: strong ? 'high' : weakOnly ? 'low' : 'medium',
        });
        if (++total >= 5) return;
      }
    }
  },
});

function minimal(path: string, text: string): FileFacts {
  return { path, ext: '', kind: 'js', size: text.length, isText: true, lineCount: 0, maxLineLength: 0, vendored: false, minified: false };
}
