/**
 * obfuscator.io (javascript-obfuscator) fingerprints, measured on raw text so they work on files that do not parse
 * and on JavaScript hidden under other extensions (fake fonts, `.dict`).
 */
export interface ObfuscatorFingerprint {
  /** `while(!![]){try{… parseInt …}catch{… push(shift()) …}}`: the string-array rotation loop. */
  rotation: boolean;
  /** `function H(a,b){const c=F();return H=function(d,e){d=d-0xae;…}` : the self-replacing string accessor. */
  accessor: boolean;
  /** `(((.+)+)+)+$`: self-defending code. */
  selfDefending: boolean;
  /** Count of `_0x1a2b3c` identifiers (capped). */
  hexIdentifiers: number;
  /** `_0x…` identifiers per KiB of text. */
  hexDensity: number;
  /** Offset where the obfuscated code most likely starts. */
  start: number;
  matched: boolean;
}

const ROTATION = /while\s*\(\s*!!\s*\[\s*\]\s*\)\s*\{\s*try\s*\{[^}]{0,2000}?parseInt/;
const PUSH_SHIFT = /\[\s*['"]push['"]\s*\]\s*\(\s*[\w$]+\s*\[\s*['"]shift['"]\s*\]\s*\(\s*\)\s*\)|\.push\(\s*[\w$]+\.shift\(\s*\)\s*\)/;
const ACCESSOR = /function\s+([\w$]+)\s*\(\s*[\w$]+\s*,\s*[\w$]+\s*\)\s*\{\s*(?:const|var|let)\s+[\w$]+\s*=\s*[\w$]+\s*\(\s*\)\s*;\s*return\s+\1\s*=\s*function/;
/** javascript-obfuscator before 2.x: `(function(a,n){var r=function(i){while(--i){a['push'](a['shift']())}};r(++n)}(arr,0x1f4))`. */
const OLD_ROTATION = /while\s*\(\s*--\s*[\w$]+\s*\)\s*\{\s*[\w$]+\s*\[\s*['"]push['"]\s*\]\s*\(\s*[\w$]+\s*\[\s*['"]shift['"]\s*\]\s*\(\s*\)\s*\)/;
/** Its accessor: `var H=function(a,b){a=a-0x0;var c=arr[a];…}`. */
const OLD_ACCESSOR = /=\s*function\s*\(\s*([\w$]+)\s*,\s*[\w$]+\s*\)\s*\{\s*\1\s*=\s*\1\s*-\s*(?:0x[0-9a-f]+|\d+)\s*;/;
const SELF_DEFENDING = /\(\(\(\.\+\)\+\)\+\)\+\$/;
const HEX_ID = /\b_0x[0-9a-f]{4,6}\b/g;

export const OBFUSCATOR_HINT = /while\s*\(\s*!!\s*\[\s*\]\s*\)|_0x[0-9a-f]{4}|\(\(\(\.\+\)\+\)\+\)\+\$/;

export function obfuscatorFingerprint(text: string): ObfuscatorFingerprint {
  const rot = ROTATION.exec(text) ?? OLD_ROTATION.exec(text);
  const rotation = rot !== null && PUSH_SHIFT.test(text.slice(rot.index, rot.index + 4000));
  const acc = ACCESSOR.exec(text) ?? OLD_ACCESSOR.exec(text);
  const selfDefending = SELF_DEFENDING.test(text);
  let hexIdentifiers = 0;
  let firstHex = -1;
  HEX_ID.lastIndex = 0;
  for (let m = HEX_ID.exec(text); m && hexIdentifiers < 5000; m = HEX_ID.exec(text)) {
    if (firstHex < 0) firstHex = m.index;
    hexIdentifiers++;
  }
  const hexDensity = hexIdentifiers / Math.max(1, text.length / 1024);
  const matched = (rotation && (acc !== null || hexIdentifiers >= 20)) || (hexIdentifiers >= 100 && hexDensity >= 3) || (selfDefending && hexIdentifiers >= 20);
  const candidates = [rot ? rot.index : -1, acc ? acc.index : -1, firstHex].filter((x) => x >= 0);
  let start = candidates.length ? Math.min(...candidates) : 0;
  // Back up to the statement that opens the obfuscated block (`(function(` / `const a9=H;` / `function`).
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const back = text.slice(Math.max(lineStart, start - 300), start);
  const open = Math.max(back.lastIndexOf('(function'), back.lastIndexOf(';const '), back.lastIndexOf('; const '), back.lastIndexOf('function '));
  if (open >= 0) start = Math.max(lineStart, start - 300) + open + (back[open] === ';' ? 1 : 0);
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  return { rotation, accessor: acc !== null, selfDefending, hexIdentifiers, hexDensity, start, matched };
}
