import type { Node } from 'web-tree-sitter';
import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee, type PyCall } from '../../analyzers/python/model.js';
import { at, clip, decoderChain, identifiersIn } from './_util.js';

/** Calls that load or run a file as Python code (or start an interpreter/loader on it). */
const LOADERS = /^(?:importlib\.(?:import_module|util\.spec_from_file_location|machinery\.SourceFileLoader|machinery\.SourcelessFileLoader)|runpy\.run_path|imp\.load_(?:source|compiled|dynamic|module)|ctypes\.(?:CDLL|WinDLL|cdll\.LoadLibrary|windll\.LoadLibrary)|zipimport\.zipimporter|subprocess\.(?:Popen|run|call|check_call|check_output)|os\.(?:system|startfile|popen|exec[lv]p?e?))$/;
/** Decryption that a chain of names reaches (beyond the strong decoders decoderChain collects): cipher objects' methods. */
const DECRYPT_CALL = /\.(?:crypt_ecb|crypt_cbc|decrypt\w*|decipher\w*)\s*\(/;

function enclosingFunction(n: Node): Node | null {
  let p = n.parent;
  while (p && p.type !== 'function_definition') p = p.parent;
  return p;
}

/** Text naming the file a write goes to: open(P).write(x), or `with open(P, 'wb') as f: f.write(x)`. */
function writtenPath(call: PyCall): string | null {
  const fn = call.node.childForFieldName('function');
  const obj = fn?.childForFieldName('object');
  if (obj?.type === 'call' && /^(?:open|io\.open|builtins\.open)$/.test(obj.childForFieldName('function')?.text ?? '')) {
    return obj.childForFieldName('arguments')?.namedChildren[0]?.text ?? null;
  }
  const handle = obj?.type === 'identifier' ? obj.text : null;
  if (!handle) return null;
  for (let p = call.node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') break;
    if (p.type !== 'with_statement') continue;
    const m = new RegExp(`\\bopen\\s*\\(\\s*([^,)]{1,300})[^)]*\\)\\s+as\\s+${handle}\\b`).exec(p.text.slice(0, 600));
    if (m) return m[1]!;
  }
  return null;
}

export default defineRule({
  id: 'py-decrypt-drop-load',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python decrypts data, writes it to a file and then imports, loads or runs that file',
    why: 'Multi-stage PyPI loaders keep their next stage encrypted (SM4/AES/XOR) in a file that looks like data, decrypt it at import time into a temporary file and import it or load it as a DLL, so the package never contains readable malicious code.',
    fix: 'Do not install or import it. Find the encrypted file it reads and the module it writes; treat the machine as compromised if it ran.',
    falsePositives: 'Needs all three in one function: data that passes through a decryption or decoder, written to a file, and that same path imported, loaded or run. Writing decoded assets (images, certificates) that are not then executed is not reported.',
    references: ['https://attack.mitre.org/techniques/T1140/', 'https://attack.mitre.org/techniques/T1027/013/'],
    status: 'preview',
  },
  input: 'py-ast',
  prefilter: /\.write\s*\(/,
  check(ctx, py) {
    const model = modelOf(py);
    const writes = model.calls.filter((c) => c.name === 'write' && c.args[0] && c.args[0].type !== 'string');
    if (!writes.length) return;
    const loaders = model.calls.filter((c) => LOADERS.test(resolveCallee(model, c.callee)));
    if (!loaders.length) return;
    for (const w of writes) {
      const path = writtenPath(w);
      if (!path) continue;
      // Names the path is built from, not the modules used to build it (os.path.join(d, name) → d, name).
      const pathNames = new Set(identifiersIn(path).filter((n) => !model.imports.has(n) && !model.aliases.has(n)));
      if (!pathNames.size) continue;
      const fn = enclosingFunction(w.node);
      const dataText = w.args[0]!.text.slice(0, 2000);
      const chain = decoderChain(model, identifiersIn(dataText), fn, w.node.startIndex, 3);
      const decrypts = DECRYPT_CALL.test(dataText) || chain.decoders.size > 0 || chainCallsDecrypt(model, identifiersIn(dataText), fn, w.node.startIndex);
      if (!decrypts) continue;
      const loader = loaders.find((l) => {
        if ((enclosingFunction(l.node)?.startIndex ?? -1) !== (fn?.startIndex ?? -1)) return false;
        if (l.node.startIndex < w.node.startIndex) return false;
        const args = l.node.childForFieldName('arguments')?.text.slice(0, 1000) ?? '';
        return identifiersIn(args).some((n) => pathNames.has(n));
      });
      if (!loader) continue;
      ctx.report({
        at: at(w.node),
        message: `Writes decrypted data to ${clip(path, 80)} and then loads it with ${resolveCallee(model, loader.callee)} (line ${loader.node.startPosition.row + 1})`,
        evidence: clip(`${w.node.text} … ${loader.node.text}`),
      });
      return;
    }
  },
});

/** True when a name the written data reads was assigned from a cipher's decrypt call (pls = cipher.crypt_ecb(pl)). */
function chainCallsDecrypt(model: ReturnType<typeof modelOf>, names: string[], fn: Node | null, before: number): boolean {
  for (const n of names.slice(0, 8)) {
    for (const v of model.assigns.get(n) ?? []) {
      if (v.startIndex > before) continue;
      if (fn && (v.startIndex < fn.startIndex || v.endIndex > fn.endIndex)) continue;
      if (DECRYPT_CALL.test(v.text.slice(0, 500))) return true;
    }
  }
  return false;
}
