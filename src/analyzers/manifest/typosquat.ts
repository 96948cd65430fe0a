/**
 * Typosquat detection against the popular-name lists: one edit (insert/delete/substitute/transpose), homoglyphs,
 * separator and scope tricks, and lure suffixes (-js, -validator, -helper, -util …) on a popular name — for names that
 * are not themselves popular.
 */
import type { Ecosystem } from './types.js';
import { popular } from './data.js';
import { pep503 } from './pypi.js';

export interface Squat {
  target: string;
  how: string;
  /** A letter added or removed at the very start ("dtslint" / "tslint") is how honest names are coined too. */
  weak?: boolean;
}

// Only the head of the list is worth impersonating, and short names have too many honest neighbours.
const EDIT_TARGET_RANK = { npm: 3000, pypi: 3000 } as const;
/** Names of 6+ characters are compared with the whole list. */
const LONG_NAME = 6;
const MIN_EDIT_LEN = 5;
const SUFFIXES = ['-js', '.js', 'js', '-validator', '-validators', '-helper', '-helpers', '-util', '-utils', '-lib', '-pack', '-package', '-dependency', '-node', '-api', '-loggers', '-logger', '-plugin', '-core', '-tool', '-tools'];
const HOMOGLYPHS: Array<[RegExp, string]> = [[/rn/g, 'm'], [/vv/g, 'w'], [/0/g, 'o'], [/1/g, 'l'], [/i/g, 'l'], [/5/g, 's'], [/3/g, 'e'], [/cl/g, 'd']];

/**
 * Popular names of each length that are worth an edit-distance comparison (5+ characters; of 5, only the head of the
 * list), with their ranks; built on first use. Scanning a bucket with oneEditApart costs a few µs per dependency,
 * where the symmetric-deletion index this replaced cost ~0.2 s of the main thread to build on a scan's first lookup.
 */
const byLength = new Map<Ecosystem, Map<number, Array<[string, number]>>>();

function lengthBuckets(eco: Ecosystem): Map<number, Array<[string, number]>> {
  let m = byLength.get(eco);
  if (m) return m;
  m = new Map();
  popular(eco).names.forEach((n, rank) => {
    if (n.length < MIN_EDIT_LEN || (n.length < LONG_NAME && rank >= EDIT_TARGET_RANK[eco])) return;
    const list = m!.get(n.length);
    if (list) list.push([n, rank]);
    else m!.set(n.length, [[n, rank]]);
  });
  byLength.set(eco, m);
  return m;
}

/**
 * Whether a and b are exactly one edit apart: one character substituted, inserted or deleted, or two adjacent
 * characters swapped (optimal string alignment distance 1). Linear: past the common prefix, the rests must agree.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la !== lb) return a.startsWith(b.slice(i), i + 1); // a has one extra character at i
  if (i === la) return false; // equal
  if (a.startsWith(b.slice(i + 1), i + 1)) return true; // substitution at i
  return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.startsWith(b.slice(i + 2), i + 2); // swap of i, i+1
}

const squashSep = (s: string) => s.replace(/[-_.@/]/g, '');
const unglyph = (s: string) => HOMOGLYPHS.reduce((acc, [re, to]) => acc.replace(re, to), s);

/** key(name) → the best-ranked popular name with that key, over the first `limit` names of the list (in rank order). */
function squashedIndex(eco: Ecosystem, key: (s: string) => string, limit = Infinity): Map<string, string> {
  const m = new Map<string, string>();
  const names = popular(eco).names;
  for (let i = 0; i < names.length && i < limit; i++) {
    const n = names[i]!;
    const s = key(n);
    if (!m.has(s)) m.set(s, n);
  }
  return m;
}
const sepIdx = new Map<Ecosystem, Map<string, string>>();
const glyphIdx = new Map<Ecosystem, Map<string, string>>();

export function isPopular(eco: Ecosystem, name: string): boolean {
  return popular(eco).rank.has(eco === 'pypi' ? pep503(name) : name);
}

let scopes: Set<string> | undefined;
/** Scopes that own at least one popular npm package ("@types", "@babel", "@jest", ...). */
function popularScopes(): Set<string> {
  return (scopes ??= new Set(popular('npm').names.filter((n) => n.startsWith('@')).map((n) => n.slice(0, n.indexOf('/')))));
}

/** A scoped npm name whose scope also publishes popular packages: only that owner can publish there. */
export function inPopularScope(name: string): boolean {
  return name.startsWith('@') && name.includes('/') && popularScopes().has(name.slice(0, name.indexOf('/')));
}

export function findSquat(eco: Ecosystem, rawName: string): Squat | null {
  const name = eco === 'pypi' ? pep503(rawName) : rawName;
  const pop = popular(eco);
  if (!pop.names.length || pop.rank.has(name)) return null;
  if (/[^\x00-\x7f]/.test(name)) return { target: name.normalize('NFKD').replace(/[^\x00-\x7f]/g, ''), how: 'non-ASCII characters in the name' };

  // npm scope tricks: "@types/node" → "types-node"/"typesnode"; "@scope/react" stays legitimate (scoped forks are common).
  if (eco === 'npm' && !name.startsWith('@')) {
    if (!sepIdx.has(eco)) sepIdx.set(eco, squashedIndex(eco, squashSep));
    const hit = sepIdx.get(eco)!.get(squashSep(name));
    // "babel-cli" / "@babel/cli", "rollup-plugin-babel" / "@rollup/plugin-babel": most are the project's own pre-scope
    // names, so this shape alone is weak evidence.
    if (hit && hit !== name) return hit.startsWith('@') ? { target: hit, how: 'scope dropped into the name', weak: true } : { target: hit, how: 'separator changed' };
  }
  // homoglyphs: "1odash", "rnongoose"
  // Only a name of the list's head is answered, so only the head is indexed: the best-ranked name with a key is the
  // same either way, and eight replaces over all ~40k names took 30 ms of the main thread on a scan's first lookup.
  if (!glyphIdx.has(eco)) glyphIdx.set(eco, squashedIndex(eco, unglyph, EDIT_TARGET_RANK[eco]));
  const glyph = glyphIdx.get(eco)!.get(unglyph(name));
  if (glyph && glyph !== name) return { target: glyph, how: 'look-alike characters' };

  // An npm scope belongs to one owner: "@types/mssql" beside "@types/mysql", "@jest/test-utils" beside "jest" are
  // published by the same organisation that owns the popular name's scope, so edits and suffixes prove nothing there.
  if (eco === 'npm' && name.startsWith('@') && popularScopes().has(name.slice(0, name.indexOf('/')))) return null;

  // suffixes on a popular name: "tslib-util", "is-buffer-validator", "pino-loggers"
  const base = name.replace(/^@[^/]+\//, '');
  for (const suf of SUFFIXES) {
    if (!base.endsWith(suf) || base.length - suf.length < 3) continue;
    const stem = base.slice(0, -suf.length);
    const r = pop.rank.get(stem);
    if (r !== undefined && r < EDIT_TARGET_RANK[eco] && stem.length >= 4) return { target: stem, how: `popular name with the suffix "${suf}"` };
    // "pinno-loggers": a misspelt popular name plus a suffix
    if (r === undefined && stem.length >= 4) {
      const near = pop.names.slice(0, EDIT_TARGET_RANK[eco]).find((n) => n.length >= 4 && oneEditApart(n, stem));
      if (near) return { target: near, how: `misspelt popular name with the suffix "${suf}"` };
    }
  }

  // one edit away from a top name
  if (base.length >= MIN_EDIT_LEN) {
    let best: string | null = null;
    let bestRank = Infinity;
    // One edit changes the length by at most one: only those three buckets can hold a candidate.
    const buckets = lengthBuckets(eco);
    for (const len of [name.length - 1, name.length, name.length + 1]) {
      for (const [cand, rank] of buckets.get(len) ?? []) {
        if (rank < bestRank && oneEditApart(cand, name)) [best, bestRank] = [cand, rank];
      }
    }
    if (best) {
      const how = best.length === name.length && [...best].sort().join('') === [...name].sort().join('') ? 'swapped letters' : best.length + 1 === name.length && /(.)\1/.test(name) ? 'doubled letter' : 'one character different';
      // "markdownlint-cli2" beside "markdownlint-cli": a successor named by its major version, an honest habit.
      if (name.length === best.length + 1 && name.startsWith(best) && /[^\d]\d$/.test(name)) return { target: best, how: 'a version digit appended', weak: true };
      const weak = best.length !== name.length && (best.slice(1) === name || name.slice(1) === best);
      return { target: best, how: weak ? 'one character added or removed at the start' : how, weak };
    }
  }
  return null;
}

/**
 * A popular multi-word name with one word slipped in front or in the middle ("krasulya-lightweight-charts",
 * "tailwindcss-style-animate") or its words reordered. Appending a word is left out: "<popular>-<addon>" is how honest
 * plugins and wrappers are named. Weak alone (forks are named so too); rules use it together with other signals.
 */
export function findWordLookalike(eco: Ecosystem, rawName: string): Squat | null {
  if (eco !== 'npm' || rawName.startsWith('@')) return null;
  const pop = popular(eco);
  if (pop.rank.has(rawName)) return null;
  const words = rawName.split(/[-_.]/).filter(Boolean);
  if (words.length < 2 || words.length > 8) return null;
  const isTarget = (n: string) => {
    const r = pop.rank.get(n);
    return r !== undefined && r < EDIT_TARGET_RANK.npm && n.length >= 8;
  };
  for (let i = 0; words.length >= 3 && i < words.length - 1; i++) {
    const rest = [...words.slice(0, i), ...words.slice(i + 1)].join('-');
    if (isTarget(rest)) return { target: rest, how: i === 0 ? `the word "${words[i]}" put in front of a popular name` : `the word "${words[i]}" slipped into a popular name`, weak: true };
  }
  wordIdx ??= (() => {
    const m = new Map<string, string>();
    pop.names.slice(0, EDIT_TARGET_RANK.npm).forEach((n) => {
      if (n.startsWith('@')) return;
      const w = n.split(/[-_.]/).filter(Boolean);
      if (w.length >= 2) m.set([...w].sort().join('-'), n);
    });
    return m;
  })();
  const reordered = wordIdx.get([...words].sort().join('-'));
  if (reordered && reordered !== rawName) return { target: reordered, how: 'the words of a popular name reordered', weak: true };
  return null;
}
let wordIdx: Map<string, string> | undefined;

/**
 * A name that reads like a popular package listed beside it in the same manifest: the two part mid-word after sharing
 * at least three letters of that word ("vite-tsconsole-log" beside "vite-tsconfig-paths"). Names that share whole
 * words ("vite-plugin-svg-icons" / "vite-plugin-svgr") or only their first word are how families are named.
 * Measured on 3,130 unpopular dependencies of 1,085 real manifests: one honest hit outside popular scopes
 * ("vue-loading-overlay" beside "vue-loader"). Weak alone; rules use it with other signals.
 */
export function findSiblingLookalike(name: string, siblings: Iterable<string>): Squat | null {
  if (isPopular('npm', name)) return null;
  for (const o of siblings) {
    if (o === name || !isPopular('npm', o)) continue;
    let i = 0;
    while (i < name.length && i < o.length && name[i] === o[i]) i++;
    if (i >= name.length || i >= o.length) continue;
    const start = Math.max(name.lastIndexOf('-', i - 1), name.lastIndexOf('/', i - 1), name.lastIndexOf('.', i - 1), name.lastIndexOf('_', i - 1)) + 1;
    if (start === 0 || i - start < 3) continue;
    if (/[-_./]/.test(name[i]!) || /[-_./]/.test(o[i]!)) continue;
    return { target: o, how: 'listed beside it in the same manifest', weak: true };
  }
  return null;
}
