import { defineRule } from '../../core/rule.js';
import { parseJs } from '../../analyzers/js/parse.js';
import { unwrap } from '../../analyzers/js/names.js';
import { walk, type Node } from '../../analyzers/js/walk.js';

const PACKED = /eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)/g;
const DANGEROUS = /\brequire\s*\(|child_process|\bexec(Sync)?\s*\(|process\.env|https?:\/\/|\bfetch\s*\(|XMLHttpRequest|document\.cookie|\beval\s*\(/;
const MAX_UNPACKED = 200_000;

export default defineRule({
  id: 'packed-eval',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'medium',
    confidence: 'high',
    summary: "Dean Edwards-packed code run through eval (`eval(function(p,a,c,k,e,d)…)`), unpacked statically",
    why: 'Packing hides what a script does behind a word table; droppers use it to keep URLs and `require` calls out of sight. The packer is old and rare in hand-written code today.',
    fix: 'Read the unpacked code shown in the finding. If it loads modules, reaches the network or runs commands, treat the project as hostile.',
    falsePositives: 'Old jQuery plugins and vendored widgets were distributed packed: in vendored/minified files, or when the unpacked code is plain browser UI code, the finding stays low.',
    references: ['http://dean.edwards.name/packer/', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  prefilter: /eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k/,
  appliesTo: (f) => f.isText && f.kind !== 'json' && f.kind !== 'python',
  check(ctx, file) {
    const text = file.text!;
    const parsed = parseJs(text);
    const unpacked = new Map<number, string>();
    if (parsed.ast) {
      walk(parsed.ast, (n) => {
        if (n.type !== 'CallExpression' || unwrap(n.callee)?.type !== 'FunctionExpression') return;
        const names = (unwrap(n.callee)!.params ?? []).map((p: Node) => p.name).join(',');
        if (!/^p,a,c,k,e,[dr]$/.test(names)) return;
        const u = unpack(n.arguments ?? []);
        if (u !== null) unpacked.set(n.start, u);
      });
    }
    for (const m of text.matchAll(PACKED)) {
      // The packed call starts right after `eval(`.
      let code: string | undefined;
      for (const [start, u] of unpacked) if (start >= m.index! && start <= m.index! + m[0].length) code = u;
      const dangerous = code !== undefined && DANGEROUS.test(code);
      const vendored = file.facts.vendored;
      ctx.report({
        at: { offset: m.index!, length: m[0].length },
        message: `Packed code is unpacked and run with eval${code === undefined ? ' (could not unpack statically)' : dangerous ? '; the unpacked code loads modules, reaches the network or evaluates more code' : ''}`,
        evidence: text.slice(m.index!, m.index! + 200),
        ...(code !== undefined ? { decoded: code } : {}),
        severity: dangerous && !vendored ? 'high' : vendored ? 'low' : 'medium',
        confidence: dangerous ? 'high' : vendored ? 'low' : 'medium',
      });
    }
  },
});

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Reverses Dean Edwards' packer: each base-`a` word of `p` indexes the `k` table. Pure string work, bounded. */
export function unpack(args: Node[]): string | null {
  const [p, a, c, k] = args.map((x) => unwrap(x));
  if (p?.type !== 'Literal' || typeof p.value !== 'string' || p.value.length > MAX_UNPACKED) return null;
  if (a?.type !== 'Literal' || typeof a.value !== 'number' || c?.type !== 'Literal' || typeof c.value !== 'number') return null;
  const base = a.value;
  if (base < 2 || base > 62) return null;
  let words: string[] | null = null;
  if (k?.type === 'CallExpression' && unwrap(k.callee)?.type === 'MemberExpression') {
    const obj = unwrap(unwrap(k.callee)!.object);
    const sep = unwrap(k.arguments?.[0]);
    if (obj?.type === 'Literal' && typeof obj.value === 'string' && sep?.type === 'Literal' && typeof sep.value === 'string') words = obj.value.split(sep.value);
  }
  if (!words) return null;
  const table = words;
  const out = p.value.replace(/\b\w+\b/g, (w) => {
    let n = 0;
    for (const ch of w) {
      const d = DIGITS.indexOf(ch);
      if (d < 0 || d >= base) return w;
      n = n * base + d;
    }
    return n < table.length && table[n] ? table[n]! : w;
  });
  return out.length > MAX_UNPACKED ? null : out;
}
