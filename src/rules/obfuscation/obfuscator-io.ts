import { defineRule } from '../../core/rule.js';
import { obfuscatorFingerprint, OBFUSCATOR_HINT } from '../../analyzers/js/obfuscation.js';
import { deobfuscate } from '../../analyzers/js/deobfuscate.js';
import { registerDeobfuscated, interestingStrings, type Interesting } from '../../analyzers/js/deob-strings.js';
import { parseJs } from '../../analyzers/js/parse.js';
import { findSinks } from '../../analyzers/js/sinks.js';
import { foldString } from '../../analyzers/js/fold.js';

const NETWORK = /\b(fetch|axios|https?|request|got|needle|XMLHttpRequest|WebSocket|socket\.io(-client)?)\b/;
const NODE_CAPS = /\brequire\s*\(|child_process|['"](fs|os|path|request|axios)['"]|process\.(env|platform)|__dirname/;

export default defineRule({
  id: 'obfuscator-io',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'high',
    confidence: 'high',
    summary: 'javascript-obfuscator (obfuscator.io) output: string array with rotation, hex identifiers, self-defending code',
    why: 'BeaverTail and other Contagious Interview stealers ship as obfuscator.io output (keygen.js, a config file with a prepended blob) so wallet ids, browser paths and C2 addresses are invisible. The string array is decoded here (webcrack, decoders evaluated inside an isolate in a child process) so the finding shows what the code hides.',
    fix: 'Read the decoded strings in the finding. Obfuscated code in a project you were asked to run is a red flag on its own; with wallet/browser paths, module names or IP:port URLs it is a stealer.',
    falsePositives: 'Vendored/minified bundles (node_modules, dist, *.min.js) and browser-only obfuscated widgets are reported low and are not decoded; hash/crypto code uses hex constants but not the string-array rotation loop.',
    references: ['https://obfuscator.io/', 'https://www.elastic.co/security-labs/declawing-the-beavertail', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  prefilter: OBFUSCATOR_HINT,
  appliesTo: (f) => f.isText && f.kind !== 'json' && f.kind !== 'python' && f.kind !== 'markup',
  check(ctx, file) {
    const text = file.text!;
    const fp = obfuscatorFingerprint(text);
    if (!fp.matched) return;
    const shapes = [fp.rotation && 'string-array rotation loop', fp.accessor && 'self-replacing string accessor', fp.selfDefending && 'self-defending regex', fp.hexIdentifiers >= 20 && `${fp.hexIdentifiers >= 5000 ? '5000+' : fp.hexIdentifiers} _0x identifiers`].filter(Boolean).join(', ');
    const at = { offset: fp.start, length: Math.min(200, text.length - fp.start) };
    if (file.facts.vendored) {
      ctx.report({ at, message: `Obfuscated code in a vendored file (${shapes}); not decoded`, evidence: text.slice(fp.start, fp.start + 200), severity: 'low', confidence: 'low' });
      return;
    }
    const deob = deobfuscate(text);
    let found: Interesting[] = [];
    let note = '';
    if (deob.ok) {
      found = interestingStrings(deob.code);
      registerDeobfuscated(text, deob.code, fp.start);
    } else note = ` (not decoded: ${deob.error})`;
    const names = found.map((f) => f.value);
    const nodeCaps = NODE_CAPS.test(text) || found.some((f) => f.kind === 'module' || f.kind === 'command');
    const stealer = found.filter((f) => f.kind === 'wallet' || f.kind === 'browser' || f.kind === 'secret-path').length;
    const c2 = found.some((f) => f.kind === 'url' || f.kind === 'ip');
    // Obfuscated code that also talks to the network and runs a string it did not write itself is a loader.
    const runner = nodeCaps && !(stealer >= 2 || c2) ? dynamicSink(deob.ok ? deob.code : text) : null;
    if (runner) note += `; runs built or received code with ${runner}`;
    const severity = nodeCaps && (stealer >= 2 || c2 || runner) ? 'critical' : nodeCaps ? 'high' : 'medium';
    const confidence = nodeCaps ? 'high' : 'low';
    ctx.report({
      at,
      message: `obfuscator.io-style obfuscation (${shapes})${found.length ? `; decoded strings show ${summary(found)}` : ''}${note}`,
      evidence: text.slice(fp.start, fp.start + 200),
      ...(names.length ? { decoded: names.slice(0, 60).join('\n') } : {}),
      severity,
      confidence,
      iocs: found.filter((f) => f.ioc).slice(0, 40).map((f) => f.ioc!),
    });
  },
});

/** The label of an eval/Function/vm sink whose code is not a constant, when the code also uses the network. */
function dynamicSink(code: string): string | null {
  if (!NETWORK.test(code)) return null;
  const ast = parseJs(code).ast;
  if (!ast) return null;
  for (const sink of findSinks(ast)) {
    if (!sink.code || sink.kind === 'import' || sink.kind === 'timer-string') continue;
    if (foldString(sink.code, ast, { maxSteps: 2000 })) continue; // constant code: obfuscator.io's own `Function('return this')` helper
    return sink.label;
  }
  return null;
}

function summary(found: Interesting[]): string {
  const by = new Map<string, number>();
  for (const f of found) by.set(f.kind, (by.get(f.kind) ?? 0) + 1);
  return [...by].map(([k, n]) => `${n} ${k}${n > 1 ? 's' : ''}`).join(', ');
}
