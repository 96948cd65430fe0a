/**
 * Code a Python file hands to exec/eval/compile (or marshal.loads), decoded statically layer by layer: each decoded
 * layer that is Python is parsed again and its own exec arguments decoded, up to a few layers.
 */
import type { Node } from 'web-tree-sitter';
import type { PyFile } from '../../core/inputs.js';
import { dotted, modelOf, resolveCallee, type PyCall, type PyModel } from './model.js';
import { parsePython } from './parse.js';
import { evaluate, looksLikeText, type PyValue } from './static-eval.js';

export const EXEC_SINKS = new Set(['exec', 'eval', 'compile', 'execfile', 'builtins.exec', 'builtins.eval', '__builtins__.exec', '__builtins__.eval', 'builtins.compile', 'marshal.loads', 'types.FunctionType']);

export interface ExecSink {
  call: PyCall;
  /** Resolved callee ('exec', 'marshal.loads', ...). */
  sink: string;
  arg: Node | undefined;
  value: PyValue | null;
  /** Decoded text of the last layer reached (Python source when it could be decoded that far). */
  finalText: string | null;
  /** All decoding steps across layers. */
  steps: string[];
  layers: number;
}

const MAX_LAYERS = 200;
/** Packers nest 50–100 layers; each costs a parse of a shrinking text. */
const PEEL_BUDGET_MS = 1500;

export function isExecSink(model: PyModel, call: PyCall): string | null {
  const callee = resolveCallee(model, call.callee);
  if (EXEC_SINKS.has(callee)) return callee;
  // free = exec; free(code): the builtin renamed by a plain assignment (bound once) so "exec(" never appears at the call.
  if (/^[A-Za-z_]\w*$/.test(call.callee)) {
    const bound = model.assigns.get(call.callee);
    if (bound?.length === 1 && (bound[0]!.type === 'identifier' || bound[0]!.type === 'attribute')) {
      const target = resolveCallee(model, bound[0]!.text);
      if (EXEC_SINKS.has(target)) return target;
    }
    // run = getattr(builtins, 'ex' + 'ec'); run(code) — or either branch of a conditional:
    // run = __builtins__[name] if isinstance(__builtins__, dict) else getattr(__builtins__, name)
    if (bound?.length === 1) {
      const v = bound[0]!;
      const branches = v.type === 'conditional_expression' ? v.namedChildren.filter((c): c is Node => !!c) : [v];
      for (const b of branches) {
        const target = b.type === 'call' ? builtinByGetattr(model, b) : b.type === 'subscript' ? builtinBySubscript(model, b) : null;
        if (target) return target;
      }
    }
  }
  // getattr(__builtins__, 'exec')(...) / vars(__builtins__)['exec']
  const fn = call.node.childForFieldName('function');
  if (fn?.type === 'call') {
    const target = builtinByGetattr(model, fn);
    if (target) return target;
  }
  if (fn && /^(?:getattr\s*\(\s*(?:__builtins__|builtins|__import__\(['"]builtins['"]\))\s*,\s*['"](exec|eval)['"]\s*\)|(?:globals|vars|locals)\(\)\s*\[\s*['"]__builtins__['"]\s*\]\s*\.\s*(exec|eval))/.test(fn.text)) {
    return 'exec';
  }
  // name = ''.join(b64decode(n).decode() for n in ['ZQ==', 'eA==', ...]); getattr(builtins, name)(payload): the builtin
  // called is itself decoded, so the reader never sees "exec".
  const g = fn && /^getattr\s*\(\s*(?:__builtins__|builtins)\s*,\s*([A-Za-z_]\w*)\s*\)$/.exec(fn.text);
  if (g && (model.assigns.get(g[1]!) ?? []).some((v) => /\b(?:b64decode|a85decode|b32decode|fromhex|unhexlify|decompress)\s*\(|\bchr\s*\(|\[\s*::\s*-1\s*\]/.test(v.text.slice(0, 2000)))) {
    return 'exec';
  }
  return null;
}

const cache = new WeakMap<object, ExecSink[]>();

export function execSinks(py: PyFile): ExecSink[] {
  let out = cache.get(py);
  if (out) return out;
  out = [];
  const model = modelOf(py);
  for (const call of model.calls) {
    const sink = isExecSink(model, call);
    if (!sink) continue;
    const arg = call.args[0];
    const value = evaluate(arg, { model, xorFuncs: model.xorFuncs });
    const res: ExecSink = { call, sink, arg, value, finalText: null, steps: value?.steps ?? [], layers: value?.steps.length ? 1 : 0 };
    if (value && looksLikeText(value.bytes ? Buffer.from(value.value, 'latin1').toString('utf8') : value.value)) {
      res.finalText = value.bytes ? Buffer.from(value.value, 'latin1').toString('utf8') : value.value;
      peel(res, model);
    }
    out.push(res);
  }
  cache.set(py, out);
  return out;
}

/** `__builtins__['ex' + 'ec']` / `vars(builtins)[name]`: the builtin looked up by a key that folds statically. */
function builtinBySubscript(model: PyModel, sub: Node): string | null {
  const obj = sub.childForFieldName('value');
  if (!obj || !/^(?:__builtins__|builtins|vars\(\s*(?:__builtins__|builtins)\s*\)|__builtins__\.__dict__|builtins\.__dict__)$/.test(obj.text)) return null;
  return execBuiltinNamed(model, sub.childForFieldName('subscript'));
}

/** 'exec' or 'eval' when the node folds statically to that name, else null. */
function execBuiltinNamed(model: PyModel, key: Node | null | undefined): string | null {
  const name = key ? evaluate(key, { model, xorFuncs: model.xorFuncs }) : null;
  return name && !name.bytes && (name.value === 'exec' || name.value === 'eval') ? name.value : null;
}

/** `getattr(builtins, 'ex' + 'ec')`: the exec/eval builtin fetched by a name that folds statically. */
function builtinByGetattr(model: PyModel, call: Node): string | null {
  if (call.childForFieldName('function')?.text !== 'getattr') return null;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (args.length < 2) return null;
  // getattr(builtins, …), getattr(__import__('builtins'), …), getattr(importlib.import_module('built' + 'ins'), …)
  const obj = args[0]!;
  const importArg = obj.type === 'call' && /^(?:__import__|importlib\.import_module|import_module)$/.test(resolveCallee(model, dotted(obj.childForFieldName('function')))) ? obj.childForFieldName('arguments')?.namedChild(0) : null;
  const isBuiltins = /^(?:__builtins__|builtins)$/.test(obj.text) || (importArg ? evaluate(importArg, { model })?.value === 'builtins' : false);
  return isBuiltins ? execBuiltinNamed(model, args[1]) : null;
}

/** Decodes nested layers: exec(b64decode('...')) whose result is again exec(zlib.decompress(...)). */
function peel(res: ExecSink, outer: PyModel): void {
  const deadline = performance.now() + PEEL_BUDGET_MS;
  for (let layer = 0; layer < MAX_LAYERS && performance.now() < deadline && res.finalText && /\b(exec|eval|compile)\s*\(/.test(res.finalText); layer++) {
    const parsed = parsePython(res.finalText);
    if (!parsed.ok) return;
    try {
      const inner: PyFile = { facts: null as never, text: res.finalText, root: parsed.root, recovered: parsed.recovered };
      const model = modelOf(inner);
      // A decoded layer may call helpers the outer file defined (`_ = lambda …` outside, `exec((_)(b'…'))` inside).
      for (const [k, v] of outer.assigns) if (!model.assigns.has(k)) model.assigns.set(k, v);
      for (const [k, v] of outer.funcs) if (!model.funcs.has(k)) model.funcs.set(k, v);
      for (const [k, v] of outer.aliases) if (!model.aliases.has(k)) model.aliases.set(k, v);
      let next: PyValue | null = null;
      for (const call of model.calls) {
        if (!isExecSink(model, call)) continue;
        const v = evaluate(call.args[0], { model, xorFuncs: model.xorFuncs });
        if (v && v.steps.length) {
          next = v;
          break;
        }
      }
      if (!next) return;
      const text = next.bytes ? Buffer.from(next.value, 'latin1').toString('utf8') : next.value;
      res.steps = [...res.steps, ...next.steps];
      res.layers++;
      if (!looksLikeText(text)) return;
      res.finalText = text;
    } finally {
      parsed.tree.delete();
    }
  }
}
