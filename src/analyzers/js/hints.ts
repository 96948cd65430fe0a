/**
 * Shared prefilter pieces for the JS rules (see Rule.prefilter). Each is one RegExp object, tested at most once per
 * file however many rules list it.
 */

/**
 * Obfuscation escape hatch: text that may hide any keyword from a literal prefilter — obfuscator.io names, char-code
 * and code-point builders, `\x`/`\u` escapes of printable ASCII (in strings or identifiers: `requir\u0065`), base64,
 * hex and URI decoding, and the split('')/reverse() idiom. A rule whose prefilter names the words it needs lists this
 * as an alternative (`[[WORDS, OBFUSCATION_HATCH]]`) so an encoded payload is still parsed.
 */
export const OBFUSCATION_HATCH =
  /_0x[0-9a-f]{4}|fromCharCode|fromCodePoint|\\x[0-9a-fA-F]{2}|\\u00[2-7][0-9a-fA-F]|\\u\{|\batob\b|base64|decodeURI|unescape|hex['"]|\.split\(\s*(?:''|"")\s*\)\s*\.reverse\(/;

const WORD_START = String.raw`(?:(?<!\w)|(?<=\\(?:[0-7]{1,3}|[bfnrtv]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})))`;

/**
 * `words` (a RegExp alternation source) where one starts a word of a string's *value*: not preceded in the source by a
 * letter, digit or `_`, unless that character ends an escape (`\n`, `\0`, `\x41`, `\u0041`), which in the value is one
 * character of its own. A rule whose detection regex needs `\bcurl` in a string can require this instead of plain
 * `curl`, so `docUrl`, `confirm` (irm) or `dropdown` (pdown) in a bundle no longer cost a parse. The literal comes first
 * and the look-behind runs only where it matched, so a file without the words is scanned at literal speed. Use it as a
 * second prefilter condition after the plain word list (cheaper on the files that have none of the words).
 */
export function atWordStart(words: string, flags = ''): RegExp {
  return new RegExp(`(?:${words})(?<=${WORD_START}(?:${words}))`, flags);
}

/**
 * A module name built from pieces: `require('child_pro' + 'cess')`, `` import(`child_${x}`) ``, `require(['c', 'p'].join(''))`.
 * names.ts / the string facts fold constant pieces into the module name, so a rule that prefilters on a module's name
 * (child_process) lists this as an alternative.
 */
export const SPLIT_MODULE_HINT = /\b(?:require|import)\s*\(\s*(?:'[^'\n]{0,60}'\s*\+|"[^"\n]{0,60}"\s*\+|`[^`\n]{0,60}\$\{|\[)/;

const ASCII_ESCAPE = /\\u00([0-7][0-9a-fA-F])/g;
/**
 * The text with `\u00XX` escapes of ASCII characters resolved (`\u0065val` → `eval`, `requir\u0065` → `require`), for
 * text tests only (prefilters, hints): offsets may shift. The text itself when it has none (no copy).
 */
export function resolveAsciiEscapes(text: string): string {
  return text.includes('\\u00') ? text.replace(ASCII_ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}
