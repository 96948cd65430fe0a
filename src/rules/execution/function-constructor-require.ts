import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH } from '../../analyzers/js/hints.js';
import { foldString } from '../../analyzers/js/fold.js';
import { findSinks } from '../../analyzers/js/sinks.js';
import { originsOf } from '../../analyzers/js/flow.js';
import { unwrap } from '../../analyzers/js/names.js';
import type { Node } from '../../analyzers/js/walk.js';
import { isLiteralString } from './_exec.js';
import { astUnits, EMBEDDED_PREFIX } from './_exec.js';

// CommonJS wrapper parameters: a module loader building `function (exports, require, module, …)` is not a dropper.
const CJS_WRAPPER = new Set(['exports', 'module', '__filename', '__dirname']);

export default defineRule({
  id: 'function-constructor-require',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Code built at runtime with a `require` parameter through the Function constructor',
    why: "Contagious Interview loaders run downloaded JavaScript with full Node access through `new (Function.constructor)('require', body)(require)`: the body arrives from a URL hidden in base64, often in an HTTP error response.",
    fix: 'Do not run the project. The function body is the attacker\'s payload: find where it comes from (the URL in .env or a config) and treat the machine as exposed if it already ran.',
    falsePositives: "Module loaders compile code with the CommonJS wrapper (`exports, require, module, __filename, __dirname`) from files they read; those are not reported unless the body comes from the network. A plain `new Function('require', body)` in vendored/minified code is reported high/medium. Tools that run code they built or read locally (esbuild's wasm loader, test suites) use a plain `new Function('require', code)`: that spelling is reported only when the body comes from the network, the environment or a decoder. The evasive spellings (`Function.constructor`, `(0, Function.constructor)`, `Reflect.construct(Function, …)`) are always reported.",
    references: ['https://www.fbi.gov/contact-us/field-offices/seattle/news/fbi-warns-of-north-korean-social-engineering', 'CWE-94', 'CWE-506'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'js-ast',
  // The Function constructor AND a `require` parameter name (a string: 'require', 'exports, require, module').
  prefilter: [/Function|Reflect\.construct|constructor/, [/require\s*['"`,]/, OBFUSCATION_HATCH]],
  check(ctx, js) {
    for (const unit of astUnits(js)) {
      const ast = unit.ast;
      for (const sink of findSinks(ast)) {
        if (sink.kind !== 'function' && sink.kind !== 'function-constructor') continue;
        const names = sink.params.map((p: Node) => foldString(unwrap(p), ast, { maxSteps: 2000, maxLength: 500 })?.value ?? null);
        const flat = names.flatMap((n) => (n === null ? [] : n.split(',').map((s) => s.trim())));
        if (!flat.includes('require')) continue;
        const literalBody = isLiteralString(unwrap(sink.code));
        const wrapper = flat.some((n) => CJS_WRAPPER.has(n));
        const ctorSpelling = sink.kind === 'function-constructor';
        if (!ctorSpelling && literalBody) continue;
        const from = originsOf(sink.code, ast, { maxSteps: 2000 });
        const net = from.find((o) => o.kind === 'network' || o.kind === 'network-error');
        // Plain `new Function('require', code)` is how tools run code they built or read locally (esbuild's wasm
        // loader, test suites): only a body from the network, the environment or a decoder makes it a loader.
        const hidden = from.some((o) => o.kind === 'env' || o.decoders.length > 0);
        if (!ctorSpelling && !net && !hidden) continue;
        // A module loader compiling files it read, with the CommonJS wrapper: not this rule's business.
        if (wrapper && !net && !ctorSpelling) continue;
        let severity: 'critical' | 'high' = 'critical';
        let confidence: 'high' | 'medium' = 'high';
        if (!ctorSpelling && !net && (js.facts.vendored || js.facts.minified)) {
          severity = 'high';
          confidence = 'medium';
        }
        const args = sink.params.map((p: Node) => js.text.slice(p.start, p.end)).join(', ');
        ctx.report({
          at: { node: sink.node },
          message: `${unit.embedded ? EMBEDDED_PREFIX : ''}${sink.label}(${args}, …) builds a function that receives \`require\`${net ? `; its body comes from ${net.label}${net.kind === 'network-error' ? ' (the HTTP error response)' : ''}` : ''}`,
          evidence: js.text.slice(sink.node.start, Math.min(sink.node.end, sink.node.start + 300)),
          severity,
          confidence,
        });
      }
    }
  },
});
