/**
 * What parsing a JavaScript file whole would cost, known before parsing it. A file's AST (and the facts and flows the
 * rules build on it) grows with the number of nodes, not with bytes: 4.5 MB of base64 in one string literal (Prisma's
 * wasm-base64 modules) is 14 nodes, 5.6 MB of dart2js output (sass.dart.js) is 825,000.
 *
 * The estimate is a count of "parse units": runs of word characters (identifiers, keywords, numbers, and anything
 * non-ASCII), runs of whitespace, and single punctuation characters. Every node meriyah builds consumes at least one
 * unit of its own (an expression statement ended by a line break consumes the break), so units bound the node count
 * from above whatever the text is, string contents included: nothing needs to be lexed, and no crafted text can make a
 * string "look" cheap and parse as code. Real code has 0.3–0.6 nodes per unit; `;;;;`, `a\nb\n` and `a.b;` have 1.
 */

/** 0 punctuation, 1 word, 2 whitespace; code units >= 128 are word characters. */
const CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 92;
    t[c] = word ? 1 : c === 32 || (c >= 9 && c <= 13) ? 2 : 0;
  }
  return t;
})();

/**
 * Parse units in `text[from, to)`; counting stops as soon as the count passes `stop` (the answer is then `stop + 1`),
 * so a 50 MB bundle costs only the prefix that proves it is over a limit.
 */
export function parseUnits(text: string, stop = Infinity, from = 0, to = text.length): number {
  let n = 0;
  let prev = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c]! : 1;
    if (k === 0 || k !== prev) {
      if (++n > stop) return n;
    }
    prev = k;
  }
  return n;
}
