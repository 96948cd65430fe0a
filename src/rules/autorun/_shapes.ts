/** Command shapes shared by the autorun rules. Pure string checks: nothing here reads files or runs anything. */
import type { AutorunEntry } from '../../core/autorun.js';
import type { ProjectView } from '../../core/inputs.js';
import type { At, ReportArgs } from '../../core/rule.js';
import { MapContext, dirOf } from '../../analyzers/autorun/common.js';
import { CommandFollower, packageAt } from '../../analyzers/autorun/follow.js';
import { programName, splitCommands, stripWrappers, tokenize } from '../../analyzers/autorun/shell.js';

export interface Shape {
  /** The part of the command that shows it. */
  evidence: string;
  decoded?: string;
  what: string;
  /** The command was encoded (base64 into a shell, PowerShell -EncodedCommand): hiding it has no benign use. */
  encoded?: boolean;
}

const FETCHER = String.raw`(?:curl|wget|fetch|http|aria2c|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|certutil|bitsadmin)`;
const SHELL_SINK = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:(?:\/usr)?\/bin\/)?(?:ba|z|da|k|fi)?sh|bash|python[\d.]*|node|perl|ruby|php|cmd(?:\.exe)?|powershell(?:\.exe)?|pwsh|iex|Invoke-Expression|sh\.exe|bash\.exe|source|osascript`;
// Intermediate filters are allowed (`curl … | base64 -d | sh`), a new command (`;`) is not.
const PIPE_RE = new RegExp(String.raw`\b${FETCHER}\b[^;\n]{0,600}?\|\s*(?:${SHELL_SINK})\b(?!-)(?:\s*-\s)?[^|;&\n]{0,80}`, 'i');
const SUBST_RE = new RegExp(String.raw`(?:\b(?:ba|z)?sh\s+-c\s*["']?\s*\$\(\s*${FETCHER}\b[^)]{0,600}\)|(?:\b(?:ba|z)?sh|\bsource|(?:^|[;&|]\s*)\.)\s*<\(\s*${FETCHER}\b[^)]{0,600}\)|\beval\s+["']?\$\(\s*${FETCHER}\b[^)]{0,600}\))`, 'i');
const IEX_RE = /\b(?:iex|Invoke-Expression)\b[\s(]{0,4}[^\n]{0,200}?(?:DownloadString|DownloadData|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient)[^\n]{0,200}|(?:DownloadString|Invoke-RestMethod|\birm\b|\biwr\b)[^\n|]{0,300}\|\s*(?:iex|Invoke-Expression)\b/i;
const ENC_RE = /\b(?:powershell|pwsh)(?:\.exe)?\b[^\n]{0,100}?\s-(?:e|ec|en|enc|enco|encodedcommand)\s+([A-Za-z0-9+/=]{16,})/i;
const MSHTA_RE = /\b(?:mshta(?:\.exe)?\s+(?:https?|vbscript|javascript):[^\s]{0,300}|rundll32(?:\.exe)?\s+[^\n]{0,60}(?:javascript:|https?:\/\/)[^\s]{0,200}|regsvr32(?:\.exe)?\s+[^\n]{0,40}\/i:https?:\/\/\S{0,200})/i;
// `echo <b64> | base64 -d | sh`, `base64 -d <<< <b64> | bash`, `sh -c "$(echo <b64> | base64 --decode)"`.
const B64 = String.raw`["']?([A-Za-z0-9+/]{16,}={0,2})["']?`;
const B64_DEC = String.raw`base64\s+(?:-d|--decode|-D)\b`;
const B64_RE = new RegExp(
  String.raw`\b(?:echo|printf)\s+(?:-[neE]+\s+)?${B64}\s*\|\s*${B64_DEC}[^|;&\n)]{0,40}(?:\|\s*(?:${SHELL_SINK})\b|\))|\b${B64_DEC}\s*<<<\s*${B64}\s*\|\s*(?:${SHELL_SINK})\b`,
  'i',
);
const B64_RUN_RE = new RegExp(String.raw`(?:\b(?:ba|z)?sh\s+-c|\beval)\s*["']?\s*\$\(\s*$`, 'i');
function decodeB64Command(b64: string): string | undefined {
  const s = Buffer.from(b64, 'base64').toString('latin1');
  return /^[\x09\x0a\x0d\x20-\x7e]{8,}$/.test(s) ? s : undefined;
}

// `python3 -c "…exec(urlopen(u).read())"`, `node -e "…https.get(u, r => … eval(b))"`: a one-liner that fetches and runs.
const INLINE_RE = /\b(?:python[\d.]*w?|py|node|nodejs|bun|perl|ruby)(?:\.exe)?\s+(?:-[A-Za-z]+\s+)*?(?:-c|-e|--eval|-p)\s+(["'])([\s\S]{10,3000}?)\1/i;
const INLINE_FETCH = /\burlopen\b|\burlretrieve\b|\brequests\.(?:get|post)\b|\bhttpx\.get\b|\bhttps?\.get\b|\bfetch\s*\(|\baxios\b|LWP::|Net::HTTP|open-uri|\bURI\.open\b/;
const INLINE_RUN = /\bexec\s*\(|\beval\s*\(|\bFunction\s*\(|runIn\w*Context|_compile\s*\(|\bsystem\s*\(|\bspawn\s*\(|\binstance_eval\b/;

function decodePs(b64: string): string | undefined {
  try {
    const buf = Buffer.from(b64, 'base64');
    const s = buf.toString('utf16le');
    return /^[\x09\x0a\x0d\x20-\x7e]+$/.test(s) ? s : buf.toString('latin1');
  } catch {
    return undefined;
  }
}

const MAX_COMMAND = 16_000;

/**
 * Blank runs folded to one space (padding must not push a payload past the cap, nor feed the regexes thousands of
 * positions), then capped: shapes are judged on at most MAX_COMMAND characters.
 */
function squeeze(cmd: string): string {
  const c = cmd.length > 200 ? cmd.replace(/[ \t\u00a0]{2,}/g, ' ') : cmd;
  return c.length > MAX_COMMAND ? c.slice(0, MAX_COMMAND) : c;
}

/** `curl … | sh`, `wget -qO- … | sh`, `iwr … | iex`, `curl … | cmd`, `sh -c "$(curl …)"`, `powershell -enc …`. */
export function downloadToShell(cmd: string, depth = 0): Shape | null {
  const c = squeeze(cmd);
  let m = PIPE_RE.exec(c);
  if (m) return { evidence: m[0].trim(), what: 'pipes a download into a shell' };
  if ((m = SUBST_RE.exec(c))) return { evidence: m[0].trim(), what: 'runs a download through a shell' };
  if ((m = IEX_RE.exec(c))) return { evidence: m[0].trim(), what: 'runs a download with PowerShell Invoke-Expression' };
  if ((m = ENC_RE.exec(c))) return { evidence: m[0].trim(), decoded: decodePs(m[1]!), what: 'runs an encoded PowerShell command', encoded: true };
  if ((m = B64_RE.exec(c))) {
    // A pipe into a shell, or a substitution that a shell or eval runs.
    const piped = /\|\s*\S+\s*$/.test(m[0]) && !m[0].endsWith(')');
    if (piped || B64_RUN_RE.test(c.slice(Math.max(0, m.index - 40), m.index))) {
      const decoded = decodeB64Command((m[1] ?? m[2])!);
      if (decoded) {
        const inner = downloadToShell(decoded);
        return { evidence: m[0].trim(), decoded, what: inner ? `runs a base64-encoded command that ${inner.what}` : 'runs a base64-encoded command through a shell', encoded: true };
      }
    }
  }
  if ((m = MSHTA_RE.exec(c))) return { evidence: m[0].trim(), what: 'runs remote script through a Windows binary' };
  if ((m = INLINE_RE.exec(c)) && INLINE_FETCH.test(m[2]!) && INLINE_RUN.test(m[2]!)) return { evidence: m[0].trim(), what: 'runs an inline one-liner that downloads code and executes it' };
  const saved = downloadThenRun(c);
  if (saved || depth > 0) return saved;
  // A quoted base64 literal that the command decodes some other way (Kotlin's Base64.getDecoder(), certutil -decode,
  // a [Convert]::FromBase64String): nobody encodes a download-to-shell for a reason they could show.
  for (const q of c.matchAll(QUOTED_B64)) {
    const decoded = decodeB64Command(q[1]!);
    const inner = decoded ? downloadToShell(decoded, depth + 1) : null;
    if (inner) return { evidence: q[0], decoded, what: `runs a base64-encoded command that ${inner.what}`, encoded: true };
  }
  return null;
}
/** Base64 long enough to hold a command (16+ characters), as written in a literal. */
const B64_BODY = String.raw`(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?`;
const QUOTED_B64 = new RegExp(`["'\`](${B64_BODY})["'\`]`, 'g');
const B64_LITERAL = new RegExp(`^${B64_BODY}$`);
/** What a string that is only base64 decodes to, when that is printable text (a command hidden in a literal). */
export function decodeB64Literal(v: string): string | undefined {
  return v.length <= 8192 && B64_LITERAL.test(v) ? decodeB64Command(v) : undefined;
}

const EDITORS = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf']);

/** `curl -o /tmp/p URL && chmod +x /tmp/p && /tmp/p`, `wget -O x.sh URL; sh x.sh`: token-level, no backtracking. */
function downloadThenRun(c: string): Shape | null {
  if (!/\b(?:curl|wget)\b/i.test(c)) return null;
  const simple = splitCommands(c).slice(0, 200);
  for (let i = 0; i < simple.length; i++) {
    const argv = stripWrappers(tokenize(simple[i]!));
    const prog = programName(argv[0] ?? '');
    if (prog !== 'curl' && prog !== 'wget') continue;
    let out: string | undefined;
    for (let k = 1; k < argv.length; k++) {
      const a = argv[k]!;
      if (a === '-o' || a === '--output' || (prog === 'wget' && (a === '-O' || a === '--output-document'))) out = argv[k + 1];
      else if (/^--output(?:-document)?=/.test(a)) out = a.slice(a.indexOf('=') + 1);
      else if (/^-[a-zA-Z]*o$/.test(a) && prog === 'curl') out = argv[k + 1];
    }
    if (!out || out === '-' || out === '/dev/null') continue;
    const bare = out.replace(/^\.\//, '');
    for (let j = i + 1; j < simple.length; j++) {
      const run = stripWrappers(tokenize(simple[j]!));
      const p0 = (run[0] ?? '').replace(/^\.\//, '');
      const runsIt = p0 === bare || (['sh', 'bash', 'zsh', 'node', 'python', 'python3', 'source', '.', 'pwsh', 'powershell', 'cmd', 'start'].includes(programName(run[0] ?? '')) && run.slice(1).some((x) => x.replace(/^\.\//, '') === bare));
      if (runsIt) return { evidence: simple.slice(i, j + 1).join(' && ').slice(0, 600), what: 'downloads a file and runs it' };
      // `code --install-extension <the download>`: an editor extension runs with the user's privileges in every window.
      const ext = EDITORS.has(programName(run[0] ?? '').replace(/\.(?:cmd|exe)$/i, '')) ? run.indexOf('--install-extension') : -1;
      if (ext > 0 && run[ext + 1]?.replace(/^\.\//, '') === bare) {
        return { evidence: simple.slice(i, j + 1).join(' && ').slice(0, 600), what: 'downloads an editor extension and installs it (it then runs with your privileges in every window)' };
      }
    }
  }
  return null;
}

const CODE_EXT = /\.(?:[cm]?[jt]sx?|json|node|wasm|py|pyw|sh|bash|zsh|ps1|psm1|bat|cmd|rb|pl|php|lua)$/i;
const NON_CODE_EXT = /\.(?:woff2?|ttf|otf|eot|png|jpe?g|gif|ico|bmp|webp|svg|avif|mp3|mp4|wav|ogg|webm|mov|pdf|txt|dict|dic|md|csv|log|css|scss|less|map|lock|dat|bin|db|sqlite|zip|tar|gz|yml|yaml|toml|ini|cfg|conf|xml|html?|license|env|pem|crt|key|tmp|bak|cache|data|jar)$/i;
/** Folders where an extensionless file handed to node is never a legitimate bin script. */
const HIDDEN_DIR = /(?:^|\/)(?:\.vscode|\.git|\.idea|\.github|\.husky|\.devcontainer|\.cache|\.config|public|assets|static|fonts|images|img|media)\//i;
const RUNNERS = new Set(['node', 'nodejs', 'nodemon', 'bun', 'deno', 'ts-node', 'tsx', 'python', 'python3', 'python2', 'py', 'pythonw', 'electron']);

/** The path, when a file handed to an interpreter is not a script by its name (a font, image, or extensionless file in a data folder). */
function nonCodeFile(arg: string): string | null {
  const file = arg.replace(/\\/g, '/').replace(/^\$\{(?:workspaceFolder|workspaceRoot)\}\//, '');
  const base = file.slice(file.lastIndexOf('/') + 1);
  const hasExt = base.includes('.') && !base.startsWith('.');
  const bad = hasExt ? NON_CODE_EXT.test(base) && !CODE_EXT.test(base) : HIDDEN_DIR.test(file) || /^\.[^/]+$/.test(base) && base.length > 1 && file.includes('/');
  return bad ? file : null;
}

/** `node public/fonts/fa-solid-400.woff2`, `node .vscode/helper`, `python assets/logo.png`. */
export function runsNonCodeFile(cmd: string): { program: string; file: string; evidence: string } | null {
  for (const simple of splitCommands(squeeze(cmd))) {
    const argv = stripWrappers(tokenize(simple));
    if (!argv.length) continue;
    const program = programName(argv[0]!);
    if (!RUNNERS.has(program)) continue;
    let i = 1;
    if (program === 'deno' && argv[1] === 'run') i = 2;
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (program === 'nodemon' && /^(?:-w|--watch|-e|--ext|-i|--ignore|-d|--delay|-x|--exec|--config|--signal|-V|--exitcrash|-I)$/.test(a)) {
        i++;
        continue;
      }
      if (/^(?:-e|--eval|-p|--print|-c|-m)$/.test(a)) break;
      // A preloaded module runs before the program: `node -r ./.vscode/.debug server.js` runs the hidden file.
      if (/^(?:-r|--require|--import|--loader|--experimental-loader)$/.test(a) && argv[i + 1] && /^\.{1,2}\/|\//.test(argv[i + 1]!)) {
        const pre = nonCodeFile(argv[i + 1]!);
        if (pre) return { program, file: pre, evidence: simple.trim() };
      }
      if (/^(?:-r|--require|--import|--loader|--experimental-loader|-W|-X|-C|--conditions|--env-file|--title|--inspect-port|--watch-path|--tsconfig|--project|-P)$/.test(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      const file = nonCodeFile(a);
      if (file) return { program, file, evidence: simple.trim() };
      break;
    }
  }
  return null;
}

/**
 * Long blank runs followed by something on the same line. Linear: each run is consumed once (a `{n,}(?=\S)` regex
 * backtracks quadratically on a long run that ends the line).
 */
export function* blankRuns(text: string, min: number): Generator<{ index: number; length: number }> {
  const re = /[ \t\u00a0\u2000-\u200b\u3000]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length < min) continue;
    const next = text.charCodeAt(m.index + m[0].length);
    if (Number.isNaN(next) || next === 10 || next === 13) continue;
    yield { index: m.index, length: m[0].length };
  }
}

/** A command with a long blank run inside it: the visible start looks harmless, the rest is off-screen. */
export function paddedPayload(cmd: string, min = 100): { pad: number; payload: string } | null {
  for (const r of blankRuns(cmd, min)) return { pad: r.length, payload: cmd.slice(r.index + r.length).trim() };
  return null;
}

export function urlIocs(text: string): NonNullable<ReportArgs['iocs']> {
  const out: NonNullable<ReportArgs['iocs']> = [];
  for (const m of text.matchAll(/\bhttps?:\/\/[^\s'"`|;)<>]{3,300}/gi)) out.push({ type: 'url', value: m[0] });
  return out.slice(0, 10);
}

/**
 * Points at the evidence inside its declaring file when it appears there verbatim (JSON escaping aside), else at the
 * declaring line.
 */
export function locate(text: string | null, line: number, snippet: string): At {
  if (text && snippet) {
    let start = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      start = nl + 1;
    }
    // Bounded window: a hostile multi-megabyte line must not cost a full search per finding.
    const window = text.slice(start, start + 262_144);
    const head = snippet.slice(0, 60);
    const probes = [snippet, JSON.stringify(snippet).slice(1, -1), head, JSON.stringify(head).slice(1, -1)];
    for (const p of probes) {
      if (!p || p.length > window.length) continue;
      const i = window.indexOf(p);
      if (i !== -1) return { offset: start + i, length: Math.min(p.length, 400) };
    }
  }
  return { line };
}


export interface AutorunCommand {
  command: string;
  file: string;
  line: number;
  entry: AutorunEntry;
  /** For commands reached through `npm run x`: the script name. */
  via?: string;
}

const contexts = new WeakMap<ProjectView, MapContext>();
/** One map context per scan, shared by the autorun rules (parsed package.json files, line tables). */
export function mapContext(view: ProjectView): MapContext {
  let c = contexts.get(view);
  if (!c) contexts.set(view, (c = new MapContext(view)));
  return c;
}

function cwdOf(file: string): string {
  const v = /^(.*?)(?:^|\/)\.(?:vscode|git|husky|devcontainer)\//.exec(file);
  return v ? v[1]! : dirOf(file);
}

/**
 * Every command an autorun entry executes: its own, plus the package scripts it chains into (`npm run setup`,
 * `concurrently "npm:x"`, `cd api && npm start`), each located at its own package.json line.
 */
export function autorunCommands(view: ProjectView, triggers?: ReadonlySet<string>): AutorunCommand[] {
  const ctx = mapContext(view);
  const out: AutorunCommand[] = [];
  const seen = new Set<string>();
  const push = (c: AutorunCommand) => {
    const key = `${c.file}\0${c.line}\0${c.command}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const entry of view.autorun) {
    if (triggers && !triggers.has(entry.trigger)) continue;
    push({ command: entry.command, file: entry.file, line: entry.line, entry });
    if (entry.trigger === 'vscode-settings') continue;
    const f = new CommandFollower(ctx).follow(entry.command, cwdOf(entry.file));
    for (const key of f.out.scripts) {
      const bar = key.lastIndexOf('|');
      const dir = key.slice(0, bar);
      const name = key.slice(bar + 1);
      const pkg = packageAt(ctx, dir);
      const s = pkg?.scripts.get(name);
      if (!pkg || !s) continue;
      push({ command: s.command, file: pkg.path, line: ctx.lineAt(pkg.path, s.offset), entry, via: name });
    }
  }
  return out;
}

/** "runs when the folder is opened in VS Code" and friends, for messages. */
export function triggerPhrase(e: AutorunEntry, via?: string): string {
  const viaText = via ? ` (reached through script "${via}")` : '';
  switch (e.trigger) {
    case 'npm-install':
      return `runs on npm install${e.file.includes('node_modules/') ? ' (vendored dependency)' : ''} [${e.label ?? e.trigger}]${viaText}`;
    case 'npm-start':
      return `runs on npm start [${e.label ?? ''}]${viaText}`;
    case 'npm-run':
      return `runs on npm run / npm test [${e.label ?? ''}]${viaText}`;
    case 'vscode-folder-open':
      return `runs when the folder is opened in VS Code [${e.label ?? ''}]${viaText}`;
    case 'vscode-settings':
      return `applied by VS Code when the folder is opened [${e.label ?? ''}]`;
    case 'vscode-launch':
      return `runs on VS Code Run/Debug [${e.label ?? ''}]${viaText}`;
    case 'git':
      return `runs when git runs in this folder (editors call git on open) [${e.label ?? ''}]`;
    case 'husky':
      return `runs on git hooks via husky [${e.label ?? ''}]`;
    case 'direnv':
      return 'runs when you cd into the folder with direnv allowed';
    case 'devcontainer':
      return `runs when the folder is opened in a dev container [${e.label ?? ''}]`;
    case 'make':
      return `runs on \`make\` [${e.label ?? ''}]`;
    case 'docker':
      return `runs on docker build/compose up [${e.label ?? ''}]`;
    case 'ide-build':
      return `runs when the project is built or opened in its IDE [${e.label ?? ''}]`;
    case 'python':
    case 'pip-install':
      return `runs on ${e.command} [${e.label ?? ''}]`;
  }
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
