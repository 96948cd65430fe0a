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
