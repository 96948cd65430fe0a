import { defineRule } from '../../core/rule.js';
import { modelOf } from '../../analyzers/python/model.js';
import { execSinks } from '../../analyzers/python/payload.js';
import { extractIocs } from '../../analyzers/python/iocs.js';
import { evaluate, looksLikeText } from '../../analyzers/python/static-eval.js';
import { at, clip, decoderChain, PY_OBFUSCATORS } from './_util.js';

// Decoders whose output handed to exec/eval means the executed code was hidden on purpose.
const DECODING = /\b(?:b64decode|b32decode|b16decode|b85decode|a85decode|decodebytes|decodestring|unhexlify|a2b_hex|a2b_base64|fromhex|decompress|marshal\.loads|loads|rot_?13|bz2|lzma|decrypt)\b|\[\s*::\s*-1\s*\]|\breversed\s*\(|\^\s*\w|\bchr\s*\(/;
const CODE_LIKE = /^\s*(?:import |from \w|#!\/|def |class )|\b(?:subprocess|os\.system|exec\s*\(|eval\s*\(|powershell|curl |wget |requests\.|urllib)/m;

export default defineRule({
  id: 'py-exec-encoded-payload',
  meta: {
    kind: 'threat',
    category: 'obfuscation',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python executes code it first decodes (base64, hex, zlib, marshal, XOR, reversed strings, packed lambdas)',
    why: 'Malicious PyPI packages and InvisibleFerret stages hide their real code in an encoded blob and run it with exec/eval/compile or marshal.loads, so a reader sees only noise. Legitimate code has no reason to execute decoded data.',
    fix: 'Do not install or run it. The decoded value shows the code that would run.',
    falsePositives: 'exec of a literal string (six.exec_, templating) or compile(open(file).read()) in setup.py is not flagged: only exec/eval of data that passes through a decoder. Commercial PyArmor-protected code is reported at lower severity.',
    references: ['https://attack.mitre.org/techniques/T1027/', 'CWE-94', 'https://blog.phylum.io/tag/pypi/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\b(?:exec|eval|compile|execfile|loads|write)\b|getattr\s*\(\s*(?:__builtins__|builtins)\s*,|__pyarmor__|pyarmor_runtime|pytransform/,
  check(ctx, py) {
    const model = modelOf(py);
    for (const s of execSinks(py)) {
      if (!s.arg) continue;
      const decodedSomething = s.steps.length > 0;
      if (decodedSomething) {
        const shown = s.finalText ?? `(${s.value!.value.length} bytes of binary data${s.sink === 'marshal.loads' || s.value!.value.startsWith('\u00e3') ? ': a marshalled code object' : ''})`;
        ctx.report({
          at: at(s.call.node),
          message: `${s.sink}() runs code decoded by ${[...new Set(s.steps)].join(' → ')}${s.layers > 1 ? ` (${s.layers} layers)` : ''}`,
          evidence: clip(s.call.node.text),
          decoded: shown,
          iocs: s.finalText ? extractIocs(s.finalText) : [],
        });
        continue;
      }
      // eval("o" + 's.s' + "y" + 's' + "te" + 'm'): a name or code split into fragments so no one can grep it.
      if (s.value && s.arg.type === 'binary_operator' && (s.arg.text.match(/['"]/g)?.length ?? 0) >= 6 && s.value.value.length < 10_000) {
        ctx.report({
          at: at(s.call.node),
          message: `${s.sink}() runs a string assembled from fragments`,
          evidence: clip(s.call.node.text),
          decoded: s.value.value,
          iocs: extractIocs(s.value.value),
        });
        continue;
      }
      // Not statically decodable, but the argument (or the name it reads) goes through a decoder.
      let argText = s.arg.text.slice(0, 4000);
      let fn = s.call.node.parent;
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      // A name is followed only to its assignments in the same function (stdlib reuses `code`, `value` everywhere).
      if (s.arg.type === 'identifier') {
        for (const v of model.assigns.get(s.arg.text) ?? []) {
          if (fn ? v.startIndex >= fn.startIndex && v.endIndex <= fn.endIndex : true) argText += ` ${v.text.slice(0, 2000)}`;
        }
      }
      if (s.sink === 'compile' && !/\bexec\b|\beval\b/.test(s.call.node.parent?.text.slice(0, 300) ?? '')) continue;
      if (!DECODING.test(argText)) {
        // code = buf.decode(); buf = bytearray([enc[i] ^ key[i % 6] …]); enc = bytearray.fromhex(BLOB): the decoding sits
        // a few assignments back. Only the strong decoders count that far, and two of them chained.
        const chain = s.arg.type === 'identifier' ? decoderChain(model, [s.arg.text], fn, s.call.node.startIndex, 3).decoders : new Set<string>();
        if (chain.size < 2) continue;
        ctx.report({
          at: at(s.call.node),
          message: `${s.sink}() runs data built a few assignments back through ${chain.size} chained decoders (${[...chain].slice(0, 5).join(', ')}) (not statically decodable)`,
          evidence: clip(s.call.node.text),
          confidence: 'high',
        });
        continue;
      }
      if (s.sink === 'marshal.loads' && !/\bexec\b|\beval\b|FunctionType/.test(py.text)) continue;
      // Two or more decoders chained (b64decode of a reversed string, marshal of zlib of base32 …) is never incidental.
      const decoders = new Set([...argText.matchAll(new RegExp(DECODING.source, 'g'))].map((m) => m[0].replace(/\s+/g, '')));
      ctx.report({
        at: at(s.call.node),
        message: `${s.sink}() runs data that passes through ${decoders.size >= 2 ? `${decoders.size} chained decoders (${[...decoders].slice(0, 5).join(', ')})` : 'a decoder'} (not statically decodable)`,
        evidence: clip(s.call.node.text),
        confidence: decoders.size >= 2 ? 'high' : 'medium',
      });
    }
    // Decoded code written to disk (a dropper staging its next step): f.write(b64decode('...')) that decodes to source.
    for (const call of model.calls) {
      if (call.name !== 'write' || !call.args[0] || call.args[0].type === 'string') continue;
      const v = evaluate(call.args[0], { model, xorFuncs: model.xorFuncs });
      if (!v || !v.steps.length) continue;
      const text = v.bytes ? Buffer.from(v.value, 'latin1').toString('utf8') : v.value;
      if (!looksLikeText(text) || !CODE_LIKE.test(text)) continue;
      ctx.report({
        at: at(call.node),
        message: `Writes code hidden by ${[...new Set(v.steps)].join(' → ')} to a file`,
        evidence: clip(call.node.text),
        decoded: text,
        iocs: extractIocs(text),
      });
    }
    for (const m of py.text.matchAll(PY_OBFUSCATORS)) {
      // PyArmor also protects commercial code; the others are the free obfuscators stealer kits ship with.
      const commercial = /pyarmor|pytransform/i.test(m[0]);
      ctx.report({
        at: { offset: m.index!, length: m[0].length },
        message: `Code protected by a Python obfuscator (${m[0].trim()}): what it runs cannot be reviewed`,
        evidence: clip(m[0]),
        severity: commercial ? 'high' : 'critical',
        // The free obfuscators' banners come with stealer kits (BlankOBF ships with Blank Grabber); PyArmor sells to vendors.
        confidence: commercial ? 'medium' : 'high',
      });
      break;
    }
  },
});
