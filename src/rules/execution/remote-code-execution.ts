import { defineRule } from '../../core/rule.js';
import { OBFUSCATION_HATCH, resolveAsciiEscapes } from '../../analyzers/js/hints.js';
import { findSinks, SINK_HINT } from '../../analyzers/js/sinks.js';
import { originsOf, type Origin } from '../../analyzers/js/flow.js';
import { describeSource, urlIocs } from './_exec.js';
import { astUnits, EMBEDDED_PREFIX } from './_exec.js';

const NODE_HINT = /\brequire\s*\(|\bprocess\.|\bimport\s+[\w{*][^;]*from\s*['"](node:)?(fs|child_process|os|path|axios|https?)['"]/;

export default defineRule({
  id: 'remote-code-execution',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Code downloaded from the network is executed (eval, Function, vm, module._compile, data: import)',
    why: 'Fake-recruiter loaders fetch their stage two from a dead drop (npoint, jsonkeeper, Vercel/Railway apps, blockchain RPC) and run it with eval or Function; sometimes the payload is sent as an HTTP *error* body and run from the catch handler.',
    fix: 'Do not run the project. Block the URL, report it, and check whether this file runs at startup (server import, config load, npm script).',
    falsePositives: 'Same-origin lazy loading (htmx-style fetch of a relative script URL) is not reported; a URL that cannot be resolved or points to localhost lowers confidence, and vendored/minified bundles are weighed down by the scorer.',
    references: ['https://www.elastic.co/security-labs/declawing-the-beavertail', 'CWE-94', 'CWE-494'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'js-ast',
  // A sink AND a network source.
  prefilter: [[SINK_HINT, OBFUSCATION_HATCH], /\b(fetch|axios|got|request|https?\s*\.\s*(get|request)|needle|superagent|socket|io\(|XMLHttpRequest|WebSocket|get\w*Transaction\w*|getStorageAt|getAccountInfo|getAccountResources|getSignaturesForAddress|getLogs|undici|Contract)\b|require\(\s*['"](?:node:)?https?['"]\s*\)\s*\./],
  check(ctx, js) {
    // `requir\u0065(…)` is require too: ASCII \u escapes resolved before the test.
    let nodeFile = NODE_HINT.test(js.text);
    if (!nodeFile) {
      const unescaped = resolveAsciiEscapes(js.text);
      nodeFile = unescaped !== js.text && NODE_HINT.test(unescaped);
    }
    for (const unit of astUnits(js)) {
      const ast = unit.ast;
      for (const sink of findSinks(ast)) {
        if (!sink.code) continue;
        const origins = originsOf(sink.code, ast);
        const net = pick(origins);
        if (!net) continue;
        // A timer given a callback's data parameter: code only when everything it can hold is network text.
        if (sink.unsure && !origins.every((o) => o.kind === 'network' || o.kind === 'network-error')) continue;
        // A blockchain RPC read's first argument is a transaction id or address, not a URL: the chain is the dead drop.
        const rpc = net.label.endsWith('(blockchain RPC)');
        const src = rpc ? { text: net.label, external: true, relative: false } as ReturnType<typeof describeSource> : describeSource(net, ast);
        if (src.relative) continue; // same-origin lazy loading (htmx, bundlers)
        const errorPath = net.kind === 'network-error';
        let severity: 'critical' | 'high' | 'medium' = 'critical';
        let confidence: 'high' | 'medium' | 'low' = 'high';
        if (!errorPath) {
          if (src.url && !src.external) {
            severity = 'medium';
            confidence = 'low'; // localhost: course work and dev servers
          } else if (!src.external) {
            severity = 'high';
            confidence = nodeFile ? 'medium' : 'low'; // URL unknown here
          } else if (!nodeFile && sink.kind !== 'function-constructor') {
            confidence = 'medium';
          }
          if (js.facts.vendored || js.facts.minified) confidence = confidence === 'high' ? 'medium' : 'low';
        }
        const how = errorPath ? 'the error response of' : 'the response of';
        const decoders = net.decoders.length ? ` after ${[...new Set(net.decoders)].join(', ')}` : '';
        ctx.report({
          at: { node: sink.node },
          message: `${unit.embedded ? EMBEDDED_PREFIX : ''}${sink.label} runs code from ${how} ${src.text}${decoders}`,
          evidence: js.text.slice(sink.node.start, Math.min(sink.node.end, sink.node.start + 300)),
          ...(src.url || src.envVars ? { decoded: src.url ?? `URL in environment variable ${src.envVars!.join(', ')}` } : {}),
          severity,
          confidence,
          iocs: urlIocs(src.url),
        });
      }
    }
  },
});

/** The strongest network origin: an error path first, then one whose URL resolves. */
function pick(origins: Origin[]): Origin | null {
  const net = origins.filter((o) => o.kind === 'network' || o.kind === 'network-error');
  return net.find((o) => o.kind === 'network-error') ?? net[0] ?? null;
}
