/**
 * A small, forgiving reader for the one-line shell commands found in package.json scripts, tasks.json, devcontainer
 * and Makefile recipes. It never runs anything; it only splits commands and words the way sh would, closely enough to
 * name the programs and files a command starts.
 */

/** Splits a command line on `&&`, `||`, `;`, `|`, `&` and newlines outside quotes. Parentheses are dropped. */
export function splitCommands(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (quote) {
      cur += c;
      if (c === '\\' && quote === '"' && i + 1 < cmd.length) cur += cmd[++i];
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      cur += c;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur += c + cmd[++i];
    } else if (c === ';' || c === '\n' || c === '|' || c === '&') {
      // `2>&1` and `>&2` are redirections, not separators.
      if (c === '&' && (cmd[i - 1] === '>' || cmd[i + 1] === '>')) {
        cur += c;
        continue;
      }
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      if ((c === '|' || c === '&') && cmd[i + 1] === c) i++;
    } else if (c === '(' || c === ')') {
      cur += ' ';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Words of one simple command, quotes removed. Redirections (`> file`, `2>/dev/null`) are dropped. */
export function tokenize(cmd: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < cmd.length && /["\\$`]/.test(cmd[i + 1]!)) cur += cmd[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur += cmd[++i];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  // Drop redirections: `>x`, `2>x`, `> x`, `<x`, `>>x`.
  const words: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!;
    if (/^\d*[<>]{1,2}&?\d*$/.test(w)) {
      i++;
      continue;
    }
    if (/^\d*[<>]{1,2}/.test(w)) continue;
    words.push(w);
  }
  return words;
}

/** Program name of a word: `./node_modules/.bin/vite` → `vite`, `C:\x\node.exe` → `node`. */
export function programName(word: string): string {
  const base = word.replace(/\\/g, '/').split('/').pop() ?? word;
  return base.replace(/\.(?:exe|cmd|bat)$/i, '').toLowerCase();
}

const WRAPPERS = new Set(['cross-env', 'env', 'sudo', 'exec', 'time', 'nohup', 'npx', 'bunx', 'pnpx', 'command', 'nice', 'dotenv', 'env-cmd', 'cross-env-shell', 'start', 'call']);

/** Drops leading `VAR=x`, `cross-env`, `npx`, `dotenv --` ... so argv[0] is the program that really runs. */
export function stripWrappers(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length) {
    const w = argv[i]!;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) {
      i++;
      continue;
    }
    const p = programName(w);
    if (WRAPPERS.has(p)) {
      i++;
      // Options of the wrapper (`npx --yes`, `env -i`, `dotenv -e .env --`, `env-cmd -f .env`).
      while (i < argv.length && argv[i]!.startsWith('-')) {
        const opt = argv[i]!;
        i++;
        if (opt === '--') break;
        if ((p === 'dotenv' || p === 'env-cmd') && /^-(?:e|f|c|v)$/.test(opt)) i++;
        if (p === 'npx' && /^(?:-p|--package)$/.test(opt)) i++;
      }
      continue;
    }
    if ((p === 'pnpm' || p === 'yarn') && argv[i + 1] === 'exec') {
      i += 2;
      continue;
    }
    if (p === 'npm' && argv[i + 1] === 'exec') {
      i += 2;
      if (argv[i] === '--') i++;
      continue;
    }
    break;
  }
  return argv.slice(i);
}

/** The commands of a small script file (hook, .envrc): comment and blank lines dropped, first command's line. */
export function scriptBody(text: string, skip: RegExp = /^$/): { command: string; line: number } {
  const lines = text.split('\n');
  const keep: string[] = [];
  let line = 1;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (!t || t.startsWith('#') || skip.test(t)) return;
    if (!keep.length) line = i + 1;
    keep.push(l.replace(/\r$/, ''));
  });
  return { command: keep.join('\n').slice(0, 8000), line };
}
