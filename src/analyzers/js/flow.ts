/**
 * Intra-file, name-based backward data flow: where does the value of an expression come from?
 *
 * From a sink's code argument it walks back through variables (every assignment of the name), object properties,
 * awaits, `.then(r => …)` / `.catch(err => …)` callbacks, `.on('data', …)` events, `new Promise(resolve => …)`,
 * catch clauses, small helper functions (their returns and their call sites) and decoders, and stops at sources:
 * network calls (fetch, axios, got, request, http/https, node-fetch, sockets, XHR, RPC), `process.env.X`, literals,
 * or unknowns. Names resolve through lexical scopes (names.ts `resolveName`: parameters and local declarations shadow
 * outer names, `var` hoists to its function, `let`/`const` stay in their block): a minified bundle's many `e`/`t`
 * parameters never share origins. Names that resolve to no declaration (implicit globals, sloppy-mode block functions)
 * fall back to every undeclared binding of the name. Properties are matched by dotted name, their base object by scope.
 * Bounded in steps: enough to link a loader's fetch to its `Function` call, cheap enough to run on every sink.
 */
import { foldString } from './fold.js';
import { dottedName, fileIndex, innermostScope, isErrFirstRequest, requiredModule, resolveName, stripGlobal, unwrap, type Binding, type FileIndex, type FnNode } from './names.js';
import { walk, type Node } from './walk.js';

export type OriginKind = 'network' | 'network-error' | 'env' | 'literal' | 'file' | 'unknown';

export interface Origin {
  kind: OriginKind;
  /** The source node (the network call, the `process.env.X` read, the literal, the unknown name). */
  node: Node;
  /** Human label: 'axios.get', 'process.env.DEV_API_KEY', 'fetch', 'err.response.data', ... */
  label: string;
  /** Decoders met on the way from the source to the sink ('atob', 'Buffer.from(base64)', 'XOR', ...). */
  decoders: string[];
  /** For network sources: the URL argument (fold it to show the URL). */
  url?: Node | null;
}

const NETWORK_FNS = new Set(['fetch', 'got', 'request', 'needle', 'superagent', 'axios', 'ky', 'undici.request', 'undici.fetch', 'io', 'io.connect', 'XMLHttpRequest', 'WebSocket', 'EventSource']);
const NETWORK_MODULES = new Set(['axios', 'got', 'request', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'needle', 'superagent', 'undici', 'ky', 'phin', 'bent', 'socket.io-client', 'ws', 'http', 'https', 'net', 'tls', 'http2']);
/** Modules whose default export is itself a request function: `axios(u)`, `got(u)`, `fetch(u)`. */
const CALLABLE_CLIENTS = new Set(['axios', 'got', 'request', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'needle', 'superagent', 'ky', 'phin', 'bent', 'socket.io-client']);
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'options', 'fetch', 'connect', 'createConnection', 'getAdapter']);
const RPC_METHODS = new Set(['getTransaction', 'getTransactionReceipt', 'getTransactionByHash', 'getStorageAt', 'getAccountInfo', 'getParsedTransaction', 'getAccountResources', 'getSignaturesForAddress', 'getLogs']);
/** Methods of an ethers Contract that return no on-chain data (signers, listeners, its own address). */
const CONTRACT_NON_READS = new Set(['connect', 'attach', 'on', 'once', 'off', 'removeListener', 'removeAllListeners', 'listenerCount', 'getAddress', 'waitForDeployment', 'deploymentTransaction', 'getDeployedCode', 'then']);
const PASS_METHODS = new Set(['toString', 'text', 'json', 'trim', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'split', 'join', 'concat', 'arrayBuffer', 'blob', 'valueOf', 'toLowerCase', 'toUpperCase', 'map', 'filter', 'at', 'flat', 'find', 'pop', 'shift']);

interface Item {
  node: Node;
  decoders: string[];
  error: boolean;
}

export interface FlowOptions {
  maxSteps?: number;
}

const assignsCache = new WeakMap<FileIndex, Map<string, Map<Binding | null, Node[]>>>();
/**
 * The plain assignments of `name` that resolve to binding `b` (null: assignments of the undeclared global), in file
 * order. Grouped once per file and name: minified bundles reuse a name (`t1`) in thousands of functions, and resolving
 * every assignment again on every read of the name was quadratic (sass.dart.js, 5.6 MB: 38 s in one rule).
 */
function assignsOf(ix: FileIndex, name: string, b: Binding | null): Node[] {
  let byName = assignsCache.get(ix);
  if (!byName) assignsCache.set(ix, (byName = new Map()));
  let byBinding = byName.get(name);
  if (!byBinding) {
    byBinding = new Map();
    for (const a of ix.assigns.get(name) ?? []) {
      const bs = resolveName(ix, name, a);
      for (const x of bs.length ? bs : [null]) {
        const list = byBinding.get(x);
        if (list) list.push(a);
        else byBinding.set(x, [a]);
      }
    }
    byName.set(name, byBinding);
  }
  return byBinding.get(b) ?? [];
}

/** Sources of `expr`'s value. Bounded; never throws on odd trees. */
export function originsOf(expr: Node | null, ast: Node, opts: FlowOptions = {}): Origin[] {
  if (!expr) return [];
  const ix = fileIndex(ast);
  const names = functionNames(ast, ix);
  const out: Origin[] = [];
  const seen = new Set<string>();
  const ids = new WeakMap<Node, number>();
  let nextId = 0;
  const idOf = (n: Node) => {
    let v = ids.get(n);
    if (v === undefined) ids.set(n, (v = nextId++));
    return v;
  };
  const work: Item[] = [{ node: expr, decoders: [], error: false }];
  const calleeCache = new Map<Node, FnNode[]>();
  const maxSteps = opts.maxSteps ?? 4000;
  let steps = 0;
  const add = (node: Node | null | undefined, from: Item, extra?: Partial<Item>) => {
    if (!node) return;
    work.push({ node, decoders: extra?.decoders ?? from.decoders, error: extra?.error ?? from.error });
  };
  const emit = (o: Origin) => {
    if (out.length < 50) out.push(o);
  };

  while (work.length && steps++ < maxSteps) {
    const it = work.pop()!;
    const n = unwrap(it.node);
    if (!n) continue;
    const key = `${idOf(n)}:${it.error ? 1 : 0}:${it.decoders.length}`;
    if (seen.has(key)) continue;
    seen.add(key);

    switch (n.type) {
      case 'Literal':
      case 'TemplateLiteral':
        if (n.type === 'TemplateLiteral' && n.expressions.length) {
          for (const e of n.expressions) add(e, it);
        } else emit({ kind: 'literal', node: n, label: 'literal', decoders: it.decoders });
        break;
      case 'BinaryExpression':
        if (n.operator === '^') {
          add(n.left, it, { decoders: [...it.decoders, 'XOR'] });
          add(n.right, it);
        } else {
          add(n.left, it);
          add(n.right, it);
        }
        break;
      case 'LogicalExpression':
        add(n.left, it);
        add(n.right, it);
        break;
      case 'ConditionalExpression':
        add(n.consequent, it);
        add(n.alternate, it);
        break;
      case 'AwaitExpression':
      case 'SpreadElement':
        add(n.argument, it);
        break;
      case 'AssignmentExpression':
        add(n.right, it);
        break;
      case 'ArrayExpression':
        for (const e of n.elements ?? []) add(e, it);
        break;
      case 'ObjectExpression':
        for (const p of n.properties ?? []) add(p.type === 'Property' ? p.value : p.argument, it);
        break;
      case 'Identifier':
        identifier(n, it);
        break;
      case 'MemberExpression': {
        const envName = processEnv(n);
        if (envName) {
          emit({ kind: 'env', node: n, label: `process.env.${envName}`, decoders: it.decoders });
          break;
        }
        const name = dottedName(n);
        if (name) {
          for (const v of ix.memberValues.get(name) ?? []) {
            // `e.data = …` in another function is another object that happens to share the minified name.
            const asg = ix.parent.get(v);
            if (asg?.type === 'AssignmentExpression' && !sameBase(asg.left, n)) continue;
            add(v, it);
          }
        }
        // xhr.responseText, res.data.cookie, err.response.data: the value of a property is the object's.
        add(n.object, it);
        break;
      }
      case 'CallExpression':
      case 'NewExpression':
        call(n, it);
        break;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        break;
      default:
        break;
    }
  }
  return out;

  function identifier(n: Node, it: Item): void {
    const name = n.name as string;
    const bindings = resolveName(ix, name, n);
    if (!bindings.length) {
      // An implicit global (`globalConfig = await axios.get(…)`): every undeclared assignment of the name.
      let found = false;
      for (const a of assignsOf(ix, name, null)) {
        add(a.right, it);
        found = true;
      }
      if (!found && name !== 'undefined') emit({ kind: 'unknown', node: n, label: name, decoders: it.decoders });
      return;
    }
    for (const b of bindings) {
      if (b.kind === 'var') {
        for (const v of varValues(name, b)) add(v, it);
      } else if (b.kind === 'param') param(b.fn!, b.index!, it);
      else if (b.kind === 'catch') {
        // catch (err) { … err.response.data … }: the error of whatever the try block awaited.
        for (const src of networkCallsIn(b.tryStmt?.block ?? null)) add(src, it, { error: true });
      }
    }
  }

  /** The identifier (or `this`, call, …) a member chain starts from: `a` in `a.b.c`. */
  function baseOf(x: Node | null): Node | null {
    let y = unwrap(x);
    for (let i = 0; y?.type === 'MemberExpression' && i < 50; i++) y = unwrap(y.object);
    return y;
  }

  /** Whether two member chains start from the same binding (both undeclared counts as the same; `this` is not compared). */
  function sameBase(a: Node | null, b: Node | null): boolean {
    const x = baseOf(a);
    const y = baseOf(b);
    if (x?.type !== 'Identifier' || y?.type !== 'Identifier' || x.name !== y.name) return true;
    return resolveName(ix, x.name, x)[0] === resolveName(ix, y.name, y)[0];
  }

  /** Values a name holds at `ref`: its binding's initializer and assignments; undeclared names: every undeclared assignment. */
  function valuesOf(ref: Node | null, name: string): Node[] {
    if (ref?.type !== 'Identifier') return ix.values.get(name) ?? [];
    const bs = resolveName(ix, name, ref);
    if (!bs.length) return assignsOf(ix, name, null).map((a) => a.right);
    const out: Node[] = [];
    for (const b of bs) if (b.kind === 'var') out.push(...varValues(name, b));
    return out;
  }

  /** What a variable binding holds: its initializer, what is assigned to it, what is pushed into it. */
  function varValues(name: string, b: Binding): Node[] {
    const out: Node[] = [];
    if (b.init) out.push(b.init);
    for (const a of assignsOf(ix, name, b)) out.push(a.right);
    out.push(...pushedInto(name, b));
    return out;
  }

  /**
   * What is pushed into an array held by a binding: `parts.push(chunk)` in a response's data handler, read back as
   * Buffer.concat(parts) or parts.join('') (the array form of `s += chunk`).
   */
  function pushedInto(name: string, b: Binding): Node[] {
    const out: Node[] = [];
    for (const method of ['push', 'unshift']) {
      for (const c of ix.calls.get(`${name}.${method}`) ?? []) {
        const obj = unwrap(unwrap(c.callee)?.object);
        if (obj?.type === 'Identifier' && resolveName(ix, name, obj).includes(b)) out.push(...(c.arguments ?? []));
      }
    }
    return out;
  }

  /** The module a member chain's base stands for, when the name at this place is the one bound by require/import. */
  function moduleOf(callee: Node | null, base: string): string | undefined {
    const mod = ix.modules.get(base);
    if (mod === undefined) return undefined;
    const b = baseOf(callee);
    if (b?.type !== 'Identifier') return mod;
    const bs = resolveName(ix, base, b);
    if (!bs.length) return mod;
    return bs.some((x: Binding) => (x.kind === 'other' && x.scope === ast) || (x.kind === 'var' && requiredModule(x.init ?? null, ast) !== null)) ? mod : undefined;
  }

  /** Whether `callee` is the identifier of a parameter of `fn` (`resolve(x)` inside the Promise executor). */
  function bindsParamOf(callee: Node | null, fn: Node): boolean {
    const c = unwrap(callee);
    return c?.type === 'Identifier' && resolveName(ix, c.name, c).some((b) => b.kind === 'param' && b.fn === fn);
  }

  /**
   * The local functions a call reaches. `f(x)`: the function bound to `f` where the call is (declaration, initializer,
   * assignment); a parameter or other value is no known function. An undeclared `f`: implicit-global assignments,
   * exports, and function declarations of blocks in the enclosing function (sloppy mode hoists them). `o.f(x)`:
   * `o.f = function` on the same object, else methods and properties named `f` and top-level functions named `f`.
   */
  function calleeFns(callee: Node | null): FnNode[] {
    if (!callee) return [];
    const hit = calleeCache.get(callee);
    if (hit) return hit;
    const out: FnNode[] = [];
    if (callee.type === 'Identifier') {
      const name = callee.name as string;
      const bs = resolveName(ix, name, callee);
      if (bs.length) {
        for (const b of bs) {
          if (b.kind === 'fn' && b.fn) out.push(b.fn);
          else if (b.kind === 'var') {
            const init = unwrap(b.init ?? null);
            if (isFn(init)) out.push(init as FnNode);
            for (const a of ix.assigns.get(name) ?? []) {
              const r = unwrap(a.right);
              if (isFn(r) && resolveName(ix, name, a).includes(b)) out.push(r as FnNode);
            }
          }
        }
      } else {
        for (const f of ix.functions.get(name) ?? []) {
          const d = ix.parent.get(f);
          if (f.type === 'FunctionDeclaration') {
            const home = enclosingFn(f);
            if (!home || within(callee, home)) out.push(f);
          } else if (d?.type === 'AssignmentExpression' && d.right === f) {
            const l = unwrap(d.left);
            if (l?.type === 'Identifier' ? !resolveName(ix, name, d).length : l?.type === 'MemberExpression') out.push(f);
          }
        }
      }
    } else {
      const name = stripGlobal(dottedName(callee));
      if (name) {
        for (const f of ix.functions.get(name) ?? []) {
          const d = ix.parent.get(f);
          if (!(d?.type === 'AssignmentExpression' && d.right === f) || sameBase(d.left, callee)) out.push(f);
        }
        if (!out.length && name.includes('.')) {
          for (const f of ix.functions.get(name.slice(name.lastIndexOf('.') + 1)) ?? []) {
            const d = ix.parent.get(f);
            const member = (d?.type === 'Property' && d.value === f) || d?.type === 'MethodDefinition' || (d?.type === 'AssignmentExpression' && unwrap(d.left)?.type === 'MemberExpression');
            if (member || innermostScope(ix, f)?.type === 'Program') out.push(f);
          }
        }
      }
    }
    calleeCache.set(callee, out);
    return out;
  }

  function enclosingFn(x: Node): Node | null {
    for (let p = ix.parent.get(x), i = 0; p && i < 10000; p = ix.parent.get(p), i++) {
      if (p.type === 'FunctionDeclaration' || p.type === 'FunctionExpression' || p.type === 'ArrowFunctionExpression') return p;
    }
    return null;
  }

  function param(fn: FnNode, index: number, it: Item): void {
    const cb = ix.callbackOf.get(fn);
    if (cb) {
      const c = cb.call;
      const callee = unwrap(c.callee);
      const method: string | null = callee?.type === 'MemberExpression' && !callee.computed ? callee.property?.name ?? null : null;
      const recv = callee?.type === 'MemberExpression' ? callee.object : null;
      if (method === 'then' && recv) add(recv, it, { error: it.error || cb.index === 1 });
      else if (method === 'catch' && recv) add(recv, it, { error: true });
      else if ((method === 'on' || method === 'once' || method === 'addListener' || method === 'addEventListener' || method === 'subscribe') && recv) add(recv, it);
      else if (method && ['map', 'forEach', 'filter', 'reduce', 'find', 'some', 'every', 'flatMap'].includes(method) && recv) add(recv, it);
      else if (c.type === 'NewExpression' && dottedName(callee) === 'Promise') {
        /* executor params are resolve/reject functions, not values */
      } else if (networkLabel(c)) {
        // https.get(url, res => …), request(url, (err, res, body) => …)
        add(c, it, { error: it.error || index === 0 && isErrFirstRequest(c) });
      } else {
        // A local helper calls its callback parameter: find those calls and take the matching argument.
        for (const helper of calleeFns(callee)) {
          const p = helper.params?.[cb.index];
          if (p?.type !== 'Identifier') continue;
          for (const inner of ix.calls.get(p.name) ?? []) if (within(inner, helper) && bindsParamOf(inner.callee, helper)) add(inner.arguments?.[index], it);
        }
      }
    }
    // Callback assigned as a handler: ws.onmessage = (e) => eval(e.data)
    const parent = ix.parent.get(fn);
    if (parent?.type === 'AssignmentExpression' && parent.right === fn && parent.left?.type === 'MemberExpression') add(parent.left.object, it);
    // Named function: every call site's argument at this index.
    for (const name of names.get(fn) ?? []) {
      for (const c of ix.calls.get(name) ?? []) {
        // Only the calls that reach this function: `e(x)` elsewhere calls another function named e.
        if (!calleeFns(unwrap(c.callee)).includes(fn)) continue;
        const arg = c.arguments?.[index];
        if (arg && arg.type !== 'SpreadElement') add(arg, it);
      }
    }
  }

  function call(n: Node, it: Item): void {
    const callee = unwrap(n.callee);
    const net = networkLabel(n);
    if (net) {
      emit({ kind: it.error ? 'network-error' : 'network', node: n, label: net, decoders: it.decoders, url: urlArg(n) });
      return;
    }
    const name = stripGlobal(dottedName(callee)) ?? '';
    const dec = decoderLabel(n, name);
    if (dec) {
      for (const a of n.arguments ?? []) add(a, it, { decoders: [...it.decoders, dec] });
      if (callee?.type === 'MemberExpression') add(callee.object, it, { decoders: [...it.decoders, dec] });
      return;
    }
    if (n.type === 'NewExpression' && name === 'Promise') {
      const exec = unwrap(n.arguments?.[0]);
      const resolve = exec?.params?.[0];
      if (resolve?.type === 'Identifier') for (const c of ix.calls.get(resolve.name) ?? []) if (exec && within(c, exec) && bindsParamOf(c.callee, exec)) add(c.arguments?.[0], it);
      return;
    }
    if (name === 'fs.readFileSync' || name === 'readFileSync' || name === 'fs.promises.readFile') {
      emit({ kind: 'file', node: n, label: name, decoders: it.decoders });
      return;
    }
    // Promise chains: x.then(cb) yields what cb returns; x.catch(cb) too (or x).
    if (callee?.type === 'MemberExpression') {
      const method = callee.computed ? null : callee.property?.name;
      if (method === 'then' || method === 'catch' || method === 'finally') {
        const cb = unwrap(n.arguments?.[0]);
        if (cb && (cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression')) for (const r of returnsOf(cb)) add(r, it);
        else if (cb) add(cb, it);
        if (method !== 'then') add(callee.object, it);
        return;
      }
      if (method && PASS_METHODS.has(method)) {
        add(callee.object, it);
        for (const a of n.arguments ?? []) if (method === 'concat' || method === 'join') add(a, it);
        return;
      }
    }
    // A local helper: its return values (its params resolve through every call site).
    const fns = name ? calleeFns(callee) : undefined;
    if (fns?.length) {
      for (const f of fns) for (const r of returnsOf(f)) add(r, it);
      return;
    }
    const direct = callee && (callee.type === 'ArrowFunctionExpression' || callee.type === 'FunctionExpression') ? callee : null;
    if (direct) {
      for (const r of returnsOf(direct)) add(r, it);
      return;
    }
    // Unknown function (JSON.parse, Buffer.concat, decrypt(...)): its result derives from its inputs.
    for (const a of n.arguments ?? []) add(a, it);
    if (callee?.type === 'MemberExpression') add(callee.object, it);
  }

  function networkLabel(n: Node): string | null {
    const callee = unwrap(n.callee);
    const name = stripGlobal(dottedName(callee));
    if (!name) {
      // Inline module: require('https').get(u, cb), require('axios')(u), (await import('node-fetch')).default(u).
      const req = requiredModule(callee, ast);
      if (req !== null && isNetworkCallPath(req)) return req;
      // axios.create({...}).get(u)
      if (callee?.type === 'MemberExpression' && HTTP_VERBS.has(callee.property?.name) && isNetworkInstance(unwrap(callee.object))) return `http client .${callee.property.name}`;
      // web3 contract read (EtherHiding): contract.methods.get().call()
      if (callee?.type === 'MemberExpression' && !callee.computed && callee.property?.name === 'call') {
        const m = unwrap(callee.object);
        const mc = m?.type === 'CallExpression' ? unwrap(m.callee) : null;
        const methods = mc?.type === 'MemberExpression' ? unwrap(mc.object) : null;
        if (methods?.type === 'MemberExpression' && !methods.computed && methods.property?.name === 'methods') return `${dottedName(mc) ?? 'contract.methods.?'}().call (blockchain RPC)`;
      }
      return null;
    }
    if (NETWORK_FNS.has(name)) return name;
    const parts = name.split('.');
    const base = parts[0]!;
    const last = parts[parts.length - 1]!;
    const mod = moduleOf(callee, base);
    if (mod !== undefined) {
      // `const { get } = require('https')` binds 'get' → 'https.get': judge the full path's last segment.
      const full = `${mod}${parts.length > 1 ? `.${parts.slice(1).join('.')}` : ''}`;
      if (isNetworkCallPath(full)) return full;
    }
    if (parts.length >= 2 && HTTP_VERBS.has(last)) {
      if (['axios', 'got', 'request', 'needle', 'superagent', 'http', 'https', 'ky', 'http2', 'net', 'tls'].includes(base)) return name;
      // const api = axios.create(...); api.get(u)
      const vals = valuesOf(baseOf(callee), base);
      if (vals.some((v) => isNetworkInstance(unwrap(v)))) return `${base} (http client).${last}`;
    }
    if (RPC_METHODS.has(last) && parts.length >= 2) return `${name} (blockchain RPC)`;
    // ethers contract read: `const c = new ethers.Contract(address, abi, provider); await c.get()`.
    if (parts.length === 2 && !CONTRACT_NON_READS.has(last) && valuesOf(baseOf(callee), base).some(isContract)) return `${name}() contract read (blockchain RPC)`;
    return null;
  }

  function isContract(v: Node | null): boolean {
    const x = unwrap(v);
    if (x?.type !== 'NewExpression' || (x.arguments?.length ?? 0) < 2) return false;
    const nm = dottedName(unwrap(x.callee));
    return nm === 'Contract' || !!nm?.endsWith('.Contract');
  }

  function isNetworkInstance(v: Node | null): boolean {
    if (!v || (v.type !== 'CallExpression' && v.type !== 'NewExpression')) return false;
    const nm = stripGlobal(dottedName(unwrap(v.callee)));
    if (!nm) return false;
    const base = nm.split('.')[0]!;
    const mod = (moduleOf(unwrap(v.callee), base) ?? base).split('.')[0]!;
    return (nm.endsWith('.create') && NETWORK_MODULES.has(mod)) || NETWORK_FNS.has(nm) || (NETWORK_MODULES.has(mod) && (nm.endsWith('.connect') || nm.endsWith('.createConnection')));
  }

  function networkCallsIn(block: Node | null): Node[] {
    const found: Node[] = [];
    if (!block) return found;
    let n = 0;
    walk(block, (x) => {
      if (++n > 5000 || found.length > 5) return;
      if ((x.type === 'CallExpression' || x.type === 'NewExpression') && networkLabel(x)) found.push(x);
    });
    // Calls to local helpers that fetch (errorTimeHandler → axios.get) count too, one level deep.
    if (!found.length) {
      walk(block, (x) => {
        if (found.length > 5 || x.type !== 'CallExpression') return;
        for (const f of calleeFns(unwrap(x.callee))) {
          let m = 0;
          walk(f.body, (y) => {
            if (++m > 5000 || found.length > 5) return;
            if ((y.type === 'CallExpression' || y.type === 'NewExpression') && networkLabel(y)) found.push(y);
          });
        }
      });
    }
    return found;
  }
}

/** `atob(x)`, `Buffer.from(x, 'base64')`, `decodeURIComponent(x)`, `String.fromCharCode(...)`, `.reverse()`, decipher. */
function decoderLabel(n: Node, name: string): string | null {
  const args: Node[] = n.arguments ?? [];
  if (name === 'atob') return 'atob';
  if (name === 'Buffer.from' || name === 'Buffer') {
    const enc = unwrap(args[1] ?? null);
    if (enc?.type === 'Literal' && typeof enc.value === 'string' && /^(base64|base64url|hex)$/i.test(enc.value)) return `Buffer.from(${enc.value})`;
    return null;
  }
  if (name === 'decodeURIComponent' || name === 'decodeURI' || name === 'unescape') return name;
  if (name === 'String.fromCharCode' || name === 'String.fromCodePoint') return 'fromCharCode';
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (last === 'reverse') return 'reverse';
  if (/^(decrypt|createDecipheriv|createDecipher)$/.test(last) || /AES\.decrypt|CryptoJS/.test(name)) return 'decrypt';
  if (last === 'inflateSync' || last === 'gunzipSync' || last === 'brotliDecompressSync' || last === 'inflateRawSync') return last;
  return null;
}

function processEnv(n: Node): string | null {
  const o = unwrap(n.object);
  if (o?.type !== 'MemberExpression' || o.computed || o.property?.name !== 'env') return null;
  const p = unwrap(o.object);
  if (p?.type !== 'Identifier' || p.name !== 'process') return null;
  if (!n.computed) return n.property?.name ?? null;
  const k = unwrap(n.property);
  return k?.type === 'Literal' && typeof k.value === 'string' ? k.value : null;
}

/**
 * A call of this module path downloads: 'https.get', 'axios' (a callable client), 'socket.io-client'. Servers
 * (http.createServer, net.createServer) receive requests: not a download.
 */
function isNetworkCallPath(full: string): boolean {
  const m = full.split('.')[0]!;
  if (!NETWORK_MODULES.has(m)) return false;
  return (!full.includes('.') && CALLABLE_CLIENTS.has(m)) || HTTP_VERBS.has(full.slice(full.lastIndexOf('.') + 1)) || m === 'socket.io-client';
}

/** The URL argument of a network call: first argument, or `{ url }` / `{ uri }` of an options object. */
export function urlArg(n: Node): Node | null {
  const a = unwrap(n.arguments?.[0] ?? null);
  if (!a) return null;
  if (a.type === 'ObjectExpression') {
    const p = a.properties.find((x: Node) => x.type === 'Property' && ['url', 'uri', 'host', 'hostname', 'baseURL'].includes(x.key?.name ?? x.key?.value));
    return p?.value ?? null;
  }
  return a;
}

/** Return expressions of a function (arrow expression body included), not descending into nested functions. */
export function returnsOf(fn: Node): Node[] {
  if (fn.body && fn.body.type !== 'BlockStatement') return [fn.body];
  const out: Node[] = [];
  const stack: Node[] = [fn.body];
  let n = 0;
  while (stack.length && n++ < 20000) {
    const x = stack.pop()!;
    if (!x || typeof x !== 'object') continue;
    if (x.type === 'ReturnStatement') {
      if (x.argument) out.push(x.argument);
      continue;
    }
    if (x !== fn.body && (x.type === 'FunctionExpression' || x.type === 'ArrowFunctionExpression' || x.type === 'FunctionDeclaration')) continue;
    for (const k in x) {
      if (k === 'type' || k === 'start' || k === 'end') continue;
      const v = x[k];
      if (Array.isArray(v)) for (const c of v) c && typeof c.type === 'string' && stack.push(c);
      else if (v && typeof v.type === 'string') stack.push(v);
    }
  }
  return out;
}

function isFn(n: Node | null): boolean {
  return n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression';
}

function within(inner: Node, outer: Node): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

const fnNameCache = new WeakMap<object, Map<Node, string[]>>();
/** Reverse of FileIndex.functions: the names a function node is called by. */
function functionNames(ast: Node, ix: FileIndex): Map<Node, string[]> {
  let m = fnNameCache.get(ast);
  if (m) return m;
  m = new Map();
  for (const [name, fns] of ix.functions) for (const f of fns) m.set(f, [...(m.get(f) ?? []), name]);
  fnNameCache.set(ast, m);
  return m;
}

/** Folds a network origin's URL for display; says where it comes from when it is an env var. */
export function describeUrl(url: Node | null | undefined, ast: Node): { url?: string; envVars?: string[]; decoded?: boolean } {
  if (!url) return {};
  const r = foldString(url, ast, { maxSteps: 20000, maxLength: 4000 });
  if (r) return { url: r.value, decoded: r.decoded, ...(r.envVars ? { envVars: r.envVars } : {}) };
  // The URL variable's sources: `const src = atob(process.env.X)`.
  const origins = originsOf(url, ast, { maxSteps: 500 });
  // A helper's URL parameter: the literal its call site passes.
  const lit = origins.length === 1 && origins[0]!.kind === 'literal' ? foldString(origins[0]!.node, ast, { maxLength: 4000 }) : null;
  if (lit && /^[a-z]+:\/\//i.test(lit.value)) return { url: lit.value, decoded: lit.decoded };
  const envs = origins.filter((o) => o.kind === 'env');
  if (envs.length) return { envVars: envs.map((e) => e.label.replace('process.env.', '')), decoded: envs.some((e) => e.decoders.length > 0) };
  return {};
}
