/**
 * Code-execution sinks: every place a file turns a string into running code (eval, Function and its constructor
 * aliases, vm, module._compile, data: imports, string timers, eval workers, require of a file it just wrote).
 * Found once per file (cached on the AST) and shared by the execution rules.
 */
import { foldString } from './fold.js';
import { dottedName, fileIndex, isErrFirstRequest, isGlobalObjectName, memberKey, patternNames, requiredModule, resolveName, stripGlobal, unwrap, valueAt, type FileIndex } from './names.js';
import { flatAst, T, typeMask, walk, type Node } from './walk.js';

export type SinkKind =
  | 'eval'
  | 'function' // Function(...) / new Function(...)
  | 'function-constructor' // Function.constructor, (0, Function.constructor), Reflect.construct(Function, …), x.constructor.constructor
  | 'vm'
  | 'module-compile'
  | 'import'
  | 'timer-string'
  | 'worker-eval'
  | 'require-written'
  | 'child-eval' // spawn(process.execPath | 'node' | 'python', ['-e' | '-c', code])
  | 'module-hook'; // a node module customization hook's `load` returning `{ source }`: node runs that source as the module

export interface Sink {
  kind: SinkKind;
  /** The call/new/import node. */
  node: Node;
  /** The argument that is run as code (null when absent). */
  code: Node | null;
  /** For Function-like sinks: the parameter-name arguments (before the body). */
  params: Node[];
  /** How the sink is spelled, for messages: 'new (Function.constructor)', 'vm.runInThisContext', ... */
  label: string;
  /** For require-written: the write call whose file is then required. */
  write?: Node;
  /**
   * The argument may be a function rather than code: a timer given a promise/stream callback's data parameter
   * (`.then(code => setTimeout(code))`, `.then(r => setTimeout(r.data))`). Only a value that is all network text makes
   * it a string eval; rules check the origins before reporting.
   */
  unsure?: boolean;
}

const VM_METHODS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction']);
const cache = new WeakMap<object, Sink[]>();

/**
 * Cheap text test: could this file contain any sink at all? (`vm.Script`/`SourceTextModule`, `x.constructor.constructor`,
 * `(function(){}).constructor`, require-from-string and `spawn(node, ['-e', code])` are sinks that name neither eval nor
 * Function.) Rules list it in their prefilter with
 * OBFUSCATION_HATCH as the alternative (`\u0065val` is an identifier named eval).
 */
export const SINK_HINT =
  /\beval\b|Reflect\.get\s*\(\s*(?:globalThis|global|window|self)\b|function\s+load\b|load\s*=\s*(?:async\s*)?(?:function|\()|Function|runIn|compileFunction|_compile|\bimport\s*\(|setTimeout|setInterval|Worker|writeFile|outputFile|\bScript\b|SourceTextModule|constructor\W{1,4}constructor|\}\s*\)?\s*\.\s*constructor\b|from-string|FromString|execPath\s*,\s*\[|['"`](?:node|nodejs|python[\d.]*|py)(?:\.exe)?['"`]\s*,\s*\[/;

export function findSinks(ast: Node): Sink[] {
  const hit = cache.get(ast);
  if (hit) return hit;
  const ix = fileIndex(ast);
  const out: Sink[] = [];
  const { nodes, types, parent } = flatAst(ast);
  for (let i = 0; i < nodes.length; i++) {
    const code = types[i]!;
    if (code === T.ReturnStatement) {
      const s = hookSource(i, nodes, types, parent);
      if (s) out.push(s);
      continue;
    }
    if (code === T.ImportExpression) {
      const node = nodes[i]!;
      out.push({ kind: 'import', node, code: node.source ?? null, params: [], label: 'import()' });
      continue;
    }
    if (code !== T.CallExpression && code !== T.NewExpression) continue;
    const node = nodes[i]!;
    const s = classify(node, ast, ix);
    if (s) out.push(s);
  }
  cache.set(ast, out);
  return out;
}

/**
 * `export async function load(url, context, nextLoad) { … return { format, source, shortCircuit } }`: a module
 * customization hook (registered with module.register or --loader); the `source` it returns is what node runs as the
 * module. Only a function named `load` at the top level of a module, with the hook's (url, context, next) shape.
 */
const FUNCTION_TYPES = typeMask(T.FunctionDeclaration, T.FunctionExpression, T.ArrowFunctionExpression);
function hookSource(i: number, nodes: Node[], types: Uint8Array, parent: Int32Array): Sink | null {
  const ret = nodes[i]!;
  const obj = ret.argument;
  if (obj?.type !== 'ObjectExpression') return null;
  const prop = obj.properties?.find((p: Node) => p.type === 'Property' && !p.computed && (p.key?.name === 'source' || p.key?.value === 'source'));
  if (!prop) return null;
  // Up the flat AST's parent indexes (the file index's parent map would cost a pass over a bundle's every node).
  let k = parent[i]!;
  for (let d = 0; k >= 0 && d < 50 && !FUNCTION_TYPES[types[k]!]; d++) k = parent[k]!;
  const fn = k >= 0 ? nodes[k]! : undefined;
  if (!fn || (fn.params?.length ?? 0) < 2) return null;
  const decl = fn.type === 'FunctionDeclaration' ? fn : parent[k]! >= 0 ? nodes[parent[k]!] : undefined;
  const name = fn.type === 'FunctionDeclaration' ? fn.id?.name : decl?.type === 'VariableDeclarator' ? decl.id?.name : undefined;
  if (name !== 'load') return null;
  return { kind: 'module-hook', node: ret, code: prop.value, params: [], label: 'a module hook\'s load() source' };
}

/** Function-constructor spellings that need no name lookup: `Function`, `X.constructor.constructor`, `(function(){}).constructor`, … */
function isFunctionCtorShape(x: Node, ast: Node): boolean {
  if (reflectGlobal(x, ast) === 'Function') return true;
  const name = stripGlobal(dottedName(x, ast));
  if (name === 'Function' || name === 'Function.constructor' || name === 'Function.prototype.constructor') return true;
  if (name?.endsWith('.constructor.constructor')) return true;
  if (x.type === 'MemberExpression') {
    const obj = unwrap(x.object);
    const key = memberKey(x, ast);
    // (function(){}).constructor, (()=>{}).constructor, [].constructor.constructor, ''.constructor.constructor
    if (key === 'constructor' && obj && (obj.type === 'FunctionExpression' || obj.type === 'ArrowFunctionExpression')) return true;
    // [].constructor.constructor, ({}).constructor['constructor'], `${x}`.constructor.constructor: any X.constructor.constructor
    if (key === 'constructor' && obj?.type === 'MemberExpression' && memberKey(obj, ast) === 'constructor') return true;
    // Object.getPrototypeOf(async function () {}).constructor: the AsyncFunction constructor
    if (key === 'constructor' && obj?.type === 'CallExpression' && /^(Object|Reflect)\.getPrototypeOf$/.test(dottedName(obj.callee, ast) ?? '')) {
      const a = unwrap(obj.arguments?.[0]);
      if (a && (a.type === 'FunctionExpression' || a.type === 'ArrowFunctionExpression')) return true;
    }
  }
  return false;
}

function isEvalShape(x: Node, ast: Node): boolean {
  return stripGlobal(dottedName(x, ast)) === 'eval' || reflectGlobal(x, ast) === 'eval';
}

/**
 * The global a `Reflect.get(globalThis, key)` reads, when the key folds (`Reflect.get(globalThis, ['ev', 'al'].join(''))`
 * is eval); else null.
 */
function reflectGlobal(x: Node, ast: Node): string | null {
  if (x.type !== 'CallExpression' || dottedName(x.callee, ast) !== 'Reflect.get') return null;
  const target = unwrap(x.arguments?.[0] ?? null);
  if (target?.type !== 'Identifier' || !isGlobalObjectName(target.name)) return null;
  const key = x.arguments?.[1] ? foldString(x.arguments[1], ast, { maxSteps: 200, maxLength: 64 })?.value : undefined;
  return key ?? null;
}

const MAX_ALIAS_DEPTH = 4;
type Shape = (x: Node, ast: Node) => boolean;
const aliasGate = new WeakMap<FileIndex, Map<Shape, Map<string, boolean>>>();

/**
 * Cheap, name-based superset: could `name` hold a value of this shape anywhere in the file (directly or through other
 * names, up to MAX_ALIAS_DEPTH)? Only names that pass pay for resolving the reference's binding (which builds scopes).
 */
function mayAlias(ix: FileIndex, ast: Node, shape: Shape, name: string, depth: number): boolean {
  let byShape = aliasGate.get(ix);
  if (!byShape) aliasGate.set(ix, (byShape = new Map()));
  let memo = byShape.get(shape);
  if (!memo) byShape.set(shape, (memo = new Map()));
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  memo.set(name, false); // a cycle (a = b; b = a) holds nothing new
  let yes = false;
  for (const v of ix.values.get(name) ?? []) {
    const x = unwrap(v);
    if (!x) continue;
    if (shape(x, ast) || (x.type === 'Identifier' && depth < MAX_ALIAS_DEPTH && mayAlias(ix, ast, shape, x.name, depth + 1))) {
      yes = true;
      break;
    }
  }
  memo.set(name, yes);
  return yes;
}

/**
 * Whether `n` is a value of this shape, directly or through a name bound to one: `const F = Function.constructor;
 * new F(…)` and `const C = (function(){}).constructor; const D = C; D(…)`, each name resolved at the place it is read
 * (names.ts valueAt): a parameter or a shadowing local of the same name elsewhere in a minified bundle is not the alias.
 */
function isShapeOrAlias(n: Node | null, ast: Node, ix: FileIndex, shape: Shape, depth = 0): boolean {
  const x = unwrap(n);
  if (!x || depth > MAX_ALIAS_DEPTH) return false;
  if (shape(x, ast)) return true;
  if (x.type !== 'Identifier' || x.name === 'Function' || x.name === 'eval') return false;
  if (!mayAlias(ix, ast, shape, x.name, 0)) return false;
  const v = valueAt(ix, x);
  return !!v && isShapeOrAlias(v, ast, ix, shape, depth + 1);
}

function isFunctionCtorExpr(n: Node | null, ast: Node, ix: FileIndex): boolean {
  return isShapeOrAlias(n, ast, ix, isFunctionCtorShape);
}

function isEvalExpr(n: Node | null, ast: Node, ix: FileIndex): boolean {
  return isShapeOrAlias(n, ast, ix, isEvalShape);
}

const SINK_NAMES = new Set(['eval', 'Function', 'Reflect', 'setTimeout', 'setInterval', 'require', 'Worker', 'Script', 'SourceTextModule', 'runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'spawn', 'spawnSync', 'execFile', 'execFileSync']);
const SINK_PROPS = new Set(['eval', 'Function', 'constructor', 'construct', 'apply', 'runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule', '_compile', 'setTimeout', 'setInterval', 'Worker', 'spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** npm packages whose export turns a string into a running module or value (require-from-string, eval, node-eval ...). */
const STRING_LOADERS = new Set(['require-from-string', 'module-from-string', 'module-from-string.requireFromString', 'module-from-string.importFromString', 'eval', 'node-eval', 'import-from-string', 'import-from-string.importFromString']);
const SPAWN_FNS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Interpreters and the flag after which their argument is program text. */
const INLINE_FLAGS: Record<string, Set<string>> = {
  node: new Set(['-e', '--eval', '-p', '--print']),
  python: new Set(['-c']),
};

/** Per file index: whether a name is ever given an identifier or member value (maybeSink). */
const aliasValued = new WeakMap<FileIndex, Map<string, boolean>>();

/** Cheap shape test before any folding: can this callee be a sink at all? */
function maybeSink(callee: Node, ix: FileIndex): boolean {
  if (callee.type === 'Identifier') {
    if (SINK_NAMES.has(callee.name)) return true;
    if (STRING_LOADERS.has(ix.modules.get(callee.name) ?? '')) return true;
    // A name given an alias somewhere (`F = Function.constructor`, `e = eval`): classify resolves the binding. Answered
    // once per name (a bundle calls its e/t/n thousands of times, each with up to 200 values).
    let byName = aliasValued.get(ix);
    if (!byName) aliasValued.set(ix, (byName = new Map()));
    let yes = byName.get(callee.name);
    if (yes === undefined) {
      yes = ix.values.get(callee.name)?.some((v) => {
        const x = unwrap(v);
        return x?.type === 'Identifier' || x?.type === 'MemberExpression' || (x?.type === 'CallExpression' && dottedName(x.callee) === 'Reflect.get');
      }) ?? false;
      byName.set(callee.name, yes);
    }
    return yes;
  }
  if (callee.type === 'MemberExpression') {
    if (!callee.computed) {
      // eval.call(thisArg, code), globalThis.eval.call(…): only on a receiver spelled eval (.call is on every other line
      // of a bundle); classify then checks the receiver as isEvalShape.
      if (callee.property?.name === 'call') {
        const o = unwrap(callee.object);
        return o?.type === 'Identifier' ? o.name === 'eval' : o?.type === 'MemberExpression' && !o.computed && o.property?.name === 'eval';
      }
      return SINK_PROPS.has(callee.property?.name);
    }
    const p = unwrap(callee.property);
    if (p?.type === 'Literal') return SINK_PROPS.has(String(p.value));
    // globalThis['ev' + 'al'], fn[decoded]: only on a global object or something already Function-like.
    const o = unwrap(callee.object);
    return (o?.type === 'Identifier' && (o.name === 'global' || o.name === 'globalThis' || o.name === 'window' || o.name === 'self' || o.name === 'Function')) || o?.type === 'MemberExpression';
  }
  return callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression' ? false : callee.type === 'MemberExpression';
}

function classify(node: Node, ast: Node, ix: FileIndex): Sink | null {
  const callee = unwrap(node.callee);
  if (!callee || !maybeSink(callee, ix)) return null;
  const args: Node[] = node.arguments ?? [];
  const isNew = node.type === 'NewExpression';
  const rawName = dottedName(callee, ast);
  const name = stripGlobal(rawName);

  if (!isNew && isEvalExpr(callee, ast, ix)) return { kind: 'eval', node, code: args[0] ?? null, params: [], label: rawName ?? 'eval' };

  if (isFunctionCtorExpr(callee, ast, ix)) {
    const plain = name === 'Function';
    return {
      kind: plain ? 'function' : 'function-constructor',
      node,
      code: args.length ? args[args.length - 1]! : null,
      params: args.slice(0, -1),
      label: `${isNew ? 'new ' : ''}${plain ? 'Function' : `(${rawName ?? 'Function.constructor'})`}`,
    };
  }

  // Indirect eval: Reflect.apply(eval, thisArg, [code]), eval.call(thisArg, code), eval.apply(thisArg, [code]) (eval by
  // its name only: .apply is on every other line of a bundle, and resolving each receiver's binding would cost).
  if (!isNew && name === 'Reflect.apply' && isEvalExpr(unwrap(args[0] ?? null), ast, ix)) {
    const list = unwrap(args[2] ?? null);
    return { kind: 'eval', node, code: list?.type === 'ArrayExpression' ? (list.elements[0] ?? null) : list, params: [], label: 'Reflect.apply(eval, …)' };
  }
  if (!isNew && callee.type === 'MemberExpression' && !callee.computed && (callee.property?.name === 'call' || callee.property?.name === 'apply') && isEvalShape(unwrap(callee.object)!, ast)) {
    const how = callee.property.name as 'call' | 'apply';
    const list = unwrap(args[1] ?? null);
    const code = how === 'call' ? (args[1] ?? null) : list?.type === 'ArrayExpression' ? (list.elements[0] ?? null) : list;
    return { kind: 'eval', node, code, params: [], label: `eval.${how}` };
  }

  if (name === 'Reflect.construct' || name === 'Reflect.apply') {
    if (!isFunctionCtorExpr(args[0] ?? null, ast, ix)) return null;
    const list = unwrap(args[name === 'Reflect.apply' ? 2 : 1] ?? null);
    const items: Node[] = list?.type === 'ArrayExpression' ? list.elements.filter(Boolean) : [];
    return { kind: 'function-constructor', node, code: items.length ? items[items.length - 1]! : list, params: items.slice(0, -1), label: `${name}(Function, …)` };
  }

  if (!name && callee.type === 'MemberExpression' && requiredModule(callee.object, ast) === 'vm') {
    const m = callee.computed ? null : callee.property?.name;
    if (m && VM_METHODS.has(m) && args.length) return { kind: 'vm', node, code: args[0]!, params: [], label: `require('vm').${m}` };
    if (m === 'Script' && isNew) return { kind: 'vm', node, code: args[0] ?? null, params: [], label: `new require('vm').Script` };
  }
  if (name) {
    const last = name.slice(name.lastIndexOf('.') + 1);
    const base = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    const mod = ix.modules.get(base) ?? ix.modules.get(name) ?? '';
    const isVm = base === 'vm' || mod === 'vm' || mod === `vm.${last}`;
    if (VM_METHODS.has(last) && (isVm || (!base && mod.startsWith('vm'))) && args.length) {
      return { kind: 'vm', node, code: args[0]!, params: [], label: name };
    }
    if (isNew && (last === 'Script' || last === 'SourceTextModule') && (isVm || base === '')) {
      if (base === '' && !(ix.modules.get(name) ?? '').startsWith('vm')) return null;
      return { kind: 'vm', node, code: args[0] ?? null, params: [], label: `new ${name}` };
    }
    if (last === '_compile' && args.length) return { kind: 'module-compile', node, code: args[0]!, params: [], label: name };
    if ((name === 'setTimeout' || name === 'setInterval') && args.length) {
      const a = unwrap(args[0]!);
      if (a && !isFunctionLike(a, ix)) return { kind: 'timer-string', node, code: a, params: [], label: name };
      if (a && dataParam(a, ix, ast)) return { kind: 'timer-string', node, code: a, params: [], label: name, unsure: true };
    }
    if (isNew && last === 'Worker' && args.length > 1) {
      const opts = unwrap(args[1]!);
      const evalOpt = opts?.type === 'ObjectExpression' && opts.properties.some((p: Node) => p.key?.name === 'eval' && unwrap(p.value)?.value === true);
      if (evalOpt) return { kind: 'worker-eval', node, code: args[0]!, params: [], label: `new ${name}(…, { eval: true })` };
    }
    if (!isNew && STRING_LOADERS.has(ix.modules.get(name) ?? '') && args.length) {
      return { kind: 'module-compile', node, code: args[0]!, params: [], label: `${name}() (${ix.modules.get(name)})` };
    }
    if (!isNew && SPAWN_FNS.has(last) && args.length >= 2) {
      const inline = inlineProgram(args, ast);
      if (inline) return { kind: 'child-eval', node, code: inline.code, params: [], label: `${name}(${inline.interpreter}, ['${inline.flag}', …])` };
    }
    if (name === 'require' && args.length && !(unwrap(args[0]!)?.type === 'Literal')) {
      const write = writtenFile(args[0]!, ast, ix);
      if (write) return { kind: 'require-written', node, code: write.arguments?.[1] ?? null, params: [], label: 'require(<file just written>)', write };
    }
  }
  return null;
}

/** spawn(process.execPath, ['-e', code]) / execFile('python3', ['-c', code]): the argument run as a program. */
function inlineProgram(args: Node[], ast: Node): { interpreter: string; flag: string; code: Node } | null {
  const bin = unwrap(args[0]!);
  const binName = dottedName(bin, ast);
  let interp: string | null = null;
  if (binName === 'process.execPath' || binName === 'process.argv.0') interp = 'node';
  else {
    const v = foldString(bin, ast, { maxSteps: 500, maxLength: 200 })?.value;
    const base = v?.split(/[\\/]/).pop()?.replace(/\.exe$/i, '').toLowerCase() ?? '';
    if (base === 'node' || base === 'nodejs') interp = 'node';
    else if (/^python(\d(\.\d+)?)?w?$/.test(base) || base === 'py') interp = 'python';
  }
  if (!interp) return null;
  const list = unwrap(args[1]!);
  if (list?.type !== 'ArrayExpression') return null;
  const items: (Node | null)[] = list.elements ?? [];
  for (let i = 0; i + 1 < items.length; i++) {
    const flag = items[i] ? foldString(unwrap(items[i]!), ast, { maxSteps: 200, maxLength: 20 })?.value : undefined;
    if (flag && INLINE_FLAGS[interp]!.has(flag) && items[i + 1]) return { interpreter: binName ?? interp, flag, code: items[i + 1]! };
  }
  return null;
}

function isFunctionLike(a: Node, ix: FileIndex): boolean {
  if (a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression') return true;
  if (a.type === 'Identifier') {
    if (ix.functions.has(a.name) || ix.params.has(a.name)) return true;
    return !ix.values.has(a.name); // unknown binding (import, global): assume a function
  }
  if (a.type === 'MemberExpression' || a.type === 'CallExpression') return true; // obj.method, fn.bind(x)
  return false;
}

const DATA_EVENTS = new Set(['data', 'message']);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener']);
/** Calls whose callback receives a download: `request(u, (err, res, body) => …)`, `https.get(u, res => …)`, `needle.get`. */
const REQUEST_CALLS = new Set(['request', 'get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'needle']);
/** Handler properties given a message: `ws.onmessage = (m) => …`. */
const HANDLER_PROPS = new Set(['onmessage']);
/** A member key whose dotted name may end in a handler property (a key can hold dots: `o['x.onmessage']`). */
const HANDLER_SUFFIX = /onmessage$/;

/**
 * Which parameters of a callback carry a value received at run time (a response, its text, a message), not a function
 * of this file: the first of `.then(fn)` and of `.on|once|addListener|addEventListener('data'|'message', fn)`; of a
 * request call's last-argument callback, every parameter (after the error of an err-first client: `request(u, (err,
 * res, body) => …)`). The one argument of `call` that may be such a callback and its data parameters; null when none.
 */
function dataParamsFrom(call: Node): { index: number; range: DataRange } | null {
  const callee = unwrap(call.callee);
  const method = callee?.type === 'MemberExpression' && !callee.computed ? callee.property?.name : null;
  if (method === 'then') return { index: 0, range: FIRST_ONLY };
  if (method && LISTEN_METHODS.has(method)) {
    const ev = unwrap(call.arguments?.[0]);
    return ev?.type === 'Literal' && DATA_EVENTS.has(String(ev.value)) ? { index: 1, range: FIRST_ONLY } : null;
  }
  const last = method ?? (callee?.type === 'Identifier' ? callee.name : null);
  if (!last || !REQUEST_CALLS.has(last) || call.type !== 'CallExpression') return null;
  const index = (call.arguments?.length ?? 0) - 1;
  if (index <= 0) return null;
  return { index, range: isErrFirstRequest(call) ? AFTER_ERROR : ALL_PARAMS };
}
/** Data parameter indexes [lo, hi] of a callback. */
type DataRange = readonly [number, number];
const FIRST_ONLY: DataRange = [0, 0];
const AFTER_ERROR: DataRange = [1, Infinity];
const ALL_PARAMS: DataRange = [0, Infinity];

interface DataCallbacks {
  /** Name → the data callbacks one of whose data parameters binds it (the whole pattern of a destructured one). */
  byName: Map<string, Node[]>;
  /** Callback → the indexes of its data parameters. */
  from: Map<Node, DataRange>;
}
const dataCallbackCache = new WeakMap<FileIndex, DataCallbacks>();
function dataCallbacks(ix: FileIndex, ast: Node): DataCallbacks {
  let dc = dataCallbackCache.get(ix);
  if (dc) return dc;
  const byName = new Map<string, Node[]>();
  const from = new Map<Node, DataRange>();
  const addFn = (fn: Node, range: DataRange | null) => {
    const params: Node[] = fn.params ?? [];
    if (!range || range[0] >= params.length) return;
    from.set(fn, range);
    for (let i = range[0]; i < params.length && i <= range[1]; i++) {
      for (const id of patternNames(params[i])) {
        const list = byName.get(id.name);
        if (!list) byName.set(id.name, [fn]);
        else if (list[list.length - 1] !== fn) list.push(fn);
      }
    }
  };
  // The callbacks of the calls that pass one a download (at most one argument of each call can be one), in source
  // order: a pass over the call nodes, without the file's call-site index (dotted names of every call of a bundle).
  const { nodes, types } = flatAst(ast);
  for (let i = 0; i < nodes.length; i++) {
    if (types[i] !== T.CallExpression && types[i] !== T.NewExpression) continue;
    const node = nodes[i]!;
    const d = dataParamsFrom(node);
    if (!d) continue;
    const fn = unwrap(node.arguments?.[d.index]);
    if (fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression')) addFn(fn, d.range);
  }
  // Handler properties (`ws.onmessage = fn`): assignments to a member whose dotted name ends in one, read straight off
  // the flat AST (the index's member values name every `this.x = …` of a bundle); at most 200 per name, as it keeps.
  const perName = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    if (types[i] !== T.AssignmentExpression) continue;
    const node = nodes[i]!;
    const l = unwrap(node.left);
    if (l?.type !== 'MemberExpression' || !HANDLER_SUFFIX.test(memberKey(l) ?? '')) continue;
    const name = dottedName(l);
    if (!name || !HANDLER_PROPS.has(name.slice(name.lastIndexOf('.') + 1))) continue;
    const seen = perName.get(name) ?? 0;
    if (seen >= 200) continue;
    perName.set(name, seen + 1);
    const fn = unwrap(node.right);
    if (fn && (fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression')) addFn(fn, FIRST_ONLY);
  }
  dc = { byName, from };
  dataCallbackCache.set(ix, dc);
  return dc;
}

/**
 * `code` in `.then(code => …)`, `.on('data', code => …)`, `request(u, (err, res, code) => …)`, `ws.onmessage = (code)
 * => …`, or a property of it (`r.data`): a value received at run time.
 */
function dataParam(a: Node, ix: FileIndex, ast: Node): boolean {
  let base: Node | null = a;
  for (let i = 0; base?.type === 'MemberExpression' && i < 8; i++) base = base.computed ? null : unwrap(base.object);
  if (base?.type !== 'Identifier') return false;
  // Cheap gate first: resolveName builds the file's scopes and parent links, which a 2 MB bundle full of
  // `setTimeout(e)` paid for nothing (0.25 s): the timer must sit inside a data callback one of whose data parameters
  // has this name. Which binding it really resolves to is checked next, for the few that pass.
  const name = base.name as string;
  const dc = dataCallbacks(ix, ast);
  const fns = dc.byName.get(name);
  const at = base.start;
  if (!fns?.some((fn) => fn.start <= at && at < fn.end)) return false;
  const bs = resolveName(ix, name, base);
  const b = bs[0];
  const range = b?.fn ? dc.from.get(b.fn) : undefined;
  if (bs.length !== 1 || b!.kind !== 'param' || !range || b!.index! < range[0] || b!.index! > range[1] || !fns.includes(b!.fn!)) return false;
  // `(cb) => cb()` elsewhere in the callback: the parameter is used as a function. Checked last: minified bundles call
  // `e`/`t` thousands of times, and resolving each call per timer made this quadratic (+0.3 s on a 2 MB bundle).
  return !(a === base && (ix.calls.get(name) ?? []).some((c) => unwrap(c.callee)?.type === 'Identifier' && resolveName(ix, name, unwrap(c.callee)!)[0] === b));
}

const WRITE_FNS = new Set(['writeFileSync', 'writeFile', 'appendFileSync', 'outputFileSync', 'outputFile']);

/** The `fs.writeFileSync(p, data)` call that wrote the file `require(p)` loads: same identifier or same folded path. */
function writtenFile(pathArg: Node, ast: Node, ix: FileIndex): Node | null {
  const want = unwrap(pathArg);
  const wantName = want?.type === 'Identifier' ? want.name : null;
  const wantValue = foldString(want, ast, { maxSteps: 2000 })?.value ?? null;
  for (const [callee, calls] of ix.calls) {
    if (!WRITE_FNS.has(callee.slice(callee.lastIndexOf('.') + 1)) || callee.includes('.') === false && !WRITE_FNS.has(callee)) continue;
    for (const c of calls) {
      const p = unwrap(c.arguments?.[0]);
      if (!p) continue;
      if (wantName && p.type === 'Identifier' && p.name === wantName) return c;
      if (wantValue && foldString(p, ast, { maxSteps: 2000 })?.value === wantValue) return c;
    }
  }
  return null;
}
