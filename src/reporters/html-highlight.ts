/** A small line-at-a-time highlighter for code frames: enough to read a payload, never a parser (nothing is run). */

export type Lang = 'js' | 'py' | 'sh' | 'plain';
interface Token {
  start: number;
  end: number;
  cls: string;
}

const JS_KW = new Set(
  'await async break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield require eval true false null undefined'.split(
    ' ',
  ),
);
const PY_KW = new Set(
  'and as assert async await break class continue def del elif else except exec finally for from global if import in is lambda nonlocal not or pass raise return try while with yield True False None eval compile __import__'.split(' '),
);
const SH_KW = new Set('if then else elif fi for do done while case esac function in curl wget bash sh eval exec node python python3 base64 chmod'.split(' '));

export function langOf(path: string): Lang {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (/\.(m|c)?(j|t)sx?$|\.json5?$|\.vue$|\.svelte$/.test(name)) return 'js';
  if (/\.pyw?$|\.pth$/.test(name)) return 'py';
  if (/\.(sh|bash|zsh|ps1|cmd|bat)$|^(makefile|dockerfile|\.envrc)$|^pre-commit$|^post-/.test(name)) return 'sh';
  return 'plain';
}

const STRING_RE = /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?/y;
const NUMBER_RE = /0x[0-9a-f]+|\d+(?:\.\d+)?(?:e[+-]?\d+)?/iy;
const WORD_RE = /[A-Za-z_$][\w$]*/y;

export function tokenize(line: string, lang: Lang): Token[] {
  if (lang === 'plain') return [];
  const kw = lang === 'js' ? JS_KW : lang === 'py' ? PY_KW : SH_KW;
  const out: Token[] = [];
  let i = 0;
  const n = line.length;
  // Bound the work on hostile lines: frames are folded to ~160 columns, but a hand-made report may not be.
  const limit = Math.min(n, 4000);
  while (i < limit) {
    const ch = line[i]!;
    if ((lang === 'js' && ch === '/' && line[i + 1] === '/') || ((lang === 'py' || lang === 'sh') && ch === '#')) {
      out.push({ start: i, end: n, cls: 'c' });
      break;
    }
    if (lang === 'js' && ch === '/' && line[i + 1] === '*') {
      const e = line.indexOf('*/', i + 2);
      const end = e === -1 ? n : e + 2;
      out.push({ start: i, end, cls: 'c' });
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'" || (ch === '`' && lang !== 'py')) {
      STRING_RE.lastIndex = i;
      const m = STRING_RE.exec(line);
      const end = m ? i + m[0].length : n;
      out.push({ start: i, end, cls: 's' });
      i = end;
      continue;
    }
    if (/[0-9]/.test(ch) && !/[\w$]/.test(line[i - 1] ?? '')) {
      NUMBER_RE.lastIndex = i;
      const m = NUMBER_RE.exec(line);
      if (m) {
        out.push({ start: i, end: i + m[0].length, cls: 'n' });
        i += m[0].length;
        continue;
      }
    }
    if (/[A-Za-z_$]/.test(ch)) {
      WORD_RE.lastIndex = i;
      const m = WORD_RE.exec(line)!;
      if (kw.has(m[0])) out.push({ start: i, end: i + m[0].length, cls: 'k' });
      i += m[0].length;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * HTML for one frame line: highlighted tokens, with [from, to) wrapped in <mark class="ev"> (the evidence).
 * `show` turns a raw piece into safe HTML (sanitize + escape).
 */
export function highlightLine(line: string, lang: Lang, from: number, to: number, show: (s: string) => string): string {
  const tokens = tokenize(line, lang);
  const cuts = new Set<number>([0, line.length]);
  for (const t of tokens) cuts.add(t.start).add(t.end);
  if (to > from) cuts.add(Math.max(0, Math.min(from, line.length))).add(Math.max(0, Math.min(to, line.length)));
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  let inMark = false;
  let ti = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const s = points[p]!;
    const e = points[p + 1]!;
    if (s === e) continue;
    const ev = s >= from && e <= to && to > from;
    if (ev && !inMark) {
      html += '<mark class="ev">';
      inMark = true;
    } else if (!ev && inMark) {
      html += '</mark>';
      inMark = false;
    }
    while (ti < tokens.length && tokens[ti]!.end <= s) ti++;
    const tok = tokens[ti] && tokens[ti]!.start <= s && tokens[ti]!.end >= e ? tokens[ti] : undefined;
    const text = show(line.slice(s, e));
    html += tok ? `<span class="t${tok.cls}">${text}</span>` : text;
  }
  if (inMark) html += '</mark>';
  return html;
}
