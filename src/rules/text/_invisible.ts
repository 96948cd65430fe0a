/**
 * Classifies invisible code points and decodes the encodings payloads use. Pure functions, no rule logic.
 *
 * GlassWorm and "emoji smuggling" map each byte to one invisible variation selector: 0..15 → U+FE00..U+FE0F,
 * 16..255 → U+E0100..U+E01EF. "ASCII smuggling" uses tag characters: U+E0000 + ASCII code.
 */

export type InvisibleClass = 'selector' | 'tag' | 'zero-width' | 'filler' | 'bidi';

/** One global regex for every code point of interest (surrogate pairs spelled out, no /u needed). */
export const INVISIBLE =
  /[\u200B-\u200D\u2060-\u2064\u202A-\u202E\u2066-\u2069\uFE00-\uFE0F\uFEFF\u3164\uFFA0\u115F\u1160\u180E]|\uDB40[\uDC00-\uDDEF]/g;

export function classify(cp: number): InvisibleClass {
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'selector';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  if (cp === 0x3164 || cp === 0xffa0 || cp === 0x115f || cp === 0x1160) return 'filler';
  return 'zero-width';
}

export function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0x3164 ||
    cp === 0xffa0 ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x180e ||
    (cp >= 0xe0000 && cp <= 0xe01ef)
  );
}

/** Code point ending just before `i` (handles a trailing surrogate pair). */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** Letters of scripts that legitimately join with ZWJ/ZWNJ (Arabic, Persian, Indic, ...) or are written right to left. */
export function isComplexScriptLetter(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x1cff && cp !== 0x115f && cp !== 0x1160) || (cp >= 0xa800 && cp <= 0xabff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);
}

/** Rough "emoji or pictograph" test: symbols and pictographs, dingbats, regional indicators, keycap bases. */
export function isEmojiBase(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2190 && cp <= 0x2bff) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x3030 && cp <= 0x303d) ||
    cp === 0x3297 ||
    cp === 0x3299 ||
    cp === 0x00a9 ||
    cp === 0x00ae ||
    cp === 0x2122 ||
    cp === 0x2139 ||
    cp === 0x2049 ||
    cp === 0x203c ||
    cp === 0x20e3 ||
    (cp >= 0x30 && cp <= 0x39) ||
    cp === 0x23 ||
    cp === 0x2a ||
    (cp >= 0x2100 && cp <= 0x214f)
  );
}

export function isCjk(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** Byte value of a variation selector in the GlassWorm / emoji-smuggling scheme, or -1. */
export function selectorByte(cp: number): number {
  if (cp >= 0xfe00 && cp <= 0xfe0f) return cp - 0xfe00;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return cp - 0xe0100 + 16;
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Share of characters that a human would call readable text or code. */
export function printableRatio(s: string): number {
  if (!s.length) return 0;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0xa0 && c !== 0xfffd)) ok++;
  }
  return ok / s.length;
}

/** Decodes a run of selectors as bytes → UTF-8 text. */
export function decodeSelectors(cps: number[]): string {
  const bytes = new Uint8Array(cps.length);
  let n = 0;
  for (const cp of cps) {
    const b = selectorByte(cp);
    if (b >= 0) bytes[n++] = b;
  }
  return utf8.decode(bytes.subarray(0, n));
}

/** Decodes tag characters (U+E0020..U+E007E) as ASCII. */
export function decodeTags(cps: number[]): string {
  let s = '';
  for (const cp of cps) if (cp >= 0xe0020 && cp <= 0xe007e) s += String.fromCharCode(cp - 0xe0000);
  return s;
}

/** A readable rendering of text with invisible characters spelled out, runs folded: `⟦412 × U+FE00..U+E01EF⟧`. */
export function reveal(s: string, max = 240): string {
  let out = '';
  let i = 0;
  while (i < s.length && out.length < max) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      out += s.slice(i, i + w);
      i += w;
      continue;
    }
    let j = i;
    let count = 0;
    let lo = cp;
    let hi = cp;
    while (j < s.length) {
      const c = s.codePointAt(j)!;
      if (!isInvisible(c)) break;
      count++;
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
      j += c > 0xffff ? 2 : 1;
    }
    const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
    out += count === 1 ? `⟦${hex(cp)}⟧` : `⟦${count} × ${lo === hi ? hex(lo) : `${hex(lo)}..${hex(hi)}`}⟧`;
    i = j;
  }
  return i < s.length ? `${out}…` : out;
}
