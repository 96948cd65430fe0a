/**
 * Static constant folding: what a JS expression evaluates to, when that is decidable without running anything.
 *
 * Covers what lures use to hide strings: literals and templates, `+`, array `.join`, split/reverse/join,
 * `String.fromCharCode` and charCode arrays, `atob`, `Buffer.from(x, 'base64'|'hex')`, `decodeURIComponent`/`unescape`,
 * XOR with a literal key (`.map(c => c ^ k)`, or a small helper whose loop XORs), `const` bindings and object
 * properties of the same file (`cfg.k`), and small pure helper functions (`const d = s => atob(s)`).
 *
 * Nothing here executes the sample: it is a tiny interpreter of pure expressions over plain values, bounded in steps,
 * output length and nesting so hostile input (exponential concatenation, 100k-term chains, self-references) ends as
 * "not foldable" instead of a hang.
 *
 * Split by concern: fold-scope.ts (per-file bindings and budget), this file (the evaluator and its public entry points),
 * collect-strings.ts (every string of a file, literal or folded).
 */
import { walk, type Node } from './walk.js';
import { FILE_STEP_BUDGET, processEnvName, scopeOf, type FoldScope } from './fold-scope.js';

export { FoldScope, scopeOf } from './fold-scope.js';

/** How a folded value came to be: steps that decode (base64, hex, ...) make `decoded` true. */
export type FoldStep =
  | 'concat'
  | 'template'
  | 'join'
  | 'reverse'
  | 'replace'
  | 'charcode'
  | 'base64'
  | 'hex'
  | 'uri'
  | 'xor'
  | 'const'
  | 'call';

const DECODING_STEPS: ReadonlySet<FoldStep> = new Set(['charcode', 'base64', 'hex', 'uri', 'xor', 'reverse']);

export interface FoldResult {
  value: string;
  /** True when a decoding step (base64, hex, charCode, URI, XOR, reversal, ...) was needed: the source hid it. */
  decoded: boolean;
  steps: FoldStep[];
  /**
   * `process.env.X` names whose value was needed (the fold then failed unless `envValues` supplied them). Lets a rule
   * say "the URL is atob(process.env.DEV_API_KEY)".
   */
  envVars?: string[];
}

export interface FoldOptions {
  /** Longest string (or array) the folder will build. */
  maxLength?: number;
  /** Evaluation steps per top-level fold call. */
  maxSteps?: number;
  /** Values for `process.env.X` (a project rule may know them from .env files). */
  envValues?: Record<string, string>;
}

const DEFAULTS = { maxLength: 1_000_000, maxSteps: 50_000 };
/** Evaluation stops this deep (recursion into sub-expressions; left-deep `+` chains are flattened, not recursed). */
const MAX_DEPTH = 120;

/** Internal value domain. */
type Bytes = { bytes: Uint8Array };
type Fn = { fn: Node; closure: Env };
/** Object literal: properties are evaluated on access, so one unfoldable property does not spoil the others. */
type Obj = { obj: Map<string, Value>; lazy?: Map<string, Node>; env?: Env };
type Value = string | number | boolean | null | undefined | Value[] | Bytes | Fn | Obj;
type Env = Map<string, Value> | null;

class Fail extends Error {}
const FAIL = new Fail('not foldable');


class Evaluator {
  steps = 0;
  readonly usedSteps = new Set<FoldStep>();
  readonly envVars = new Set<string>();
  private readonly maxLength: number;
  private readonly maxSteps: number;
  /** Binding memo: the file-wide one, unless env values make results differ from the plain fold. */
  private readonly memo: Map<object, Value | Fail>;
  constructor(
    readonly scope: FoldScope,
    readonly opts: FoldOptions,
  ) {
    this.memo = opts.envValues ? new Map() : (scope.memo as Map<object, Value | Fail>);
    this.maxLength = opts.maxLength ?? DEFAULTS.maxLength;
    this.maxSteps = opts.maxSteps ?? DEFAULTS.maxSteps;
  }

  private tick(n = 1): void {
    this.steps += n;
    this.scope.spent += n;
    if (this.steps > this.maxSteps || this.scope.spent > FILE_STEP_BUDGET) throw FAIL;
  }
  private str(s: string): string {
    if (s.length > this.maxLength) throw FAIL;
    return s;
  }
  private arr<T>(a: T[]): T[] {
    if (a.length > this.maxLength) throw FAIL;
    return a;
  }

  eval(node: Node | null | undefined, env: Env, depth: number): Value {
    if (!node) throw FAIL;
    if (depth > MAX_DEPTH) throw FAIL;
    this.tick();
    switch (node.type) {
      case 'Literal':
        if (node.regex) throw FAIL;
        if (typeof node.value === 'bigint') throw FAIL;
        return typeof node.value === 'string' ? this.str(node.value) : node.value;
      case 'TemplateLiteral': {
        let out = '';
        const q = node.quasis ?? [];
        for (let i = 0; i < q.length; i++) {
          const cooked = q[i].value?.cooked;
          if (typeof cooked !== 'string') throw FAIL;
          out += cooked;
          if (i < node.expressions.length) out += toStr(this.eval(node.expressions[i], env, depth + 1));
          this.str(out);
        }
        if (node.expressions.length) this.usedSteps.add('template');
        return out;
      }
      case 'BinaryExpression':
        return this.binary(node, env, depth);
      case 'UnaryExpression': {
        const v = this.eval(node.argument, env, depth + 1);
        switch (node.operator) {
          case '-': return -toNum(v);
          case '+': return toNum(v);
          case '~': return ~toNum(v);
          case '!': return !truthy(v);
          default: throw FAIL;
        }
      }
      case 'Identifier':
        return this.ident(node.name, node.start, env, depth);
      case 'MemberExpression':
        return this.member(node, env, depth);
      case 'ChainExpression':
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
        return this.eval(node.expression, env, depth + 1);
      case 'SequenceExpression': {
        // `(s1 = x.slice(1), Buffer.from(s1, 'base64'))` inside a helper: earlier terms may bind helper-local names.
        let last: Value;
        for (const e of node.expressions) last = this.eval(e, env, depth + 1);
        return last;
      }
      case 'AssignmentExpression': {
        // Only inside a helper call, where the name lives in the call's own environment (never the file's bindings).
        if (!env || node.operator !== '=' || node.left?.type !== 'Identifier') throw FAIL;
        const v = this.eval(node.right, env, depth + 1);
        env.set(node.left.name, v);
        return v;
      }
      case 'ConditionalExpression':
        return this.eval(truthy(this.eval(node.test, env, depth + 1)) ? node.consequent : node.alternate, env, depth + 1);
      case 'ArrayExpression': {
        const out: Value[] = [];
        for (const el of node.elements ?? []) {
          if (!el) out.push(undefined);
          else if (el.type === 'SpreadElement') out.push(...spreadable(this.eval(el.argument, env, depth + 1)));
          else out.push(this.eval(el, env, depth + 1));
          this.arr(out);
        }
        return out;
      }
      case 'ObjectExpression': {
        const lazy = new Map<string, Node>();
        for (const p of node.properties ?? []) {
          if (p.type !== 'Property' || p.kind !== 'init') continue;
          let key: string;
          try {
            key = this.propKey(p, env, depth);
          } catch {
            continue;
          }
          lazy.set(key, p.value);
        }
        return { obj: new Map(), lazy, env };
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { fn: node, closure: env };
      case 'CallExpression':
        return this.call(node, env, depth);
      case 'NewExpression':
        // new Buffer(x, 'base64') behaves like Buffer.from; new String(x) like String(x).
        if (node.callee?.type === 'Identifier' && (node.callee.name === 'Buffer' || node.callee.name === 'String')) {
          return this.call({ ...node, type: 'CallExpression', callee: node.callee.name === 'Buffer' ? { type: 'MemberExpression', object: node.callee, property: { type: 'Identifier', name: 'from' }, computed: false } : node.callee } as Node, env, depth);
        }
        throw FAIL;
      case 'AwaitExpression':
        throw FAIL;
      default:
        throw FAIL;
    }
  }

  private propKey(p: Node, env: Env, depth: number): string {
    if (p.computed) return toStr(this.eval(p.key, env, depth + 1));
    if (p.key.type === 'Identifier') return p.key.name;
    if (p.key.type === 'Literal') return String(p.key.value);
    throw FAIL;
  }

  private binary(node: Node, env: Env, depth: number): Value {
    if (node.operator === '+') {
      // Flatten the left spine: `a+b+c+…` of 100k terms must not recurse 100k deep.
      const terms: Node[] = [];
      let cur: Node = node;
      while (cur.type === 'BinaryExpression' && cur.operator === '+') {
        terms.push(cur.right);
        cur = cur.left;
        this.tick();
      }
      terms.push(cur);
      terms.reverse();
      let acc: Value = this.eval(terms[0], env, depth + 1);
      for (let i = 1; i < terms.length; i++) {
        const r = this.eval(terms[i], env, depth + 1);
        if (typeof acc === 'number' && typeof r === 'number') acc = acc + r;
        else {
          acc = this.str(toStr(acc) + toStr(r));
          this.usedSteps.add('concat');
        }
      }
      return acc;
    }
    const l = this.eval(node.left, env, depth + 1);
    const r = this.eval(node.right, env, depth + 1);
    switch (node.operator) {
      case '^':
        this.usedSteps.add('xor');
        return toNum(l) ^ toNum(r);
      case '-': return toNum(l) - toNum(r);
      case '*': return toNum(l) * toNum(r);
      case '/': return toNum(l) / toNum(r);
      case '%': return toNum(l) % toNum(r);
      case '&': return toNum(l) & toNum(r);
      case '|': return toNum(l) | toNum(r);
      case '<<': return toNum(l) << toNum(r);
      case '>>': return toNum(l) >> toNum(r);
      case '>>>': return toNum(l) >>> toNum(r);
      case '===': case '==': return l === r;
      case '!==': case '!=': return l !== r;
      case '<': return toNum(l) < toNum(r);
      case '>': return toNum(l) > toNum(r);
      case '<=': return toNum(l) <= toNum(r);
      case '>=': return toNum(l) >= toNum(r);
      default: throw FAIL;
    }
  }

  /** A name read at offset `at`: the helper call's environment first, then the file binding it resolves to there. */
  private ident(name: string, at: number | undefined, env: Env, depth: number): Value {
    if (env) {
      for (let e: Env = env; e; e = (e.get('\0parent') as unknown as Env) ?? null) if (e.has(name)) return e.get(name);
    }
    if (name === 'undefined') return undefined;
    if (name === 'NaN') return NaN;
    if (name === 'Infinity') return Infinity;
    // A name never given a value in the file (only parameters, patterns, classes: a bundle's e/t) fails without
    // resolving which binding this is.
    if (!this.scope.hasValued(name)) throw FAIL;
    const b = this.scope.resolve(name, at);
    if (!b) throw FAIL;
    const memo = this.memo.get(b);
    if (memo !== undefined) {
      if (memo instanceof Fail) throw FAIL;
      this.usedSteps.add('const');
      return memo;
    }
    const init = this.scope.initOf(b);
    if (!init || this.scope.resolving.has(b)) throw FAIL;
    this.scope.resolving.add(b);
    try {
      const v: Value = init.type === 'FunctionDeclaration' ? { fn: init, closure: null } : this.eval(init, null, depth + 1);
      this.memo.set(b, v);
      this.usedSteps.add('const');
      return v;
    } catch (e) {
      // Only a definite failure is remembered; a step-budget failure could succeed in a later, cheaper fold.
      if (e instanceof Fail && this.steps <= (this.opts.maxSteps ?? DEFAULTS.maxSteps)) this.memo.set(b, FAIL);
      throw FAIL;
    } finally {
      this.scope.resolving.delete(b);
    }
  }

  private member(node: Node, env: Env, depth: number): Value {
    // process.env.X
    const envName = processEnvName(node);
    if (envName) {
      this.envVars.add(envName);
      const v = this.opts.envValues?.[envName];
      if (v !== undefined) return v;
      const assigned = this.scope.envAssigned.get(envName);
      if (assigned) return this.eval(assigned, null, depth + 1);
      throw FAIL;
    }
    const obj = this.eval(node.object, env, depth + 1);
    const key = node.computed ? this.eval(node.property, env, depth + 1) : node.property?.name;
    return this.getProp(obj, key);
  }

  private getProp(obj: Value, key: Value): Value {
    if (typeof obj === 'string') {
      if (key === 'length') return obj.length;
      if (typeof key === 'number') return obj[key];
      throw FAIL;
    }
    if (Array.isArray(obj)) {
      if (key === 'length') return obj.length;
      if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) return obj[Number(key)];
      throw FAIL;
    }
    if (isObj(obj)) {
      const k = toStr(key);
      if (obj.obj.has(k)) return obj.obj.get(k);
      const n = obj.lazy?.get(k);
      if (!n) throw FAIL;
      obj.lazy!.delete(k); // a self-referencing property fails instead of looping
      const v = this.eval(n, obj.env ?? null, 1);
      obj.obj.set(k, v);
      return v;
    }
    if (isBytes(obj) && key === 'length') return obj.bytes.length;
    throw FAIL;
  }

  private args(nodes: Node[], env: Env, depth: number): Value[] {
    const out: Value[] = [];
    for (const a of nodes) {
      if (a.type === 'SpreadElement') out.push(...spreadable(this.eval(a.argument, env, depth + 1)));
      else out.push(this.eval(a, env, depth + 1));
      this.arr(out);
    }
    return out;
  }

  private call(node: Node, env: Env, depth: number): Value {
    const callee = unwrap(node.callee);
    // Global functions and namespaces.
    if (callee.type === 'Identifier' && !this.shadowed(callee.name, callee.start, env)) {
      const name = callee.name;
      if (name in GLOBAL_FNS) {
        const args = this.args(node.arguments, env, depth);
        return GLOBAL_FNS[name]!(this, args);
      }
    }
    if (callee.type === 'MemberExpression') {
      const objNode = unwrap(callee.object);
      const method = callee.computed ? this.eval(callee.property, env, depth + 1) : callee.property?.name;
      if (typeof method !== 'string') throw FAIL;
      if (objNode.type === 'Identifier' && !this.shadowed(objNode.name, objNode.start, env)) {
        const ns = `${objNode.name}.${method}`;
        const fn = NAMESPACE_FNS[ns];
        if (fn) return fn(this, this.args(node.arguments, env, depth));
      }
      const recv = this.eval(callee.object, env, depth + 1);
      if (isFn(recv) || isObj(recv)) {
        const target = this.getProp(recv, method);
        if (isFn(target)) return this.apply(target, this.args(node.arguments, env, depth), depth);
        throw FAIL;
      }
      return this.method(recv, method, node.arguments, env, depth);
    }
    const f = this.eval(callee, env, depth + 1);
    if (isFn(f)) return this.apply(f, this.args(node.arguments, env, depth), depth);
    throw FAIL;
  }

  /** Whether `name` read at `at` is a helper-call local or the file's own binding (then not a built-in). */
  private shadowed(name: string, at: number | undefined, env: Env): boolean {
    for (let e: Env = env; e; e = (e.get('\0parent') as unknown as Env) ?? null) if (e.has(name)) return true;
    return this.scope.isBound(name, at);
  }

  /** Calls a helper function: a single expression, or `const`s then `return`; or a recognised XOR loop. */
  apply(f: Fn, args: Value[], depth: number): Value {
    const fn = f.fn;
    if (fn.async || fn.generator) throw FAIL;
    const env = new Map<string, Value>();
    if (f.closure) env.set('\0parent', f.closure as unknown as Value);
    (fn.params ?? []).forEach((p: Node, i: number) => {
      if (p.type === 'Identifier') env.set(p.name, args[i]);
      else if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') env.set(p.left.name, args[i] === undefined ? this.eval(p.right, env, depth + 1) : args[i]);
      else throw FAIL;
    });
    this.usedSteps.add('call');
    if (fn.body?.type !== 'BlockStatement') return this.eval(fn.body, env, depth + 1);
    const body: Node[] = fn.body.body ?? [];
    if (body.length <= 6) {
      try {
        for (const st of body) {
          this.tick();
          if (st.type === 'VariableDeclaration' && st.kind === 'const') {
            for (const d of st.declarations) {
              if (d.id.type !== 'Identifier' || !d.init) throw FAIL;
              env.set(d.id.name, this.eval(d.init, env, depth + 1));
            }
          } else if (st.type === 'ReturnStatement') return this.eval(st.argument, env, depth + 1);
          else throw FAIL;
        }
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
      }
    }
    const xored = this.xorHelper(fn, args);
    if (xored !== null) return xored;
    throw FAIL;
  }

  /**
   * A two-argument helper whose body loops over the data XORing with the key (`r += String.fromCharCode(d.charCodeAt(i)
   * ^ k.charCodeAt(i % k.length))`): the shape of lures' blockchain dead-drop and config decryptors.
   */
  private xorHelper(fn: Node, args: Value[]): string | null {
    if (args.length < 1) return null;
    const params: Node[] = fn.params ?? [];
    // The body's shape is a fact of the function (and of the file's scope): walked once per function, not per call
    // (a bundle folds thousands of calls to the same large helpers).
    let shape = this.scope.xorShapes.get(fn);
    if (!shape) {
      const sh = { closureKey: null as Node | null, xor: false, loop: false, b64: false, hex: false, n: 0 };
      walk(fn.body, (x) => {
        sh.n++;
        if (x.type === 'BinaryExpression' && x.operator === '^') {
          sh.xor = true;
          // `d[i] ^ KEY[i & 3]`: a key array from the file's constants rather than a parameter.
          for (const side of [x.left, x.right]) {
            const m = side?.type === 'MemberExpression' ? side : null;
            const o = m?.object;
            if (o?.type === 'Identifier' && !params.some((p) => p.type === 'Identifier' && p.name === o.name) && this.scope.initAt(o.name, o.start)) sh.closureKey = o;
          }
        }
        else if (x.type === 'AssignmentExpression' && x.operator === '^=') sh.xor = true;
        else if (/^(For|While|DoWhile)Statement$/.test(x.type)) sh.loop = true;
        else if (x.type === 'Literal' && x.value === 'base64') sh.b64 = true;
        else if (x.type === 'Literal' && x.value === 'hex') sh.hex = true;
        else if (x.type === 'Identifier' && x.name === 'atob') sh.b64 = true;
        else if (x.type === 'CallExpression' && x.callee?.type === 'MemberExpression' && x.callee.property?.name === 'map') sh.loop = true;
      });
      shape = sh;
      this.scope.xorShapes.set(fn, shape);
    }
    const { closureKey, xor, loop, b64, hex, n } = shape;
    this.tick(n);
    if (!xor || !loop) return null;
    const data = args[0];
    let key: Value;
    if (args.length >= 2 && params.length >= 2) key = args[1];
    else if (closureKey) key = this.eval(closureKey, null, 1);
    else return null;
    let bytes: number[];
    if (Array.isArray(data)) bytes = data.map(toNum);
    else if (typeof data === 'string') {
      const s = b64 && isBase64(data) ? latin1(base64Bytes(data)) : hex && /^(?:[0-9a-f]{2})+$/i.test(data) ? latin1(hexBytes(data)) : data;
      bytes = Array.from(s, (c) => c.charCodeAt(0));
    } else return null;
    const k: number[] = typeof key === 'number' ? [key] : typeof key === 'string' && key.length ? Array.from(key, (c) => c.charCodeAt(0)) : Array.isArray(key) ? key.map(toNum) : [];
    if (!k.length) return null;
    this.tick(bytes.length);
    const out = String.fromCharCode(...bytes.slice(0, this.maxLength).map((b, i) => (b ^ k[i % k.length]!) & 0xffff));
    if (!mostlyPrintable(out)) return null;
    this.usedSteps.add('xor');
    return this.str(out);
  }

  private method(recv: Value, m: string, argNodes: Node[], env: Env, depth: number): Value {
    if (m === 'map' || m === 'filter' || m === 'reduce') {
      if (!Array.isArray(recv) && typeof recv !== 'string') throw FAIL;
      const fnv = this.eval(argNodes[0], env, depth + 1);
      if (!isFn(fnv)) throw FAIL;
      const list: Value[] = Array.isArray(recv) ? recv : Array.from(recv);
      this.tick(list.length);
      if (m === 'map') return this.arr(list.map((x, i) => this.apply(fnv, [x, i, list], depth + 1)));
      if (m === 'filter') return list.filter((x, i) => truthy(this.apply(fnv, [x, i, list], depth + 1)));
      let acc: Value = argNodes.length > 1 ? this.eval(argNodes[1], env, depth + 1) : list[0];
      for (let i = argNodes.length > 1 ? 0 : 1; i < list.length; i++) {
        acc = this.apply(fnv, [acc, list[i], i, list], depth + 1);
        if (typeof acc === 'string') this.str(acc);
      }
      return acc;
    }
    const args = this.args(argNodes, env, depth);
    if (typeof recv === 'string') return this.stringMethod(recv, m, args);
    if (Array.isArray(recv)) return this.arrayMethod(recv, m, args);
    if (typeof recv === 'number') {
      if (m === 'toString') return recv.toString(args[0] === undefined ? 10 : clampRadix(args[0]));
      throw FAIL;
    }
    if (isBytes(recv)) {
      if (m === 'toString') return this.str(bytesToString(recv.bytes, args[0] === undefined ? 'utf8' : toStr(args[0]), this));
      throw FAIL;
    }
    throw FAIL;
  }

  private stringMethod(s: string, m: string, a: Value[]): Value {
    this.tick(s.length >> 6);
    switch (m) {
      case 'split': {
        if (a[0] === undefined) return [s];
        const parts = s.split(toStr(a[0]));
        return this.arr(parts);
      }
      case 'concat': return this.str(s + a.map(toStr).join(''));
      case 'slice': return s.slice(optNum(a[0]), optNum(a[1]));
      case 'substring': return s.substring(optNum(a[0]) ?? 0, optNum(a[1]));
      case 'substr': return s.substr(optNum(a[0]) ?? 0, optNum(a[1]));
      case 'charAt': return s.charAt(optNum(a[0]) ?? 0);
      case 'charCodeAt': return s.charCodeAt(optNum(a[0]) ?? 0);
      case 'codePointAt': return s.codePointAt(optNum(a[0]) ?? 0);
      case 'at': return s.at(optNum(a[0]) ?? 0);
      case 'toLowerCase': return s.toLowerCase();
      case 'toUpperCase': return s.toUpperCase();
      case 'trim': return s.trim();
      case 'trimStart': return s.trimStart();
      case 'trimEnd': return s.trimEnd();
      case 'toString': case 'valueOf': return s;
      case 'indexOf': return s.indexOf(toStr(a[0]));
      case 'includes': return s.includes(toStr(a[0]));
      case 'startsWith': return s.startsWith(toStr(a[0]));
      case 'repeat': {
        const n = toNum(a[0]);
        if (!(n >= 0) || s.length * n > this.maxLength) throw FAIL;
        return s.repeat(n);
      }
      case 'padStart': case 'padEnd': {
        const n = toNum(a[0]);
        if (!(n >= 0) || n > this.maxLength) throw FAIL;
        return m === 'padStart' ? s.padStart(n, a[1] === undefined ? ' ' : toStr(a[1])) : s.padEnd(n, a[1] === undefined ? ' ' : toStr(a[1]));
      }
      case 'replace': case 'replaceAll': {
        const pat = a[0];
        const rep = a[1];
        if (typeof pat !== 'string' || typeof rep !== 'string') throw FAIL;
        this.usedSteps.add('replace');
        return this.str(m === 'replace' ? s.replace(pat, () => rep) : s.split(pat).join(rep));
      }
      default: throw FAIL;
    }
  }

  private arrayMethod(arr: Value[], m: string, a: Value[]): Value {
    this.tick(arr.length >> 4);
    switch (m) {
      case 'join': {
        const sep = a[0] === undefined ? ',' : toStr(a[0]);
        let len = 0;
        for (const x of arr) len += toStr(x).length + sep.length;
        if (len > this.maxLength + sep.length) throw FAIL;
        this.usedSteps.add('join');
        return arr.map(toStr).join(sep);
      }
      case 'reverse':
        this.usedSteps.add('reverse');
        return [...arr].reverse();
      case 'slice': return arr.slice(optNum(a[0]), optNum(a[1]));
      case 'concat': return this.arr(arr.concat(...a.map((x) => (Array.isArray(x) ? x : [x]))));
      case 'flat': return this.arr(arr.flat() as Value[]);
      case 'toString': return arr.map(toStr).join(',');
      case 'indexOf': return arr.indexOf(a[0]);
      case 'at': return arr.at(optNum(a[0]) ?? 0);
      default: throw FAIL;
    }
  }

  fromCharCode(args: Value[]): string {
    this.usedSteps.add('charcode');
    this.tick(args.length >> 4);
    if (args.length > this.maxLength) throw FAIL;
    let out = '';
    for (let i = 0; i < args.length; i += 8192) out += String.fromCharCode(...args.slice(i, i + 8192).map((x) => toNum(x) & 0xffff));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Known globals (only when the name is not bound in the file).

type Builtin = (ev: Evaluator, args: Value[]) => Value;

const GLOBAL_FNS: Record<string, Builtin> = {
  atob: (ev, [x]) => {
    const s = toStr(x);
    if (!isBase64(s)) throw FAIL;
    ev.usedSteps.add('base64');
    return latin1(base64Bytes(s));
  },
  btoa: (_ev, [x]) => Buffer.from(toStr(x), 'latin1').toString('base64'),
  decodeURIComponent: (ev, [x]) => {
    ev.usedSteps.add('uri');
    try {
      return decodeURIComponent(toStr(x));
    } catch {
      throw FAIL;
    }
  },
  decodeURI: (ev, [x]) => {
    ev.usedSteps.add('uri');
    try {
      return decodeURI(toStr(x));
    } catch {
      throw FAIL;
    }
  },
  unescape: (ev, [x]) => {
    ev.usedSteps.add('uri');
    return unescape(toStr(x));
  },
  String: (_ev, [x]) => toStr(x),
  parseInt: (_ev, [x, r]) => parseInt(toStr(x), r === undefined ? undefined : toNum(r)),
  Number: (_ev, [x]) => toNum(x),
};

const NAMESPACE_FNS: Record<string, Builtin> = {
  'String.fromCharCode': (ev, args) => ev.fromCharCode(args),
  'String.fromCodePoint': (ev, args) => {
    ev.usedSteps.add('charcode');
    if (args.length > 65536) throw FAIL;
    try {
      return String.fromCodePoint(...args.map(toNum));
    } catch {
      throw FAIL;
    }
  },
  'String.raw': () => {
    throw FAIL;
  },
  'Buffer.from': (ev, [x, enc]) => {
    if (Array.isArray(x)) return { bytes: Uint8Array.from(x.map(toNum)) };
    if (isBytes(x)) return x;
    const s = toStr(x);
    const e = enc === undefined ? 'utf8' : toStr(enc).toLowerCase();
    if (e === 'base64' || e === 'base64url') {
      if (!isBase64(s)) throw FAIL;
      ev.usedSteps.add('base64');
      return { bytes: base64Bytes(s) };
    }
    if (e === 'hex') {
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) throw FAIL;
      ev.usedSteps.add('hex');
      return { bytes: hexBytes(s) };
    }
    if (e === 'utf8' || e === 'utf-8') return { bytes: new TextEncoder().encode(s) };
    if (e === 'latin1' || e === 'binary' || e === 'ascii') return { bytes: Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff) };
    throw FAIL;
  },
  'Array.from': (_ev, [x]) => {
    if (typeof x === 'string') return Array.from(x);
    if (Array.isArray(x)) return [...x];
    if (isBytes(x)) return Array.from(x.bytes);
    throw FAIL;
  },
  'Array.of': (_ev, args) => args,
  'JSON.parse': (ev, [x]) => {
    const s = toStr(x);
    if (s.length > 100_000) throw FAIL;
    try {
      return fromJson(JSON.parse(s), ev);
    } catch {
      throw FAIL;
    }
  },
  'Math.floor': (_ev, [x]) => Math.floor(toNum(x)),
  'Number.parseInt': (_ev, [x, r]) => parseInt(toStr(x), r === undefined ? undefined : toNum(r)),
};

function fromJson(v: unknown, ev: Evaluator): Value {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => fromJson(x, ev));
  if (typeof v === 'object') return { obj: new Map(Object.entries(v as object).map(([k, x]) => [k, fromJson(x, ev)])) };
  throw FAIL;
}

// ---------------------------------------------------------------------------------------------------------------------
// Value helpers

function isFn(v: Value): v is Fn {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'fn' in v;
}
function isObj(v: Value): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'obj' in v;
}
function isBytes(v: Value): v is Bytes {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'bytes' in v;
}
function spreadable(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return Array.from(v);
  if (isBytes(v)) return Array.from(v.bytes);
  throw FAIL;
}
function toStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? '' : toStr(x))).join(',');
  if (isBytes(v)) return new TextDecoder().decode(v.bytes);
  throw FAIL;
}
function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' || typeof v === 'boolean' || v === null || v === undefined) return Number(v);
  throw FAIL;
}
function optNum(v: Value): number | undefined {
  return v === undefined ? undefined : toNum(v);
}
function truthy(v: Value): boolean {
  if (typeof v === 'object' && v !== null) return true;
  return Boolean(v);
}
function clampRadix(v: Value): number {
  const r = toNum(v);
  if (!(r >= 2 && r <= 36)) throw FAIL;
  return r;
}
function unwrap(n: Node): Node {
  let x = n;
  while (x && (x.type === 'ChainExpression' || x.type === 'TSNonNullExpression' || x.type === 'TSAsExpression' || x.type === 'ParenthesizedExpression')) x = x.expression;
  // (0, fn)(…) calls fn without a receiver: same function.
  if (x?.type === 'SequenceExpression') return unwrap(x.expressions[x.expressions.length - 1]);
  return x;
}

/**
 * Whether the evaluator can resolve a call's callee at the top level: a known global function, a name whose binding
 * there is given one value, a known namespace function (`Buffer.from`), or a method of something that is not an unbound global
 * (`console.log(x)` never folds). False exactly where `call()` would fail on its first lookup.
 */
export function mayFoldCall(node: Node, scope: FoldScope, depth = 0): boolean {
  const c = unwrap(node.callee);
  // Cheap supersets first (the evaluator makes the exact check): a bundle has a call per few nodes.
  // A call of a name (a built-in or the file's function) evaluates every argument first: one that cannot evaluate fails it.
  if (c?.type === 'Identifier') return (c.name in GLOBAL_FNS || mayCallName(node, c, scope)) && argsMayEval(node, scope, depth);
  if (c?.type === 'MemberExpression') {
    if (c.computed) return true;
    const obj = unwrap(c.object);
    if (obj?.type !== 'Identifier') return mayEvalReceiver(obj, scope, depth);
    // The dotted name is built only for a namespace's own object name (most calls of a bundle are on e/t/n).
    const namespaced = NAMESPACE_OBJECTS.has(obj.name) && `${obj.name}.${c.property?.name}` in NAMESPACE_FNS;
    const global = namespaced || obj.name === 'NaN' || obj.name === 'Infinity' || obj.name === 'undefined';
    // An unbound namespace's function (Math.floor(e)) evaluates its arguments first, as a call of a name does.
    if (!scope.mentions(obj.name)) return namespaced ? argsMayEval(node, scope, depth) : global;
    return global || mayReadName(obj.name, obj.start, scope);
  }
  return false;
}

/**
 * Whether the evaluator's first read of `name` at `at` (top level) can give a value: the binding there has one value
 * and the file-wide memo has not already recorded that value as unfoldable (ident() then fails at once).
 */
function mayReadName(name: string, at: number, scope: FoldScope): boolean {
  if (!scope.hasValued(name)) return false;
  const b = scope.resolve(name, at);
  if (!b || scope.initOf(b) === null) return false;
  return !(scope.memo.get(b) instanceof Fail);
}

/** Whether every argument of the call may evaluate (a spread's operand likewise): see mayEvalReceiver. */
function argsMayEval(call: Node, scope: FoldScope, depth: number): boolean {
  for (const a of call.arguments ?? []) if (!mayEvalReceiver(a?.type === 'SpreadElement' ? a.argument : a, scope, depth)) return false;
  return true;
}

/** The other expression types eval() evaluates (see its switch). */
const RECEIVER_TYPES = new Set(['Literal', 'TemplateLiteral', 'BinaryExpression', 'UnaryExpression', 'SequenceExpression', 'ConditionalExpression', 'ArrayExpression', 'ObjectExpression', 'ArrowFunctionExpression', 'FunctionExpression', 'NewExpression']);

/** Initializer types whose value is never a function (call() then fails on it). */
const NEVER_FN = new Set(['Literal', 'TemplateLiteral', 'BinaryExpression', 'UnaryExpression', 'ArrayExpression', 'ObjectExpression', 'NewExpression', 'ClassExpression', 'LogicalExpression', 'UpdateExpression', 'AwaitExpression', 'ThisExpression']);

/**
 * `f(…)` on a file's own name: false where the call must fail whatever its arguments: the name has no foldable value
 * (mayReadName), its value is not a function, or the function is one apply() refuses: async or a generator, a
 * destructured parameter, or a block body that neither returns after `const`s (six statements at most) nor has the XOR
 * loop shape (known once a fold has looked at the function; until then, tried).
 */
function mayCallName(call: Node, callee: Node, scope: FoldScope): boolean {
  if (!mayReadName(callee.name, callee.start, scope)) return false;
  const b = scope.resolve(callee.name, callee.start)!;
  const memo = scope.memo.get(b) as Value | undefined;
  let fn: Node | null = null;
  if (memo !== undefined) {
    if (!isFn(memo)) return false;
    fn = memo.fn;
  } else {
    const init = scope.initOf(b)!;
    if (init.type === 'FunctionDeclaration' || init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression') fn = init;
    else return !NEVER_FN.has(init.type);
  }
  if (fn.async || fn.generator) return false;
  for (const p of fn.params ?? []) if (p.type !== 'Identifier' && !(p.type === 'AssignmentPattern' && p.left?.type === 'Identifier')) return false;
  const body = fn.body;
  if (body?.type !== 'BlockStatement') return true;
  const list: Node[] = body.body ?? [];
  if (list.length <= 6) {
    for (const st of list) {
      if (st.type === 'ReturnStatement') return true;
      if (st.type !== 'VariableDeclaration' || st.kind !== 'const' || !(st.declarations ?? []).every((d: Node) => d.id?.type === 'Identifier' && d.init)) break;
    }
  }
  // Only the XOR helper path is left: it needs an argument and a body with a loop and a XOR.
  const args: Node[] = call.arguments ?? [];
  if (!args.some((a) => a.type === 'SpreadElement') && args.length < 1) return false;
  const shape = scope.xorShapes.get(fn);
  return !shape || (shape.xor && shape.loop);
}

/** The objects of NAMESPACE_FNS ('String' of 'String.fromCharCode'). */
const NAMESPACE_OBJECTS: ReadonlySet<string> = new Set(Object.keys(NAMESPACE_FNS).map((k) => k.slice(0, k.indexOf('.'))));

/**
 * Whether the receiver of a method call (`this.a.b.f()`, `e.exports.f()`, `g(x).f()`) could evaluate at the top level:
 * false exactly where `eval` would fail on the chain's root, which it reads first: `this`/`super`, a name with no one
 * value where it is read (a bundle's parameters), or a call that mayFoldCall rejects. Anything else may fold.
 */
function mayEvalReceiver(obj: Node | null | undefined, scope: FoldScope, depth: number): boolean {
  let x = obj;
  for (let i = 0; x && i < MAX_DEPTH; i++) {
    const t = x.type;
    if (t === 'MemberExpression') x = x.object;
    else if (t === 'ChainExpression' || t === 'TSNonNullExpression' || t === 'TSAsExpression' || t === 'TSSatisfiesExpression' || t === 'TSTypeAssertion' || t === 'ParenthesizedExpression') x = x.expression;
    else break;
  }
  if (!x) return true;
  switch (x.type) {
    case 'ThisExpression':
    case 'Super':
      return false;
    case 'Identifier': {
      // process.env.X is read without the name `process`; undefined/NaN/Infinity are values of their own.
      const name = x.name as string;
      if (name === 'process' || name === 'undefined' || name === 'NaN' || name === 'Infinity') return true;
      return mayReadName(name, x.start, scope);
    }
    case 'CallExpression': {
      // Only a named callee is judged (an IIFE's result may fold: mayFoldCall leaves those out).
      const c = unwrap(x.callee);
      return (c?.type !== 'Identifier' && c?.type !== 'MemberExpression') || depth >= 8 || mayFoldCall(x, scope, depth + 1);
    }
    default:
      // eval() fails at once on any other type (an assignment outside a helper, `a || b`, await, a class, ...).
      return RECEIVER_TYPES.has(x.type);
  }
}

export function isBase64(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length > 0 && /^[A-Za-z0-9+/_-]*={0,2}$/.test(t);
}
function base64Bytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'base64'));
}
function hexBytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}
function latin1(b: Uint8Array): string {
  return Buffer.from(b).toString('latin1');
}
function bytesToString(b: Uint8Array, enc: string, ev: Evaluator): string {
  const e = enc.toLowerCase();
  if (e === 'utf8' || e === 'utf-8') return new TextDecoder().decode(b);
  if (e === 'latin1' || e === 'binary' || e === 'ascii') return latin1(b);
  if (e === 'hex') return Buffer.from(b).toString('hex');
  if (e === 'base64') return Buffer.from(b).toString('base64');
  void ev;
  throw FAIL;
}
function mostlyPrintable(s: string): boolean {
  if (!s.length) return false;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) ok++;
  }
  return ok / s.length >= 0.9;
}

// ---------------------------------------------------------------------------------------------------------------------
// Public API


/**
 * Folds `node` to a string when decidable, else null. `ast` is the file's Program (for `const` lookups); pass the
 * same object every time so the scope is built once.
 */
export function foldString(node: Node | null | undefined, ast: Node | null, opts: FoldOptions = {}): FoldResult | null {
  if (!node) return null;
  const ev = new Evaluator(scopeOf(ast), opts);
  try {
    const v = ev.eval(node, null, 0);
    let s: string;
    if (typeof v === 'string') s = v;
    else if (isBytes(v)) s = new TextDecoder().decode(v.bytes);
    else if (typeof v === 'number') s = String(v);
    else return null;
    const steps = [...ev.usedSteps];
    const r: FoldResult = { value: s, decoded: steps.some((x) => DECODING_STEPS.has(x)), steps };
    if (ev.envVars.size) r.envVars = [...ev.envVars];
    return r;
  } catch (e) {
    if (e instanceof Fail || e instanceof RangeError) return null;
    throw e;
  }
}

/**
 * Which `process.env` variables an expression reads on its way to a value (even when the fold fails), and the decode
 * steps applied around them: `atob(process.env.DEV_API_KEY)` → { envVars: ['DEV_API_KEY'] }.
 */
export function envVarsOf(node: Node | null | undefined, ast: Node | null): string[] {
  if (!node) return [];
  const ev = new Evaluator(scopeOf(ast), { maxSteps: 5000 });
  try {
    ev.eval(node, null, 0);
  } catch {
    /* the names are collected even when the value is unknown */
  }
  return [...ev.envVars];
}
