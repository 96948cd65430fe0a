import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { foldString } from '../../analyzers/js/fold.js';
import { dottedName, isGlobalObjectName, unwrap } from '../../analyzers/js/names.js';
import { flatAst, type Node } from '../../analyzers/js/walk.js';

const DANGEROUS_NAMES = new Set(['eval', 'Function', 'require', 'constructor', 'child_process', 'execSync', 'exec', 'spawn', 'module', 'process', 'mainModule']);
// Obfuscation markers that make createRequire in an ES module suspicious (PolinRider/obfuscator.io payloads).
const DECODES = /\b_0x[0-9a-f]{4,}\b|global\s*\[\s*['"][^'"]{1,3}['"]\s*\]\s*=|\.charAt\(\s*[\w$]+\s*\)\s*\}?\s*;?\s*for\s*\(|eval\s*\(\s*atob|Function\s*\(\s*atob/;
const SECRETISH_KEY = /api|key|url|secret|token|host|endpoint|server|auth/i;

export default defineRule({
  id: 'require-smuggling',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'high',
    confidence: 'high',
    summary: '`require` or `eval` smuggled through globals, a Proxy, `createRequire` in decoding code, or a fabricated `process` object',
    why: "Injected loaders (PolinRider) park `require` on a global (`global['r'] = require`) so an eval'd stage two can load fs/child_process, reach `eval` through a computed global name (`globalThis['ev'+'al']`), add `createRequire(import.meta.url)` to ESM configs, or declare a fake `process = { env: {...} }` to hide the C2 URL where a reviewer expects configuration.",
    fix: 'Do not run the project. Look for the obfuscated code around this line (often after a long run of spaces) and remove it; treat machines that ran it as compromised.',
    falsePositives: "Electron pages do `window.nodeRequire = require` (reported low); browser bundles define `process = { env: { NODE_ENV: 'production' } }` (not reported: only env objects holding URLs, keys or base64 are); ESM files use `createRequire` legitimately (reported only when the file also carries obfuscation markers such as short `global['x']` slots, `_0x` names or a shuffle decoder).",
    references: ['https://opensourcemalware.com/blog/polinrider', 'CWE-506', 'CWE-94'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'js-ast',
  // Each finding needs one of: a bare `require` value (not a call or member: `global.r = require`, `(0, require)`), a
  // computed global slot, an assignment to `process`, a Proxy, createRequire.
  prefilter: [
    /=\s*require\b|createRequire|\bprocess\s*=|Proxy\s*\(\s*require|(global|globalThis|window|self)\s*\[/,
    [/require\b(?!\s*[(.])|(?:global|globalThis|window|self)\s*\[|process[\s)]*=|Proxy|createRequire/, OBFUSCATION_HATCH],
  ],
  check(ctx, js) {
    const ast = js.ast as Node;
    let decodes: boolean | undefined; // only a createRequire call needs it: tested then, once
    const visit = (node: Node): void => {
      if (node.type === 'AssignmentExpression') {
        const right = unwrap(node.right);
        const left = unwrap(node.left);
        if (right?.type === 'Identifier' && right.name === 'require' && left?.type === 'MemberExpression') {
          const obj = dottedName(left.object);
          if (obj && isGlobalObjectName(obj)) {
            const literalKey = !left.computed || unwrap(left.property)?.type === 'Literal';
            const key = literalKey ? (left.computed ? String(unwrap(left.property)!.value) : left.property.name) : null;
            const plain = key !== null && key.length >= 4 && /require/i.test(key);
            ctx.report({
              at: { node },
              message: `\`require\` is stored on the global object${key ? ` as ${JSON.stringify(key)}` : ' under a computed name'}: code evaluated later can load any module through it`,
              severity: plain ? 'low' : 'high',
              confidence: plain ? 'low' : 'high',
            });
          }
        }
        if (left?.type === 'Identifier' && left.name === 'process') fabricatedProcess(node, right);
        if (left?.type === 'MemberExpression' && dottedName(left) !== null && /^(global|globalThis|window|self)\.process$/.test(dottedName(left)!)) fabricatedProcess(node, right);
      } else if (node.type === 'VariableDeclarator' && node.id?.type === 'Identifier' && node.id.name === 'process') {
        fabricatedProcess(node, unwrap(node.init));
      } else if (node.type === 'NewExpression' && dottedName(unwrap(node.callee)) === 'Proxy') {
        const target = unwrap(node.arguments?.[0]);
        if (target?.type === 'Identifier' && target.name === 'require') {
          ctx.report({ at: { node }, message: 'A Proxy wraps `require`: module loads can be intercepted or redirected', severity: 'high', confidence: 'high' });
        }
      } else if (node.type === 'CallExpression' && /(^|\.)createRequire$/.test(dottedName(unwrap(node.callee)) ?? '')) {
        if (js.facts.vendored || !(decodes ??= DECODES.test(js.text))) return;
        ctx.report({
          at: { node },
          message: '`createRequire` gives this ES module a CommonJS `require`, and the file also carries obfuscation markers (short global slots, _0x names, shuffle decoders)',
          severity: 'high',
          confidence: 'medium',
        });
      } else if (node.type === 'MemberExpression' && node.computed) {
        const obj = dottedName(node.object);
        if (!obj || !isGlobalObjectName(obj)) return;
        const prop = unwrap(node.property);
        if (!prop || prop.type === 'Literal') return;
        const key = foldString(prop, ast, { maxSteps: 5000, maxLength: 100 });
        if (!key || !DANGEROUS_NAMES.has(key.value)) return;
        ctx.report({
          at: { node },
          message: `\`${obj}[…]\` spells ${JSON.stringify(key.value)} at runtime to hide a dangerous global from readers and scanners`,
          evidence: js.text.slice(node.start, Math.min(node.end, node.start + 200)),
          decoded: `${obj}.${key.value}`,
          severity: 'high',
          confidence: 'high',
        });
      }
    };
    for (const node of flatAst(ast).nodes) visit(node);

    function fabricatedProcess(node: Node, value: Node | null): void {
      if (value?.type !== 'ObjectExpression') return;
      const env = value.properties.find((p: Node) => p.type === 'Property' && (p.key?.name ?? p.key?.value) === 'env');
      const envObj = unwrap(env?.value);
      if (envObj?.type !== 'ObjectExpression') return;
      const hidden: string[] = [];
      for (const p of envObj.properties) {
        if (p.type !== 'Property') continue;
        const k = String(p.key?.name ?? p.key?.value ?? '');
        const v = foldString(p.value, ast, { maxSteps: 5000, maxLength: 4000 });
        if (!v) continue;
        const looksUrl = /^[a-z]+:\/\//i.test(v.value) || v.decoded;
        const looksB64 = v.value.length >= 16 && /^[A-Za-z0-9+/]+={0,2}$/.test(v.value);
        if (looksUrl || looksB64 || (SECRETISH_KEY.test(k) && v.value.length >= 8)) hidden.push(`${k}=${v.value.slice(0, 120)}`);
      }
      if (!hidden.length) return; // NODE_ENV / DEBUG polyfills of browser bundles
      ctx.report({
        at: { node },
        message: `A fabricated \`process\` object supplies its own environment (${hidden.map((h) => h.split('=')[0]).join(', ')}): configuration a reader expects from the real environment is hard-coded here`,
        decoded: hidden.join('\n'),
        severity: 'critical',
        confidence: js.facts.vendored || js.facts.minified ? 'medium' : 'high',
      });
    }
  },
});
