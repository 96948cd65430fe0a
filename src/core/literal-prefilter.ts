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

/**
 * A necessary literal and how far into a match it may start: `before` is the most code units a match can hold before
 * the literal's first code unit (Infinity: unbounded). With it a literal occurrence at `p` bounds the start of any
 * match that holds it to [p - before, p].
 */
export interface Lit {
  s: string;
  before: number;
  /**
   * What the part of a match before the literal is made of: sources of one-character atoms (`=`, `\s`, `[\w.-]`) that
   * match every code unit there; null: unknown. A match holding an occurrence at `p` then starts no earlier than the run
   * of such code units that ends at p.
   */
  pre: string[] | null;
}
/** A set of literals one of which every match contains; null: no such set known (the RegExp always runs). */
type Req = Lit[] | null;

const MAX_CLASS = 64;

/** Necessary literals of a RegExp with their offsets, case-folded; null when none can be derived. Exported for tests. */
export function necessaryLits(re: RegExp): Lit[] | null {
  const fold = re.flags.includes('i');
  if (fold && (re.flags.includes('u') || re.flags.includes('v'))) return null; // Unicode case folding: not modelled
  if (re.flags.includes('v')) return null;
  try {
    const p = new Parser(re.source, fold, re.flags.includes('u'));
    const req = p.alternation().req;
    if (p.i !== p.src.length) return null;
    if (!req) return null;
    const out = new Map<string, Omit<Lit, 's'>>();
    for (const l of req) {
      const s = lower(l.s);
      const o = out.get(s);
      out.set(s, o ? { before: Math.max(o.before, l.before), pre: joined(o.pre, l.pre) } : { before: l.before, pre: l.pre });
    }
    // A one-letter/digit literal (`[a-p]{32}`, `\b4[0-9AB]…`) is in nearly every text: it would filter nothing and
    // fire the automaton's output check at every other character. Such a RegExp simply runs.
    // (Non-ASCII ones, `\uFEFF`, `\u200B`, are rare: they filter.)
    if (!out.size || [...out.keys()].some((s) => s.length === 0 || (s.length === 1 && /^[\x00-\x7f]$/.test(s) && /[\w\s]/.test(s)))) return null;
    return [...out].map(([s, o]) => ({ s, ...o, pre: o.pre && [...new Set(o.pre)] }));
  } catch {
    return null;
  }
}

/** Necessary literals of a RegExp, case-folded (ASCII A–Z to a–z); null when none can be derived. Exported for tests. */
export function necessaryLiterals(re: RegExp): string[] | null {
  return necessaryLits(re)?.map((l) => l.s) ?? null;
}

/** Words with an occurrence every few lines of code: a sequence's other literal, if any, is the one to look for. */
const COMMON = new Set(['function', 'return', 'require', 'import', 'export', 'constructor', 'prototype', 'length', 'hidden', 'window', 'document', 'object', 'string', 'value', 'this', 'key']);

const lower = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
const joined = (a: string[] | null, b: string[] | null): string[] | null => (a && b ? [...a, ...b] : null);
const shifted = (req: Lit[], by: number, pre: string[] | null): Lit[] =>
  req.map((l) => ({ s: l.s, before: l.before + by, pre: joined(pre, l.pre) }));

/**
 * Items of a sequence: one literal code unit (extends the current literal run), or a sub-pattern's requirement. `max`:
 * the most code units the item can match (Infinity: unbounded). `set`: what it can consume (see Lit.pre); a
 * one-character atom's is its own source, taken by the sequence (undefined here); null: unknown.
 */
type Item = { ch: string } | { req: Req; max: number; zeroWidth?: boolean; set?: string[] | null };

class Parser {
  i = 0;
  /** Most code units one character-matching atom (`.`, `\W`, a class) can match: a surrogate pair in Unicode mode. */
  readonly one: number;
  constructor(
    readonly src: string,
    readonly fold: boolean,
    readonly unicode: boolean,
  ) {
    this.one = unicode ? 2 : 1;
  }

  /** alternative ('|' alternative)*: a match contains a literal of one of the alternatives. */
  alternation(): { req: Req; max: number; set: string[] | null } {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    let req: Req = [];
    let max = 0;
    let set: string[] | null = [];
    for (const a of alts) {
      if (!a.req) req = null;
      else req?.push(...a.req);
      max = Math.max(max, a.max);
      set = joined(set, a.set);
    }
    return { req, max, set };
  }

  sequence(): { req: Req; max: number; set: string[] | null } {
    const candidates: Lit[][] = [];
    let run = '';
    let runStart = 0;
    /** The current run's prefix: the first runPre atoms of seen (-1: unknown). */
    let runPre = 0;
    /** Most code units a match of the sequence holds before the current item, and what they are made of. */
    let pos = 0;
    const seen: string[] = [];
    let unknown = false;
    const see = (set: string[] | null) => {
      if (set === null) unknown = true;
      else if (!unknown) seen.push(...set);
    };
    const flush = () => {
      if (run) candidates.push([{ s: run, before: runStart, pre: runPre < 0 ? null : seen.slice(0, runPre) }]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const at = this.i;
      const item = this.atom();
      const set = 'ch' in item || item.set === undefined ? [this.src.slice(at, this.i)] : item.set;
      const q = this.quantifier();
      if ('ch' in item) {
        if (!q) {
          if (!run) (runStart = pos), (runPre = unknown ? -1 : seen.length);
          run += item.ch;
          pos += 1;
        } else if (q.min === 0) {
          flush();
          pos += q.max;
        } else {
          // `ab+c`: the text holds "ab" and then "bc" (from the last b on).
          if (!run) (runStart = pos), (runPre = unknown ? -1 : seen.length);
          run += item.ch;
          flush();
          run = item.ch;
          runStart = pos + q.max - 1;
          see(set);
          runPre = unknown ? -1 : seen.length;
          pos += q.max;
          continue;
        }
        see(set);
        continue;
      }
      flush();
      if (item.zeroWidth) {
        if (q) throw new Error('quantified assertion');
        continue;
      }
      if (item.req && (!q || q.min > 0)) candidates.push(shifted(item.req, pos, unknown ? null : seen.slice()));
      pos += item.max === 0 || q?.max === 0 ? 0 : item.max * (q ? q.max : 1);
      if (item.max !== 0) see(set);
    }
    flush();
    let best: Lit[] | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      // A word every script is full of (`eval\s*\(\s*function`) is a poor pick: each occurrence is a test to run.
      const score = Math.min(...c.map((l) => (COMMON.has(lower(l.s)) ? 1.5 : l.s.length))) * 1000 - c.length;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    return { req: best, max: pos, set: unknown ? null : seen };
  }

  quantifier(): { min: number; max: number } | null {
    const c = this.src[this.i];
    let min: number;
    let max = Infinity;
    if (c === '*') min = 0;
    else if (c === '?') (min = 0), (max = 1);
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) {
        if (this.unicode) throw new Error('lone brace');
        return null; // a literal '{' (Annex B)
      }
      this.i += m[0].length - 1;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[2] === '' ? Infinity : Number(m[2]);
    } else return null;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy
    return { min, max };
  }

  atom(): Item {
    const c = this.src[this.i]!;
    switch (c) {
      case '^':
      case '$':
        this.i++;
        return { req: null, max: 0, zeroWidth: true };
      case '.':
        this.i++;
        return { req: null, max: this.one };
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
    if (this.fold && ch.charCodeAt(0) > 0x7f) return { req: null, max: this.one };
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
    const { req, max, set } = this.alternation();
    if (this.src[this.i] !== ')') throw new Error('unclosed group');
    this.i++;
    // A look-around consumes nothing: sound to ignore (its literals need not sit next to the sequence's).
    return lookaround ? { req: null, max: 0, zeroWidth: true } : { req, max, set };
  }

  escape(): Item {
    const e = this.src[this.i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    this.i += 2;
    switch (e) {
      case 'b':
      case 'B':
        return { req: null, max: 0, zeroWidth: true };
      case 'd': case 'D': case 'w': case 'W': case 's': case 'S':
        return { req: null, max: this.one };
      case 'k':
        if (this.src[this.i] === '<') {
          const close = this.src.indexOf('>', this.i);
          if (close >= 0) this.i = close + 1;
        }
        return { req: null, max: Infinity, set: null };
      case 'p': case 'P':
        if (this.unicode) throw new Error('property escape');
        return this.literal(e);
      default: {
        if (/[1-9]/.test(e)) {
          while (/[0-9]/.test(this.src[this.i] ?? '')) this.i++;
          return { req: null, max: Infinity, set: null }; // backreference (or a legacy octal escape): not modelled
        }
        const ch = this.escapedChar(e);
        // `\cJ` is read as `\c` then `J`: its source alone is not the atom.
        return ch === null ? { req: null, max: this.one, set: e === 'c' ? null : undefined } : this.literal(ch);
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
    const any = { req: null, max: this.one };
    if (negated || big || !chars.size || chars.size > MAX_CLASS) return any;
    if (this.fold && [...chars].some((ch) => ch.charCodeAt(0) > 0x7f)) return any;
    if (this.unicode && [...chars].some((ch) => { const v = ch.charCodeAt(0); return v >= 0xd800 && v <= 0xdfff; })) return any;
    const folded = [...new Set([...chars].map(lower))];
    if (folded.length === 1) return { ch: [...chars][0]! };
    return { req: folded.map((s) => ({ s, before: 0, pre: [] })), max: 1 };
  }
}

interface Occurrences {
  may: Uint8Array;
  count: Int32Array;
  /** Per RegExp with occurrences: (output k, start) pairs. */
  occ: Array<Int32Array | undefined>;
  firstEnd: Int32Array;
  lastEnd: Int32Array;
}

/** Whether position p of text is inside a surrogate pair (a Unicode-mode search never starts there). */
const midPair = (text: string, p: number): boolean => {
  const c = text.charCodeAt(p);
  if (c < 0xdc00 || c > 0xdfff || p === 0) return false;
  const h = text.charCodeAt(p - 1);
  return h >= 0xd800 && h <= 0xdbff;
};

/**
 * A prefilter memo: each RegExp of the automaton is answered on first `get`, `false` when none of its literals occurs,
 * else by LiteralPrefilter.answer (the same answer `re.test(text)` gives), and kept; any other RegExp is left to the
 * caller (a plain Map entry).
 */
class WindowedMemo extends Map<RegExp, boolean> {
  /** Per RegExp of the automaton: 0 not asked yet, 1 it matches, 2 it does not. Others are kept in the Map itself. */
  private readonly known: Uint8Array;
  constructor(
    private readonly lp: LiteralPrefilter,
    private readonly text: string,
    private readonly occ: Occurrences,
  ) {
    super();
    this.known = new Uint8Array(lp.regexps.length);
  }
  override get(re: RegExp): boolean | undefined {
    const r = this.lp.indexOf(re);
    if (r < 0 || !this.lp.isFiltered(r)) return super.get(re);
    let v = this.known[r]!;
    if (!v) this.known[r] = v = this.occ.may[r] && this.lp.answer(r, this.text, this.occ) ? 1 : 2;
    return v === 1;
  }
  override has(re: RegExp): boolean {
    const r = this.lp.indexOf(re);
    return r >= 0 && this.lp.isFiltered(r) ? true : super.has(re);
  }
}

/**
 * Runs the automaton (see LiteralPrefilter.delta) from state row `s` over text[i..]: the index of the first character
 * that enters a state ending a literal (that state's row in at[0]), or text.length (the row reached in at[0]).
 */
function advance(delta: Int32Array, classOf: Uint8Array | Uint16Array, text: string, i: number, s: number, at: Int32Array): number {
  for (const n = text.length; i < n; i++) {
    const t = delta[s + classOf[text.charCodeAt(i)]!]!;
    if (t < 0) {
      s = -t;
      break;
    }
    s = t;
  }
  // One store for both exits: the end-of-text exit runs once per file, and when it had a store of its own, that store
  // had no type feedback when the loop was compiled on a worker's first long text, so every file's end deoptimised
  // the cached loop code (~200 times on a 900-file repo).
  at[0] = s;
  return i;
}

/** necessaryLits per RegExp (an automaton is built per rule list and kind group). */
const litsOf = new WeakMap<RegExp, Lit[] | null>();

/**
 * Occurrences of a RegExp's literals the scan keeps (the first ones); past them the RegExp runs from the last. A sticky
 * test costs ~0.1 µs, a search over a 2 MB bundle milliseconds: a literal of a common word (`function`, `seed`) has
 * hundreds of occurrences in a bundle that the RegExp does not match.
 */
const MAX_OCC = 1024;
/** The widest window (code units a match may hold before its literal) tested start by start; wider: one search from it. */
const MAX_WINDOW = 64;
/** The longest run of a literal's prefix set (Lit.pre) walked back over; longer: the RegExp runs from the start. */
const MAX_RUN = 256;
/** Sticky tests one answer may make (~0.1 µs each) before the RegExp runs whole instead. */
const MAX_TESTS = 8192;

/** Membership of code units in what one-character atoms (Lit.pre) match, asked of the atoms once per code unit. */
class RunSet {
  private readonly re: RegExp;
  private readonly known = new Uint8Array(65536);
  constructor(atoms: string[], flags: string) {
    this.re = new RegExp(`^(?:${atoms.join('|')})$`, flags.replace(/[gym]/g, ''));
  }
  has(c: number): boolean {
    let v = this.known[c]!;
    if (!v) this.known[c] = v = this.re.test(String.fromCharCode(c)) ? 1 : 2;
    return v === 1;
  }
  /** How many code units of the set end at p (text[p-run .. p-1]), stopping past `limit`. */
  run(text: string, p: number, limit: number): number {
    let q = p;
    while (q > 0 && p - q <= limit && this.has(text.charCodeAt(q - 1))) q--;
    return p - q;
  }
}

/**
 * The Aho-Corasick automaton over every literal of a set of RegExps, as a full DFA on case-folded UTF-16 code units.
 * `scan(text)` returns, for each RegExp, whether it can still match (true: a literal occurs or it has none known), and
 * where: the first occurrences of its literals, each as the range of positions a match holding it can start at.
 */
export class LiteralPrefilter {
  readonly regexps: readonly RegExp[];
  private readonly index = new Map<RegExp, number>();
  /** Per RegExp: whether it has a literal set (false: it always runs). */
  private readonly filtered: Uint8Array;
  /** Per RegExp: its longest literal, and the most code units a match holds before a literal (Infinity: unbounded). */
  private readonly maxLen: Int32Array;
  private readonly maxBefore: Float64Array;
  private readonly classOf: Uint8Array | Uint16Array;
  private readonly classes: number;
  private readonly shift: number;
  /** delta[state * classes + class] = next state * classes, negated when that state ends a literal. */
  private readonly delta: Int32Array;
  /**
   * Literals ending at a state (suffix links merged): outputs of state s are k in outStart[s] .. outStart[s+1], each the
   * RegExp outRe[k], the literal's length outLen[k] and how far before it a match may start, outBefore[k].
   */
  private readonly outStart: Int32Array;
  private readonly outRe: Int32Array;
  private readonly outLen: Int32Array;
  private readonly outBefore: Float64Array;
  /** Per output k whose literal may sit further in than MAX_WINDOW: what the match holds before it (Lit.pre). */
  private readonly outSet: Array<RunSet | undefined>;
  /** Per RegExp: whether each of its literals is within MAX_WINDOW of a match's start or has a prefix set; their union. */
  private readonly windowed: Uint8Array;
  private readonly unionSet: Array<RunSet | undefined>;
  /** Per RegExp: the most a match holds before a literal within MAX_WINDOW. */
  private readonly nearBefore: Int32Array;
  /** Per RegExp, lazily: a sticky and a global copy (tests at a position, and from a position on). */
  private readonly sticky: Array<RegExp | undefined>;
  private readonly global: Array<RegExp | undefined>;
  /** Per RegExp: 1 when it has the u or v flag (a search never starts inside a surrogate pair). */
  private readonly unicode: Uint8Array;

  constructor(regexps: readonly RegExp[]) {
    this.regexps = regexps;
    regexps.forEach((re, r) => this.index.has(re) || this.index.set(re, r));
    const nre = regexps.length;
    this.filtered = new Uint8Array(nre);
    this.maxLen = new Int32Array(nre);
    this.maxBefore = new Float64Array(nre);
    this.sticky = new Array(nre);
    this.global = new Array(nre);
    this.unicode = Uint8Array.from(regexps, (re) => Number(/[uv]/.test(re.flags)));
    this.windowed = new Uint8Array(nre);
    this.unionSet = new Array(nre);
    this.nearBefore = new Int32Array(nre);
    const lits: Array<{ s: string; re: number; before: number; set?: RunSet }> = [];
    const sets = new Map<string, RunSet>();
    const runSet = (atoms: string[], flags: string): RunSet => {
      const key = `${flags.replace(/[gym]/g, '')}/${atoms.join('|')}`;
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new RunSet(atoms, flags)));
      return set;
    };
    regexps.forEach((re, ix) => {
      let l = litsOf.get(re);
      if (l === undefined) litsOf.set(re, (l = necessaryLits(re)));
      if (!l) return;
      this.filtered[ix] = 1;
      let windowed = true;
      const union: string[] = [];
      for (const { s, before, pre } of l) {
        let set: RunSet | undefined;
        if (before > MAX_WINDOW) {
          // A prefix set is walked back code unit by code unit: not in Unicode mode (an atom there may match a pair).
          if (pre && !this.unicode[ix]) (set = runSet(pre, re.flags)), union.push(...pre);
          else windowed = false;
        } else this.nearBefore[ix] = Math.max(this.nearBefore[ix]!, before);
        lits.push({ s, re: ix, before, set });
        this.maxLen[ix] = Math.max(this.maxLen[ix]!, s.length);
        this.maxBefore[ix] = Math.max(this.maxBefore[ix]!, before);
      }
      this.windowed[ix] = Number(windowed);
      if (union.length) this.unionSet[ix] = runSet([...new Set(union)], re.flags);
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
    // Trie (children as (class, state) pairs); outputs are indices into lits.
    const C = this.classes;
    const shift = this.shift;
    const children: number[][] = [[]];
    const outs: number[][] = [[]];
    lits.forEach(({ s }, li) => {
      let st = 0;
      for (let i = 0; i < s.length; i++) {
        const c = alphabet.get(s.charCodeAt(i))!;
        const kids = children[st]!;
        let nx = -1;
        for (let k = 0; k < kids.length; k += 2) if (kids[k] === c) nx = kids[k + 1]!;
        if (nx < 0) {
          nx = children.length;
          children.push([]);
          outs.push([]);
          kids.push(c, nx);
        }
        st = nx;
      }
      outs[st]!.push(li);
    });
    // The DFA, breadth first: a state's row is its suffix link's row (complete: the link is shallower) with its own
    // trie edges over it, one native row copy per state. An entry is the next state * C, negated when that state ends a
    // literal; a state's outputs (its own and its link's) are complete when its parent's row is written.
    const n = children.length;
    const delta = new Int32Array(n * C);
    const link = new Int32Array(n);
    const code = (nx: number) => (outs[nx]!.length ? -(nx * C) : nx * C);
    const queue: number[] = [];
    for (let k = 0, kids = children[0]!; k < kids.length; k += 2) {
      const nx = kids[k + 1]!;
      link[nx] = 0;
      delta[kids[k]!] = code(nx);
      queue.push(nx);
    }
    for (let q = 0; q < queue.length; q++) {
      const st = queue[q]!;
      const lk = link[st]!;
      delta.copyWithin(st * C, lk * C, lk * C + C);
      for (let k = 0, kids = children[st]!; k < kids.length; k += 2) {
        const c = kids[k]!;
        const nx = kids[k + 1]!;
        const l = Math.abs(delta[lk * C + c]!) >> shift;
        link[nx] = l;
        if (outs[l]!.length) outs[nx]!.push(...outs[l]!);
        delta[st * C + c] = code(nx);
        queue.push(nx);
      }
    }
    this.delta = delta;
    this.outStart = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let st = 0; st < n; st++) {
      this.outStart[st] = flat.length;
      flat.push(...outs[st]!);
    }
    this.outStart[n] = flat.length;
    this.outRe = Int32Array.from(flat, (li) => lits[li]!.re);
    this.outLen = Int32Array.from(flat, (li) => lits[li]!.s.length);
    this.outBefore = Float64Array.from(flat, (li) => lits[li]!.before);
    this.outSet = flat.map((li) => lits[li]!.set);
  }

  /** Index of a RegExp in regexps, -1 if absent. */
  indexOf(re: RegExp): number {
    return this.index.get(re) ?? -1;
  }

  /** Whether regexps[r] has a literal set (else it always runs). */
  isFiltered(r: number): boolean {
    return this.filtered[r] === 1;
  }

  /** For each RegExp (same order as given): false when it certainly does not match `text`. */
  scan(text: string): Uint8Array {
    return this.occurrences(text).may;
  }

  /**
   * The scan: `may` as scan() gives it; per RegExp r, `count[r]` occurrences of its literals kept (at most MAX_OCC), the
   * j-th as the automaton output `occ[r][2j]` (which literal) starting at `occ[r][2j + 1]`, and
   * `firstEnd[r]` and `lastEnd[r]`, where the first and the last kept one end (all others end there or later).
   */
  occurrences(text: string): Occurrences {
    const nre = this.regexps.length;
    const o: Occurrences = {
      may: new Uint8Array(nre),
      count: new Int32Array(nre),
      occ: new Array(nre),
      firstEnd: new Int32Array(nre),
      lastEnd: new Int32Array(nre),
    };
    for (let r = 0; r < nre; r++) if (!this.filtered[r]) o.may[r] = 1;
    const { delta, classOf, shift } = this;
    /** States all of whose RegExps have their occurrences kept. */
    const full = new Uint8Array(this.outStart.length);
    const at = new Int32Array(1);
    let s = 0;
    // The automaton runs in a small loop of its own that stops at each state ending a literal: a worker meets its
    // first 2 MB bundle cold, and a loop whose rare branch had no type feedback when it was optimised was deoptimised
    // there and ran ~50 ns a character for its first passes (7 warm).
    for (let i = 0, n = text.length; i < n; i++) {
      i = advance(delta, classOf, text, i, s, at);
      if (i === n) break;
      s = at[0]!;
      const st = s >> shift;
      if (!full[st] && !this.record(o, st, i)) full[st] = 1;
    }
    return o;
  }

  /** Keeps the occurrences of the literals ending at i (state st); false when all of its RegExps have MAX_OCC. */
  private record(o: Occurrences, st: number, i: number): boolean {
    const { outStart, outRe, outLen } = this;
    let open = false;
    for (let k = outStart[st]!, e = outStart[st + 1]!; k < e; k++) {
      const r = outRe[k]!;
      o.may[r] = 1;
      const c = o.count[r]!;
      if (c >= MAX_OCC) continue;
      let b = o.occ[r];
      if (b === undefined) o.occ[r] = b = new Int32Array(64);
      else if (2 * c === b.length) {
        const grown = new Int32Array(4 * c);
        grown.set(b);
        o.occ[r] = b = grown;
      }
      b[2 * c] = k;
      b[2 * c + 1] = i - outLen[k]! + 1;
      o.count[r] = c + 1;
      if (!c) o.firstEnd[r] = i;
      o.lastEnd[r] = i;
      if (c + 1 < MAX_OCC) open = true;
    }
    return open;
  }

  /**
   * A prefilter memo (see prefilterMatches) for `text`: `false` for every RegExp none of whose literals occurs. The
   * others are answered when asked (get), by the RegExp itself but only where a match can be: at each start a kept literal
   * occurrence allows (a sticky test per position), then from past the kept occurrences on. Each answer is the one
   * `re.test(text)` gives: every match holds an occurrence of a literal, and starts at most maxBefore before it.
   */
  memo(text: string | null): Map<RegExp, boolean> {
    if (text === null || this.filtered.indexOf(1) < 0) return new Map();
    return new WindowedMemo(this, text, this.occurrences(text));
  }

  /** Whether regexps[r] matches `text`, searching only where the occurrences allow a match to start. */
  answer(r: number, text: string, occ: Occurrences): boolean {
    const re = this.regexps[r]!;
    const unicode = this.unicode[r] === 1;
    const maxBefore = this.maxBefore[r]!;
    const n = occ.count[r]!;
    const pairs = occ.occ[r]!;
    let from = 0;
    if (this.windowed[r]) {
      const y = (this.sticky[r] ??= new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y'));
      // Positions tested so far, as one interval (windows of nearby occurrences overlap); and a bound on the tests, past
      // which the RegExp simply runs (a text built of near-misses costs at most about one more search).
      let covLo = -1;
      let covHi = -2;
      let budget = MAX_TESTS;
      for (let j = 0; j < n; j++) {
        const k = pairs[2 * j]!;
        const e = pairs[2 * j + 1]!;
        // A match holding this occurrence starts at most outBefore[k] before it, and only over its prefix set.
        let p = Math.max(0, e - this.outBefore[k]!);
        const set = this.outSet[k];
        if (set) {
          const run = set.run(text, e, MAX_RUN);
          if (run > MAX_RUN) {
            re.lastIndex = 0;
            return re.test(text);
          }
          p = Math.max(p, e - run);
        }
        if (p >= covLo && p <= covHi + 1) {
          const next = covHi + 1;
          if (e > covHi) covHi = e;
          p = next;
        } else (covLo = p), (covHi = e);
        if (p <= e && (budget -= e - p + 1) < 0) {
          re.lastIndex = 0;
          return re.test(text);
        }
        for (; p <= e; p++) {
          if (unicode && midPair(text, p)) continue; // a search never starts inside a surrogate pair
          y.lastIndex = p;
          if (y.test(text)) return true;
        }
      }
      if (n < MAX_OCC) return false;
      // Occurrences past the kept ones start at P or later: a match holding one starts at most nearBefore before P, or
      // within the run of the prefix sets' union that ends at P.
      const P = occ.lastEnd[r]! - this.maxLen[r]! + 1;
      from = P - this.nearBefore[r]!;
      const union = this.unionSet[r];
      if (union && P > 0) from = Math.min(from, P - union.run(text, P, Infinity));
    } else if (n) {
      // Every occurrence ends at or after the first one.
      from = occ.firstEnd[r]! - this.maxLen[r]! + 1 - maxBefore;
    }
    if (from <= 0) {
      re.lastIndex = 0;
      return re.test(text);
    }
    if (unicode && midPair(text, from)) from--;
    const g = (this.global[r] ??= new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g'));
    g.lastIndex = from;
    return g.test(text);
  }
}
const byRules = new WeakMap<readonly AnyRule[], { length: number; lp: LiteralPrefilter }>();

/**
 * The prefilter memo for one file (pass it to prefilterMatches): `false` for each RegExp of `rules`' prefilters that
 * cannot match `text`, the others answered when asked (see LiteralPrefilter.memo). One automaton per rule list, over
 * every rule's RegExps (file, js-ast and py-ast rules alike: built once per worker, and a text scanned once whatever
 * its kind).
 */
export function prefilterMemo(rules: readonly AnyRule[], _kind: string, text: string | null): Map<RegExp, boolean> {
  if (text === null) return new Map();
  let entry = byRules.get(rules);
  if (!entry || entry.length !== rules.length) {
    const lp = new LiteralPrefilter([...new Set(rules.flatMap((r) => prefilterRegExps(r.prefilter)))]);
    byRules.set(rules, (entry = { length: rules.length, lp }));
  }
  return entry.lp.regexps.length ? entry.lp.memo(text) : new Map();
}
