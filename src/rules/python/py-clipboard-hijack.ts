import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee } from '../../analyzers/python/model.js';
import { at, clip } from './_util.js';

/** Reading the clipboard. */
const READ = /^(?:pyperclip\.paste|clipboard\.paste|win32clipboard\.GetClipboardData|pyclip\.paste|xerox\.paste)$|\.clipboard_get$/;
/** Writing it. */
const WRITE = /^(?:pyperclip\.copy|clipboard\.copy|win32clipboard\.SetClipboardText|win32clipboard\.SetClipboardData|pyclip\.copy|xerox\.copy)$|\.clipboard_append$/;
/** Patterns of cryptocurrency addresses (Ethereum, Bitcoin legacy/segwit, Tron, Solana-like base58, Monero, Litecoin). */
const ADDRESS_RE = /0x\[(?:a-fA-F0-9|0-9a-fA-F|A-Fa-f0-9|a-f0-9|0-9a-f)\]\{40\}|\bbc1|\^T\[A-Za-z1-9\]|\[13\]\[a-km-zA-HJ-NP-Z1-9\]|\[1-9A-HJ-NP-Za-km-z\]\{3[2-9],4[0-4]\}|\{25,3[49]\}/;

export default defineRule({
  id: 'py-clipboard-hijack',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python reads the clipboard, matches cryptocurrency addresses and writes another one back (a clipper)',
    why: 'Clippers watch the clipboard for a wallet address the victim copied and swap in the attacker\'s, so the next transfer goes to them; lure "bots" run one from a scheduler or a background thread.',
    fix: 'Do not run it. If it ran, check the recipient of every transfer made since; kill the process and remove its scheduler entry.',
    falsePositives: 'Clipboard managers read and write the clipboard without address patterns; wallet tools validate an address or copy one to the clipboard without reading it back. All three together are reported.',
    references: ['https://attack.mitre.org/techniques/T1115/', 'https://attack.mitre.org/techniques/T1565/002/'],
    status: 'preview',
  },
  input: 'py-ast',
  prefilter: /\b(?:paste|GetClipboardData|clipboard_get)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const reads = model.calls.filter((c) => READ.test(resolveCallee(model, c.callee)));
    if (!reads.length) return;
    const write = model.calls.find((c) => WRITE.test(resolveCallee(model, c.callee)));
    if (!write) return;
    const pattern = model.strings.find((s) => s.value.length < 400 && ADDRESS_RE.test(s.value));
    if (!pattern) return;
    ctx.report({
      at: at(write.node),
      message: `Replaces what is on the clipboard: reads it with ${resolveCallee(model, reads[0]!.callee)} (line ${reads[0]!.node.startPosition.row + 1}), matches a cryptocurrency address pattern (${clip(pattern.value, 60)}) and writes with ${resolveCallee(model, write.callee)}`,
      evidence: clip(write.node.text),
    });
  },
});
