import { defineRule } from '../../core/rule.js';
import { Lexer, LexState, lexLangOf } from './_lex.js';

/** Editors show a tab as 4 columns (VS Code's default): 38 tabs already push text past a 150-column window. */
const TAB_WIDTH = 4;
/** A run this wide inside a line is never formatting: editors wrap, humans indent with < 40. */
const MIN_WIDTH = 150;
const MIN_RUN = 38;
const CODE_AFTER =
  /^[\s;]*(?:[A-Za-z_$][\w$]*\s*(?:[.[(=]|\?\.)|\(|!|\[|eval\b|Function\b|require\b|import\b|global\b|const\s|let\s|var\s|function\b|async\b|await\b|try\s*\{|new\s|(?:curl|wget|powershell|pwsh|iex|bash|sh|zsh|node|python3?|nohup|cmd)\s)/;
/** JSON whose padded commands the autorun rules report (autorun-hidden-command), with what runs them. */
const AUTORUN_JSON = /(?:^|\/)(?:package\.json|nodemon\.json|\.vscode\/[^/]+\.json|\.devcontainer(?:\/[^/]+)?\.json|devcontainer\.json|[^/]+\.code-workspace)$/;
/** What a padded JSON string value must hold to count: code or a command, not just more words. */
const STRONG_CODE = /\b(?:eval|Function|require|import|child_process|execSync|spawn|process\.\w|curl|wget|bash|powershell|fetch)\b|\/dev\/tcp\//;
/** Prose files: a hidden command there is copy-paste bait, not code that runs. */
const PROSE = new Set(['.md', '.markdown', '.txt', '.rst', '.adoc']);
const MAX_FINDINGS = 20;

/**
 * Runs of at least `min` spaces/tabs, in order, as [start, end). Probes every (min-1)th character (any run of `min`
 * covers a probe) instead of a regex, which would try a match at every blank: ~6x faster on node_modules.
 */
export function* blankRuns(t: string, min: number): Generator<[number, number]> {
  const step = min - 1;
  const n = t.length;
  for (let i = step - 1; i < n; i += step) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 9) continue;
    let s = i;
    while (s > 0) {
      const d = t.charCodeAt(s - 1);
      if (d !== 32 && d !== 9) break;
      s--;
    }
    let e = i + 1;
    while (e < n) {
      const d = t.charCodeAt(e);
      if (d !== 32 && d !== 9) break;
      e++;
    }
    if (e - s >= min) yield [s, e];
    if (e - 1 > i) i = e - 1;
  }
}

function widthOf(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) === 9 ? TAB_WIDTH : 1;
  return w;
}

/** Indentation width of the nearest non-blank line before `lineStart`. */
function previousIndent(text: string, lineStart: number): number {
  let end = lineStart - 1;
  for (let guard = 0; end > 0 && guard < 50; guard++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, Math.min(end, start + 4000));
    const body = line.trimStart();
    if (body.trim().length) return widthOf(line.slice(0, line.length - body.length));
    end = start - 1;
  }
  return 0;
}

export default defineRule({
  id: 'whitespace-hidden-code',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'critical',
    confidence: 'high',
    summary: 'Code hidden after a long run of spaces or tabs, off the right edge of the editor',
    why: 'Lures append their loader after hundreds of spaces (tailwind/postcss/next/jest/webpack configs, App.js, routes) so a reviewer scrolling vertically never sees it; tabs do the same in fewer bytes.',
    fix: 'Do not run the project. Look at the end of this line: that is the payload. Remove it and treat the machine that committed it as compromised.',
    falsePositives:
      'Aligned tables in comments and fixed-width data files have long blank runs, but no code follows them on the same line. Blank runs inside string literals or comments (minified bundles, ASCII art, help text) are ignored: a small lexer tracks strings, template literals, regexes and comments in JS/TS/JSON and Python/shell. Padding inside JSON strings (tasks.json commands, package.json scripts) is left to the autorun rules. A deeply indented line counts only when its indentation jumps by 150+ columns over the line before.',
    references: ['https://opensourcemalware.com/blog/polinrider', 'https://github.com/advisories?query=polinrider', 'CWE-506'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'file',
  // No regex prefilter: blanks are everywhere, so a regex tries a match at each one; blankRuns probes every 37th
  // character instead.
  appliesTo: (f) => f.isText && f.maxLineLength >= MIN_RUN,
  check(ctx, file) {
    const text = file.text!;
    const lang = lexLangOf(file.facts);
    const lexer = new Lexer(text, lang);
    const prose = PROSE.has(file.facts.ext);
    let lineStart = 0;
    let nextNl = text.indexOf('\n');
    let found = 0;
    for (const [start, runEnd] of blankRuns(text, MIN_RUN)) {
      const run = text.slice(start, runEnd);
      const width = widthOf(run);
      if (width < MIN_WIDTH) continue;
      const after = start + run.length;
      const next = text.charCodeAt(after);
      if (Number.isNaN(next) || next === 10 || next === 13) continue; // trailing blanks
      while (nextNl !== -1 && nextNl < start) {
        lineStart = nextNl + 1;
        nextNl = text.indexOf('\n', lineStart);
      }
      if (start === lineStart && width - previousIndent(text, lineStart) < MIN_WIDTH) continue;
      const window = text.slice(after, after + 400);
      const nl = window.search(/\r?\n/);
      const rest = nl === -1 ? window : window.slice(0, nl);
      const jsonCode = file.facts.kind === 'json' && !AUTORUN_JSON.test(file.facts.path) && STRONG_CODE.test(rest);
      if (!CODE_AFTER.test(rest) && !jsonCode) continue;
      if (lang !== 'none') {
        const state = lexer.stateAt(start);
        // In a JSON file everything that matters is a string value: one padded off-screen that holds code (a plural rule
        // later given to new Function, a command) counts too.
        const jsonValue = jsonCode && state === LexState.String;
        if (state !== LexState.Code && !jsonValue) continue;
      }
      const cols = width === run.length ? `${run.length} spaces` : `${run.length} blank characters (~${width} columns)`;
      ctx.report({
        at: { offset: after, length: Math.min(rest.length, 200) },
        message: prose ? `Command hidden after ${cols} in a text file (copy-paste bait)` : `Code hidden after ${cols} on one line`,
        evidence: rest.slice(0, 300),
        ...(prose ? { severity: 'medium' as const, confidence: 'medium' as const } : {}),
      });
      if (++found >= MAX_FINDINGS) break;
    }
  },
});
