/**
 * One pass over a file's text instead of one regex pass per prefilter RegExp (a lure repo: ~55 RegExps × every JS file).
 *
 * Each prefilter RegExp is reduced to its *necessary literals*: strings of which every match of the RegExp contains at
 * least one (`/_0x[0-9a-f]{4}|fromCharCode|\batob\b/` → `_0x`, `fromcharcode`, `atob`), compared case-folded (ASCII).
 * A single Aho-Corasick scan of the text finds which of all these literals occur; a RegExp none of whose literals
 * occurs cannot match, so its answer is `false` without running it. Every other RegExp (one whose literal occurs, or
 * one the extractor does not understand) is left to the regex engine as before, so each prefilter decision is exactly
 * the one the RegExp itself gives: the scan only skips tests that are certain to fail.
 *
 * The extractor is conservative: anything it does not model (the `u`/`v` flags with `i`, backreferences, large or
 * negated classes, `.`) counts as "matches anything here" and at worst leaves the RegExp to run.
 */

import { prefilterRegExps, type AnyRule } from './rule.js';

/** A set of strings one of which every match contains; null: no such set known (the RegExp always runs). */
type Req = string[] | null;

const MAX_CLASS = 64;

/** Necessary literals of a RegExp, case-folded (ASCII A–Z to a–z); null when none can be derived. Exported for tests. */
export function necessaryLiterals(re: RegExp): string[] | null {
  const fold = re.flags.includes('i');
  if (fold && (re.flags.includes('u') || re.flags.includes('v'))) return null; // Unicode case folding: not modelled
  if (re.flags.includes('v')) return null;
  try {
    const p = new Parser(re.source, fold, re.flags.includes('u'));
    const req = p.alternation();
    if (p.i !== p.src.length) return null;
    if (!req) return null;
    const out = [...new Set(req.map(lower))];
    // A one-letter/digit literal (`[a-p]{32}`, `\b4[0-9AB]…`) is in nearly every text: it would filter nothing and
    // fire the automaton's output check at every other character. Such a RegExp simply runs.
    if (!out.length || out.some((s) => s.length === 0 || (s.length === 1 && /[\w\s]/.test(s)))) return null;
    return out;
  } catch {
    return null;
  }
}

const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));

/** Items of a sequence: one literal code unit (extends the current literal run), or a sub-pattern's requirement. */
type Item = { ch: string } | { req: Req; zeroWidth?: boolean };

class Parser {
  i = 0;
  constructor(
    readonly src: string,
    readonly fold: boolean,
    readonly unicode: boolean,
  ) {}

  /** alternative ('|' alternative)*: a match contains a literal of one of the alternatives. */
  alternation(): Req {
    const alts: Req[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    const out: string[] = [];
    for (const a of alts) {
      if (!a) return null;
      out.push(...a);
    }
    return out;
  }

  sequence(): Req {
    const candidates: string[][] = [];
    let run = '';
    const flush = () => {
      if (run) candidates.push([run]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const item = this.atom();
      const q = this.quantifier();
      if ('ch' in item) {
        if (!q) run += item.ch;
        else if (q.min === 0) {
          flush();
        } else {
          // `ab+c`: the text holds "ab" and then "bc".
          run += item.ch;
          flush();
          run = item.ch;
        }
        continue;
      }
      flush();
      if (item.zeroWidth) {
        if (q) throw new Error('quantified assertion');
        continue;
      }
      if (item.req && (!q || q.min > 0)) candidates.push(item.req);
    }
    flush();
    let best: string[] | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      const score = Math.min(...c.map((s) => s.length)) * 1000 - c.length;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    return best;
  }

  quantifier(): { min: number } | null {
    const c = this.src[this.i];
    let min: number;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        if (this.unicode) throw new Error('lone brace');
        return null; // a literal '{' (Annex B)
      }
      this.i += m[0].length - 1;
      min = Number(m[1]);
    } else return null;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy
    return { min };
  }

  atom(): Item {
    const c = this.src[this.i]!;
    switch (c) {
      case '^':
      case '$':
        this.i++;
        return { req: null, zeroWidth: true };
      case '.':
        this.i++;
        return { req: null };
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new Error('nothing to repeat');
      default:
        this.i++;
        return this.literal(c);
    }
  }

  /** One literal code unit; under `i` a non-ASCII one may match other case forms: not a literal then. */
  literal(ch: string): Item {
    if (this.fold && ch.charCodeAt(0) > 0x7f) return { req: null };
    return { ch };
  }

  group(): Item {
    this.i++; // (
    let lookaround = false;
    if (this.src[this.i] === '?') {
      const rest = this.src.slice(this.i, this.i + 3);
      if (rest.startsWith('?:')) this.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) (this.i += 2), (lookaround = true);
      else if (rest === '?<=' || rest === '?<!') (this.i += 3), (lookaround = true);
      else if (rest.startsWith('?<')) {
        const close = this.src.indexOf('>', this.i);
        if (close < 0) throw new Error('bad group name');
        this.i = close + 1;
      } else throw new Error('unsupported group');
    }
    const req = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    // A look-around consumes nothing: sound to ignore (its literals need not sit next to the sequence's).
    return lookaround ? { req: null, zeroWidth: true } : { req };
  }

  escape(): Item {
    const e = this.src[this.i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    this.i += 2;
    switch (e) {
      case 'b':
      case 'B':
        return { req: null, zeroWidth: true };
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return { req: null };
      case 'k':
        if (this.src[this.i] === '<') {
          const close = this.src.indexOf('>', this.i);
          if (close >= 0) this.i = close + 1;
        }
        return { req: null };
      case 'p': case 'P':
        if (this.unicode) throw new Error('property escape');
        return this.literal(e);
      default: {
        if (/[1-9]/.test(e)) {
          while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
          return { req: null }; // backreference (or a legacy octal escape): not modelled
        }
        const ch = this.escapedChar(e);
        return ch === null ? { req: null } : this.literal(ch);
      }
    }
  }

  /** The code unit an escape outside \d\w\s\b\k and backreferences stands for (after `\` and `e`); null: unknown. */
  escapedChar(e: string): string | null {
    switch (e) {
      case 't': return '\t';
      case 'n': return '\n';
      case 'r': return '\r';
      case 'v': return '\v';
      case 'f': return '\f';
      case '0':
        if (/[0-9]/.test(this.src[this.i] ?? '')) return null; // legacy octal
        return '\0';
      case 'c': return null;
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i, this.i + 2));
        if (!m) return this.unicode ? null : 'x';
        this.i += 2;
        return String.fromCharCode(parseInt(m[0], 16));
      }
      case 'u': {
        if (this.src[this.i] === '{') {
          // Outside Unicode mode `\u{3}` is a `u` repeated (Annex B); a code point escape in it: not a code unit.
          return this.unicode ? null : 'u';
        }
        const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i, this.i + 4));
        if (!m) return this.unicode ? null : 'u';
        this.i += 4;
        const v = parseInt(m[0], 16);
        // In Unicode mode a surrogate pair escape is one code point: not a code unit literal.
        if (this.unicode && v >= 0xd800 && v <= 0xdfff) return null;
        return String.fromCharCode(v);
      }
      default:
        return e;
    }
  }

  charClass(): Item {
    this.i++; // [
    let negated = false;
    if (this.src[this.i] === '^') (negated = true), this.i++;
    const chars = new Set<string>();
    let big = false;
    const single = (): string | null => {
      const c = this.src[this.i]!;
      if (c === undefined) throw new Error('unclosed class');
      if (c !== '\\') {
        this.i++;
        return c;
      }
      const e = this.src[this.i + 1];
      if (e === undefined) throw new Error('unclosed class');
      this.i += 2;
      if ('dDwWsSpP'.includes(e)) {
        if ((e === 'p' || e === 'P') && this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
        big = true;
        return null;
      }
      if (e === 'b') return '\b';
      if (e === '-') return '-';
      if (/[1-9]/.test(e)) {
        while (/[0-7]/.test(this.src[this.i] ?? '')) this.i++;
        big = true; // legacy octal in a class: not modelled
        return null;
      }
      return this.escapedChar(e) ?? ((big = true), null);
    };
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Error('unclosed class');
      const lo = single();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && lo !== null) {
        this.i++;
        const hi = single();
        if (hi === null) {
          chars.add(lo);
          chars.add('-');
          continue;
        }
        const a = lo.charCodeAt(0);
        const b = hi.charCodeAt(0);
        if (b < a) throw new Error('range out of order');
        if (b - a >= MAX_CLASS) big = true;
        else for (let x = a; x <= b; x++) chars.add(String.fromCharCode(x));
      } else if (lo !== null) chars.add(lo);
    }
    this.i++; // ]
    if (negated || big || !chars.size || chars.size > MAX_CLASS) return { req: null };
    if (this.fold && [...chars].some((ch) => ch.charCodeAt(0) > 0x7f)) return { req: null };
    if (this.unicode && [...chars].some((ch) => { const v = ch.charCodeAt(0); return v >= 0xd800 && v <= 0xdfff; })) return { req: null };
    const folded = [...new Set([...chars].map(lower))];
    if (folded.length === 1) return { ch: [...chars][0]! };
    return { req: folded };
  }
}

/**
 * The Aho-Corasick automaton over every literal of a set of RegExps, as a full DFA on case-folded UTF-16 code units.
 * `scan(text)` returns, for each RegExp, whether it can still match (true: a literal occurs or it has none known).
 */
export class LiteralPrefilter {
  readonly regexps: readonly RegExp[];
  /** Per RegExp: whether it has a literal set (false: it always runs). */
  private readonly filtered: Uint8Array;
  private readonly classOf: Uint8Array | Uint16Array;
  private readonly classes: number;
  private readonly shift: number;
  /** delta[state * classes + class] = next state * classes, negated when that state ends a literal. */
  private readonly delta: Int32Array;
  /** RegExp indices whose literal ends at a state (suffix links merged): outputs of state s are outIx[outStart[s] .. outStart[s+1]). */
  private readonly outStart: Int32Array;
  private readonly outIx: Int32Array;

  constructor(regexps: readonly RegExp[]) {
    this.regexps = regexps;
    this.filtered = new Uint8Array(regexps.length);
    const lits: Array<{ s: string; re: number }> = [];
    regexps.forEach((re, ix) => {
      const l = necessaryLiterals(re);
      if (!l) return;
      this.filtered[ix] = 1;
      for (const s of l) lits.push({ s, re: ix });
    });
    // Alphabet: every code unit of a literal (folded); upper-case ASCII shares its lower-case class.
    const alphabet = new Map<number, number>();
    for (const { s } of lits) for (let i = 0; i < s.length; i++) if (!alphabet.has(s.charCodeAt(i))) alphabet.set(s.charCodeAt(i), alphabet.size + 1);
    // Rows padded to a power of two: a state's index is its row offset shifted, no division in the scan loop.
    this.shift = Math.ceil(Math.log2(alphabet.size + 1));
    this.classes = 1 << this.shift;
    const classOf = this.classes <= 256 ? new Uint8Array(65536) : new Uint16Array(65536);
    for (const [code, cls] of alphabet) {
      classOf[code] = cls;
      if (code >= 97 && code <= 122) classOf[code - 32] = cls;
    }
    this.classOf = classOf;
    // Trie.
    const C = this.classes;
    const go: Int32Array[] = [new Int32Array(C).fill(-1)];
    const outs: number[][] = [[]];
    for (const { s, re } of lits) {
      let st = 0;
      for (let i = 0; i < s.length; i++) {
        const c = alphabet.get(s.charCodeAt(i))!;
        let nx = go[st]![c]!;
        if (nx < 0) {
          nx = go.length;
          go.push(new Int32Array(C).fill(-1));
          outs.push([]);
          go[st]![c] = nx;
        }
        st = nx;
      }
      if (!outs[st]!.includes(re)) outs[st]!.push(re);
    }
    // Breadth-first suffix links, completing the DFA (missing edges follow the link).
    const n = go.length;
    const link = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < C; c++) {
      const nx = go[0]![c]!;
      if (nx < 0) go[0]![c] = 0;
      else {
        link[nx] = 0;
        queue.push(nx);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q]!;
      for (const r of outs[link[st]!]!) if (!outs[st]!.includes(r)) outs[st]!.push(r);
      for (let c = 0; c < C; c++) {
        const nx = go[st]![c]!;
        if (nx < 0) go[st]![c] = go[link[st]!]![c]!;
        else {
          link[nx] = go[link[st]!]![c]!;
          queue.push(nx);
        }
      }
    }
    this.delta = new Int32Array(n * C);
    for (let st = 0; st < n; st++) {
      for (let c = 0; c < C; c++) {
        const nx = go[st]![c]!;
        this.delta[st * C + c] = outs[nx]!.length ? -(nx * C) : nx * C;
      }
    }
    this.outStart = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let st = 0; st < n; st++) {
      this.outStart[st] = flat.length;
      flat.push(...outs[st]!);
    }
    this.outStart[n] = flat.length;
    this.outIx = Int32Array.from(flat);
  }

  /** For each RegExp (same order as given): false when it certainly does not match `text`. */
  scan(text: string): Uint8Array {
    const may = new Uint8Array(this.regexps.length);
    for (let r = 0; r < may.length; r++) if (!this.filtered[r]) may[r] = 1;
    const { delta, classOf, outStart, outIx, shift } = this;
    const seen = new Uint8Array(outStart.length);
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      let t = delta[s + classOf[text.charCodeAt(i)]!]!;
      if (t < 0) {
        t = -t;
        const st = t >> shift;
        if (!seen[st]) {
          seen[st] = 1;
          for (let k = outStart[st]!, e = outStart[st + 1]!; k < e; k++) may[outIx[k]!] = 1;
        }
      }
      s = t;
    }
    return may;
  }

  /**
   * A prefilter memo (see prefilterMatches) for `text`, holding `false` for every RegExp that cannot match it; the
   * others are left out, so the regex engine still answers them.
   */
  memo(text: string | null): Map<RegExp, boolean> {
    const memo = new Map<RegExp, boolean>();
    if (text === null || this.filtered.indexOf(1) < 0) return memo;
    const may = this.scan(text);
    for (let r = 0; r < may.length; r++) if (!may[r]) memo.set(this.regexps[r]!, false);
    return memo;
  }
}

/**
 * Which rules' prefilters a text of this kind can be asked (analyzeFile's order: file rules on every text, js-ast
 * rules on js/ts, py-ast rules on python): each kind gets an automaton over just those RegExps.
 */
type Group = 'file' | 'js' | 'py';
const groupOf = (kind: string): Group => (kind === 'js' || kind === 'ts' ? 'js' : kind === 'python' ? 'py' : 'file');

const byRules = new WeakMap<readonly AnyRule[], { length: number; groups: Map<Group, LiteralPrefilter> }>();

/**
 * The prefilter memo for one file (pass it to prefilterMatches): `false` for each RegExp of `rules`' prefilters that a
 * text of `kind` may be asked and that cannot match `text`; nothing for the others (the regex engine answers them).
 * Automata are built once per rule list and kind group.
 */
export function prefilterMemo(rules: readonly AnyRule[], kind: string, text: string | null): Map<RegExp, boolean> {
  if (text === null) return new Map();
  let entry = byRules.get(rules);
  if (!entry || entry.length !== rules.length) byRules.set(rules, (entry = { length: rules.length, groups: new Map() }));
  const group = groupOf(kind);
  let lp = entry.groups.get(group);
  if (!lp) {
    const inputs = group === 'js' ? ['file', 'js-ast'] : group === 'py' ? ['file', 'py-ast'] : ['file'];
    lp = new LiteralPrefilter([...new Set(rules.filter((r) => inputs.includes(r.input)).flatMap((r) => prefilterRegExps(r.prefilter)))]);
    entry.groups.set(group, lp);
  }
  return lp.regexps.length ? lp.memo(text) : new Map();
}
