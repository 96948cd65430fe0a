import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee, type PyString } from '../../analyzers/python/model.js';
import { evaluate, looksLikeText } from '../../analyzers/python/static-eval.js';
import { extractIocs } from '../../analyzers/python/iocs.js';
import { at, clip, decoderChain, identifiersIn, isProcessCall } from './_util.js';

/** Programs a hidden command line usually starts (a loader for a dropped DLL, a shell, a downloader). */
const COMMAND_WORD = /^(?:rundll32|regsvr32|powershell|pwsh|cmd|mshta|wscript|cscript|certutil|bitsadmin|schtasks|msiexec|reg|bash|sh|zsh|curl|wget|python[23]?|pythonw|osascript|chmod|nohup|start|explorer|taskkill|attrib|open)(?:\.exe)?(?=$|\s)/i;

/** A literal that is not readable text: escaped bytes, or a long hex/base64 run. */
function encodedLiteral(s: PyString): boolean {
  const v = s.value;
  if (v.length < 4 || v.length > 100_000) return false;
  if (/^[0-9a-fA-F]{8,}$/.test(v) && v.length % 2 === 0) return true;
  if (v.length >= 12 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && /[0-9+/=]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v)) return true;
  // b'\xae\xa9\xb2…': written as escapes, or mostly bytes outside printable ASCII.
  const escapes = s.node.text.match(/\\x[0-9a-fA-F]{2}/g)?.length ?? 0;
  if (escapes >= 4 && (escapes * 4) / s.node.text.length > 0.5) return true;
  let odd = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) odd++;
  }
  return odd / v.length > 0.5;
}

/** A short escaped-bytes literal XORed with one byte that spells a command word (the key is often passed in). */
function singleByteXor(v: string): { key: number; text: string } | null {
  if (v.length < 2 || v.length > 64) return null;
  for (let key = 1; key < 256; key++) {
    let text = '';
    for (let i = 0; i < v.length; i++) text += String.fromCharCode((v.charCodeAt(i) & 0xff) ^ key);
    if (/^[\x20-\x7e]+$/.test(text) && COMMAND_WORD.test(text)) return { key, text };
  }
  return null;
}

export default defineRule({
  id: 'py-encoded-command',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python starts a process whose command line is decoded from an encoded literal (XOR, hex, base64)',
    why: 'A loader that hides even the name of the program it starts (`bytes([b ^ key for b in b"\\xae\\xa9…"])` → rundll32) does so to pass review and scanners. Legitimate code names the tools it runs.',
    fix: 'Do not install or run it. The decoded command (when the key is visible or a single byte) is shown; find the file it runs.',
    falsePositives:
      'Secrets decoded from the environment or a config file and passed to a tool (a base64 password for mysql) are not flagged: only a command that traces back to an encoded literal in the file. Encoding a PowerShell script (b64encode) is not decoding.',
    references: ['https://attack.mitre.org/techniques/T1027/', 'https://attack.mitre.org/techniques/T1218/011/'],
    status: 'preview',
  },
  input: 'py-ast',
  prefilter: /\b(?:subprocess|Popen|system|popen|startfile|spawn[lv]|exec[lv]p?e?|create_subprocess)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    for (const c of model.calls) {
      if (!isProcessCall(model, c)) continue;
      const cmdArg = c.args[0] ?? c.kwargs.get('args');
      if (!cmdArg || cmdArg.type === 'string') continue;
      let fn: Node | null = c.node.parent;
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      const names = [...new Set(identifiersIn(cmdArg.text.slice(0, 2000)))];
      if (!names.length) continue;
      const chain = decoderChain(model, names, fn, c.node.startIndex, 4);
      if (!chain.decoders.size) continue;
      const encoded = chain.literals.filter(encodedLiteral);
      if (!encoded.length) continue;
      // Decoded in full when the key is in the file; otherwise a one-byte XOR key that spells a command word.
      let decoded: string | undefined;
      const v = evaluate(cmdArg, { model, xorFuncs: model.xorFuncs });
      if (v && v.steps.length) {
        const text = v.bytes ? Buffer.from(v.value, 'latin1').toString('utf8') : v.value;
        if (looksLikeText(text)) decoded = text;
      }
      if (!decoded) {
        for (const lit of encoded) {
          const hit = chain.decoders.has('xor') ? singleByteXor(lit.value) : null;
          if (hit) {
            decoded = `${hit.text} (XOR key 0x${hit.key.toString(16).padStart(2, '0')})`;
            break;
          }
        }
      }
      ctx.report({
        at: at(c.node),
        message: `${resolveCallee(model, c.callee)} runs a command decoded by ${[...chain.decoders].join(' + ')} from an encoded literal${decoded ? `: ${clip(decoded, 80)}` : ''}`,
        evidence: clip(c.node.text),
        decoded: decoded ?? clip(encoded[0]!.node.text, 200),
        iocs: decoded ? extractIocs(decoded) : [],
        confidence: decoded || chain.decoders.size >= 2 ? 'high' : 'medium',
      });
    }
  },
});
