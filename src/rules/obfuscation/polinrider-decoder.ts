import { defineRule } from '../../core/rule.js';

// The seeded string-shuffle cipher: copy chars with charAt, then swap positions computed as seed*(i+K1)+(seed%K2).
// Generalised over names, seeds and constants (PolinRider `_$_1e42`, `MDy`, `GjL`, `Stv` variants).
const SHUFFLE = /\.charAt\(\s*[\w$]+\s*\)\s*;?\s*\}?\s*;?\s*for\s*\(\s*(?:var|let)\s+[\w$]+\s*=\s*0\s*;[^)]{0,60}\)\s*\{\s*(?:var|let|const)\s+[\w$]+\s*=\s*[\w$]+\s*\*\s*\(\s*[\w$]+\s*\+\s*\d+\s*\)\s*\+\s*\(\s*[\w$]+\s*%\s*\d+\s*\)/;
// Side effects that make the decoded text dangerous: require parked on a global, eval, Function via fn['constructor'].
const MARKER = /global\s*\[\s*['"](?:!|_V|r|m)['"]\s*\]\s*=|global\s*\[\s*[\w$]+\s*\[\s*\d+\s*\]\s*\]\s*=\s*require|\brmcej%otb%|_\$_[0-9a-f]{4}\b/g;
const ALIASES = /=\s*require\b|\beval\s*\(|\b[\w$]+\s*=\s*[\w$]+\s*\[\s*[\w$]+\s*\]\s*;\s*var\s+[\w$]+\s*=\s*['"]{2}/;

export default defineRule({
  id: 'polinrider-decoder',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'critical',
    confidence: 'high',
    summary: 'PolinRider-style string-shuffle decoder that aliases require/eval (injected config-file loader)',
    why: 'The PolinRider campaign appends a seeded character-shuffle decoder to build configs (tailwind, postcss, next, webpack, jest) and fake fonts: it parks `require` on a global (`global[\'r\']`, `global[_$_1e42[0]]`), rebuilds `Function`/`eval` and runs a stealer/loader whenever the config loads.',
    fix: 'Do not run the project (npm run dev/build/test loads these configs). Delete the appended code, check git history for who added it, and rotate secrets of any machine that ran it.',
    falsePositives: 'The shuffle-with-seed loop has no common benign use; alone (without a global/require/eval alias) it is reported high with medium confidence.',
    references: ['https://opensourcemalware.com/blog/polinrider', 'CWE-506'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'file',
  prefilter: /charAt|_\$_[0-9a-f]{4}|global\s*\[/,
  appliesTo: (f) => f.isText && f.kind !== 'json' && f.kind !== 'python',
  check(ctx, file) {
    const text = file.text!;
    const shuffle = SHUFFLE.exec(text);
    const markers = [...text.matchAll(MARKER)].slice(0, 20);
    if (!shuffle && markers.length < 2) return;
    // Point at the start of the injected code: the first marker or the decoder function.
    const starts = [...markers.map((m) => m.index!), ...(shuffle ? [functionStart(text, shuffle.index)] : [])];
    const at = Math.min(...starts);
    const strong = shuffle !== null && (markers.length > 0 || ALIASES.test(text));
    const seen = [...new Set(markers.map((m) => m[0].replace(/\s+/g, '')))].slice(0, 6);
    ctx.report({
      at: { offset: at, length: Math.min(200, text.length - at) },
      message: shuffle
        ? `Seeded string-shuffle decoder${strong ? ' with require/eval aliasing' : ''}${seen.length ? ` (markers: ${seen.join(' ')})` : ''}`
        : `PolinRider markers: ${seen.join(' ')}`,
      evidence: text.slice(at, at + 300),
      severity: strong || markers.length >= 2 ? 'critical' : 'high',
      confidence: strong ? 'high' : 'medium',
    });
  },
});

/** Offset of the `function` keyword that owns the match (searching back a little). */
function functionStart(text: string, at: number): number {
  const from = Math.max(0, at - 400);
  const i = text.lastIndexOf('function', at);
  return i >= from ? i : at;
}
