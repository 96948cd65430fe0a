/**
 * Shared, memoised per-file facts for the stealing / exfiltration / persistence rules: every string the file holds
 * (literals, template quasis, and what small constant expressions fold to), every call with its resolved callee name,
 * and the modules it loads. One walk per file, whichever of these rules asks first.
 *
 * Strings come from src/analyzers/js/collect-strings.ts `collectStrings` (owned by the analyzers engineer). The tiny
 * local folder below only fills two gaps these rules need: literal runs inside `+` chains that do not fold as a whole,
 * and base64 literals decoded by helpers the folder cannot follow (BeaverTail's `s.slice(1)` junk prefix).
 */
import { partitionPoint } from '../../core/search.js';
import type { JsFile } from '../../core/inputs.js';
import { flatAst, T, typeMask, type Node } from '../../analyzers/js/walk.js';
import { collectStrings } from '../../analyzers/js/collect-strings.js';
import { requiredModule } from '../../analyzers/js/names.js';

export interface Str {
  value: string;
  start: number;
  end: number;
  /** Set when the value is not what the source spells literally (folded or decoded). */
  folded?: boolean;
  /** Set when a decoding step (base64, hex, charCode, XOR, …) produced it. */
  decoded?: boolean;
  /**
   * Recovered by deobfuscating the file (obfuscator-io rule + fold.ts): the span is where the obfuscated code starts,
   * not the string itself, so evidence shows the value.
   */
  deob?: boolean;
  /** A template part after a `${…}` expression (`.profile` in `${type}.profile`): a suffix, not a whole string. */
  afterExpression?: boolean;
}

export interface Call {
  node: Node;
  /** Dotted callee after alias resolution: 'child_process.exec', 'fs.readFileSync', 'setInterval', '?.send'. */
  callee: string;
  /** Last segment of the callee ('exec', 'readFileSync'). */
  method: string;
  args: Node[];
  isNew: boolean;
}

export interface JsFacts {
  strings: Str[];
  calls: Call[];
  /** Modules loaded by require()/import, without the `node:` prefix. */
  modules: Set<string>;
  /** Function bodies by declared name (function f(){} / const f = () => {}), for callback lookups. */
  functions: Map<string, Node>;
  /** Initializers of variables declared once (`const cmd = isWin ? 'a' : 'b'`), to see what an identifier holds. */
  inits: Map<string, Node>;
}

const cache = new WeakMap<object, JsFacts>();
const MAX_STRINGS = 200_000;
const MAX_FOLD = 64 * 1024;

export function jsFacts(js: JsFile): JsFacts {
  const hit = cache.get(js.ast);
  if (hit) return hit;
  const facts = compute(js);
  cache.set(js.ast, facts);
  return facts;
}

function compute(js: JsFile): JsFacts {
  memo = new Map();
  try {
    return computeFacts(js);
  } finally {
    memo = new Map();
  }
}

function computeFacts(js: JsFile): JsFacts {
  const consts = new Map<string, string>();
  const aliases = new Map<string, string>();
  const functions = new Map<string, Node>();
  const modules = new Set<string>();
  const inits = new Map<string, Node>();
  const declaredTwice = new Set<string>();

  // One walk: declarations (constants, require/import aliases, named functions) and the nodes resolved afterwards
  // (calls, `+` chains, template quasis), so names declared after their use still resolve.
  const callNodes: Node[] = [];
  const chainNodes: Node[] = [];
  const quasis: Array<{ n: Node; parent: Node }> = [];
  const declarator = (n: Node) => {
    if (n.id?.type === 'Identifier') {
      if (inits.has(n.id.name) || declaredTwice.has(n.id.name)) {
        inits.delete(n.id.name);
        declaredTwice.add(n.id.name);
      } else if (n.init) inits.set(n.id.name, n.init);
    }
    if (!n.init) return;
    const mod = requiredModule(n.init, js.ast);
    if (mod !== null) {
      modules.add(mod);
      if (n.id.type === 'Identifier') aliases.set(n.id.name, mod);
      else if (n.id.type === 'ObjectPattern') {
        for (const p of n.id.properties ?? []) {
          const key = p.key?.type === 'Identifier' ? p.key.name : p.key?.type === 'Literal' ? String(p.key.value) : null;
          const local = p.value?.type === 'Identifier' ? p.value.name : p.value?.left?.type === 'Identifier' ? p.value.left.name : null;
          if (key && local) aliases.set(local, `${mod}.${key}`);
        }
      }
    } else if (n.id.type === 'Identifier') {
      if (n.init.type === 'FunctionExpression' || n.init.type === 'ArrowFunctionExpression') functions.set(n.id.name, n.init);
      else {
        const v = isNumber(n.init) ? null : foldNode(n.init, consts, 0);
        if (v !== null && v.length <= MAX_FOLD) consts.set(n.id.name, v);
      }
    }
  };
  const { nodes, types, parent: parentIx } = flatAst(js.ast);
  // A bundle has ~600k nodes: only those of the types dispatched on below are read (by the flat AST's type codes).
  for (let i = 0; i < nodes.length; i++) {
    if (!FACT_TYPES[types[i]!]) continue;
    const n = nodes[i]!;
    switch (n.type) {
      case 'CallExpression': {
        callNodes.push(n);
        const mod = requiredModule(n, js.ast);
        if (mod !== null) modules.add(mod);
        break;
      }
      case 'NewExpression':
      // $`curl … | sh` (Bun shell, zx, execa): a call whose one argument is the template.
      case 'TaggedTemplateExpression':
        callNodes.push(n);
        break;
      case 'ImportExpression': {
        const mod = requiredModule(n, js.ast);
        if (mod !== null) modules.add(mod);
        break;
      }
      case 'TemplateElement': {
        const parent = parentIx[i]! >= 0 ? nodes[parentIx[i]!] : undefined;
        if (parent && parent.expressions?.length) quasis.push({ n, parent });
        break;
      }
      case 'BinaryExpression':
        if (n.operator === '+') {
          const parent = parentIx[i]! >= 0 ? nodes[parentIx[i]!] : undefined;
          if (!(parent?.type === 'BinaryExpression' && parent.operator === '+')) chainNodes.push(n); // the outermost chain
        }
        break;
      case 'VariableDeclarator':
        declarator(n);
        break;
      case 'FunctionDeclaration':
        if (n.id?.name) functions.set(n.id.name, n);
        break;
      case 'ImportDeclaration':
        if (typeof n.source?.value === 'string') {
          const mod = stripNode(n.source.value);
          modules.add(mod);
          for (const s of n.specifiers ?? []) {
            if (s.type === 'ImportSpecifier') aliases.set(s.local.name, `${mod}.${s.imported?.name ?? s.imported?.value}`);
            else aliases.set(s.local.name, mod);
          }
        }
        break;
    }
  }

  // Literals and maximal folded expressions come from the shared folder (src/analyzers/js/collect-strings.ts). What
  // it leaves out and these rules need is added here: quasis of templates that did not fold (`${home}/Library/…/Chrome`)
  // and the literal runs of `+` chains that did not fold as a whole (`home + '/Lib' + 'rary/'`).
  const strings: Str[] = [];
  const foldedNodes = new Set<object>();
  for (const c of collectStrings(js)) {
    if (strings.length >= MAX_STRINGS) break;
    const kind = c.kind as string;
    if (kind === 'literal') strings.push({ value: c.value, start: c.start, end: c.end });
    else if (kind === 'deobfuscated') strings.push({ value: c.value, start: c.start, end: c.end, folded: true, decoded: true, deob: true });
    else {
      strings.push({ value: c.value, start: c.start, end: c.end, folded: true, decoded: c.decoded });
      foldedNodes.add(c.node);
    }
  }
  const calls: Call[] = [];
  for (const { n, parent } of quasis) {
    if (foldedNodes.has(parent) || strings.length >= MAX_STRINGS) continue;
    const v = n.value?.cooked ?? n.value?.raw;
    if (typeof v === 'string' && v) strings.push(parent.quasis[0] === n ? { value: v, start: n.start, end: n.end } : { value: v, start: n.start, end: n.end, afterExpression: true });
  }
  // Chains inside a folded expression are covered by it; folded nodes are few, so an interval check is cheap enough.
  const foldedSpans = [...foldedNodes].map((x) => x as Node).sort((a, b) => a.start - b.start);
  const insideFolded = (n: Node) => {
    const lo = partitionPoint(foldedSpans.length, (i) => foldedSpans[i]!.start <= n.start);
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (foldedSpans[i]!.end >= n.end) return true;
    return false;
  };
  for (const n of chainNodes) {
    if (strings.length >= MAX_STRINGS) break;
    if (foldedNodes.has(n) || insideFolded(n)) continue;
    for (const seg of concatSegments(n, consts)) if (seg.value.length > 1) strings.push(seg);
  }
  for (const n of callNodes) {
    const tagged = n.type === 'TaggedTemplateExpression';
    const callee = calleeName(tagged ? n.tag : n.callee, aliases, js.ast);
    if (callee) {
      const method = callee.slice(callee.lastIndexOf('.') + 1);
      calls.push({ node: n, callee, method, args: tagged ? [n.quasi] : (n.arguments ?? []), isNew: n.type === 'NewExpression' });
    }
  }
  // Literals that look like base64 of a URL/path (decoded by a helper the folder cannot follow, e.g. after slice(1)).
  const decodedSpans = strings.filter((s) => s.decoded);
  const guessed = new Set<string>();
  for (const s of strings.slice()) {
    if (s.decoded || s.value.length < 8 || s.value.length > 4096) continue;
    const d = guessBase64(s.value);
    if (d === null || guessed.has(`${s.start}:${d}`) || decodedSpans.some((f) => f.start <= s.start && s.end <= f.end)) continue;
    guessed.add(`${s.start}:${d}`);
    strings.push({ value: d, start: s.start, end: s.end, folded: true, decoded: true });
  }
  return { strings, calls, modules, functions, inits };
}

/** The node types computeFacts' walk reads. */
const FACT_TYPES = typeMask(T.CallExpression, T.NewExpression, T.TaggedTemplateExpression, T.ImportExpression, T.TemplateElement, T.BinaryExpression, T.VariableDeclarator, T.FunctionDeclaration, T.ImportDeclaration);

function foldable(n: Node): boolean {
  return n.type === 'BinaryExpression' || n.type === 'CallExpression' || n.type === 'TemplateLiteral' || n.type === 'MemberExpression';
}

/** `a + 'x' + 'y' + b` → the merged runs of foldable operands ('xy'), each with its span. */
function concatSegments(n: Node, consts: Map<string, string>): Str[] {
  const whole = foldNode(n, consts, 0);
  if (whole !== null) return whole.length <= MAX_FOLD ? [{ value: whole, start: n.start, end: n.end, folded: true }] : [];
  const ops: Node[] = [];
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'BinaryExpression' && x.operator === '+' && foldNode(x, consts, 0) === null) {
      stack.push(x.right, x.left);
    } else ops.push(x);
  }
  const out: Str[] = [];
  let run: { value: string; start: number; end: number; count: number; lit: boolean; str: boolean } | null = null;
  const flush = () => {
    if (run && run.str && (run.count > 1 || !run.lit) && run.value.length <= MAX_FOLD) out.push({ value: run.value, start: run.start, end: run.end, folded: true });
    run = null;
  };
  for (const op of ops) {
    const v = foldNode(op, consts, 0);
    if (v === null) {
      flush();
      continue;
    }
    const lit = op.type === 'Literal';
    if (run) {
      run.value += v;
      run.end = op.end;
      run.count++;
      run.lit &&= lit;
      run.str ||= !isNumber(op);
    } else run = { value: v, start: op.start, end: op.end, count: 1, lit, str: !isNumber(op) };
  }
  flush();
  return out;
}

/**
 * Statically evaluates small string expressions; null when not decidable. Bounded by depth and size. The memo lives for
 * one `compute` (a plain Map: a WeakMap entry per node of a bundle costs the garbage collector dearly).
 */
let memo = new Map<object, string | null>();

export function foldNode(n: Node, consts: Map<string, string>, depth: number): string | null {
  if (!n || depth > 40) return null;
  if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : typeof n.value === 'number' ? String(n.value) : null;
  if (n.type === 'Identifier') return consts.get(n.name) ?? null;
  // Only these fold (foldUncached): anything else is null at once, without a memo entry per node of a bundle.
  if (n.type !== 'TemplateLiteral' && n.type !== 'CallExpression' && (n.type !== 'BinaryExpression' || n.operator !== '+')) return null;
  const m = memo.get(n);
  if (m !== undefined) return m;
  const v = foldUncached(n, consts, depth);
  memo.set(n, v);
  return v;
}

function foldUncached(n: Node, consts: Map<string, string>, depth: number): string | null {
  switch (n.type) {
    case 'TemplateLiteral': {
      let s = '';
      for (let i = 0; i < n.quasis.length; i++) {
        s += n.quasis[i].value?.cooked ?? '';
        if (i < n.expressions.length) {
          const v = foldNode(n.expressions[i], consts, depth + 1);
          if (v === null) return null;
          s += v;
        }
        if (s.length > MAX_FOLD) return null;
      }
      return s;
    }
    case 'BinaryExpression': {
      if (n.operator !== '+') return null;
      // Iterative over the left spine: long `a+b+c+…` chains are common in obfuscated code.
      const rights: Node[] = [];
      let x: Node = n;
      while (x.type === 'BinaryExpression' && x.operator === '+' && rights.length < 5000) {
        rights.push(x.right);
        x = x.left;
      }
      if (isNumber(x) && rights.every(isNumber)) return null; // arithmetic, not concatenation
      let s = foldNode(x, consts, depth + 1);
      if (s === null) return null;
      for (let i = rights.length - 1; i >= 0; i--) {
        const r = foldNode(rights[i]!, consts, depth + 1);
        if (r === null) return null;
        s += r;
        if (s.length > MAX_FOLD) return null;
      }
      return s;
    }
    case 'CallExpression':
      return foldCall(n, consts, depth);
    default:
      return null;
  }
}

function foldCall(n: Node, consts: Map<string, string>, depth: number): string | null {
  const c = n.callee;
  const args: Node[] = n.arguments ?? [];
  // atob('…')
  if (c.type === 'Identifier' && c.name === 'atob' && args.length === 1) {
    const v = foldNode(args[0]!, consts, depth + 1);
    return v === null ? null : decodeBase64(v);
  }
  if (c.type !== 'MemberExpression') return null;
  const prop = propName(c);
  // String.fromCharCode(104, 116, …)
  if (prop === 'fromCharCode' && c.object.type === 'Identifier' && c.object.name === 'String') {
    if (!args.length || args.length > 4096) return null;
    let s = '';
    for (const a of args) {
      if (a.type !== 'Literal' || typeof a.value !== 'number') return null;
      s += String.fromCharCode(a.value);
    }
    return s;
  }
  // Buffer.from('…', 'base64').toString()
  if (prop === 'toString') {
    const inner = c.object;
    if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && propName(inner.callee) === 'from' &&
      inner.callee.object.type === 'Identifier' && inner.callee.object.name === 'Buffer') {
      const v = foldNode(inner.arguments?.[0], consts, depth + 1);
      if (v === null) return null;
      const enc = inner.arguments?.[1] ? foldNode(inner.arguments[1], consts, depth + 1) : 'utf8';
      if (enc === 'base64') return decodeBase64(v);
      if (enc === 'hex') return /^(?:[0-9a-f]{2})*$/i.test(v) ? Buffer.from(v, 'hex').toString('latin1') : null;
      if (enc === 'utf8' || enc === 'utf-8') return v;
      return null;
    }
    return null;
  }
  // ['a','b'].join('') / 'abc'.split('').reverse().join('')
  if (prop === 'join') {
    const sep = args.length ? foldNode(args[0]!, consts, depth + 1) : ',';
    if (sep === null) return null;
    const parts = foldArray(c.object, consts, depth + 1);
    if (parts === null) return null;
    const s = parts.join(sep);
    return s.length <= MAX_FOLD ? s : null;
  }
  if (prop === 'trim') {
    const v = foldNode(c.object, consts, depth + 1);
    return v === null ? null : v.trim();
  }
  if (prop === 'concat') {
    let s = foldNode(c.object, consts, depth + 1);
    for (const a of args) {
      if (s === null) return null;
      const v = foldNode(a, consts, depth + 1);
      if (v === null) return null;
      s += v;
    }
    return s;
  }
  return null;
}

function foldArray(n: Node, consts: Map<string, string>, depth: number): string[] | null {
  if (!n || depth > 40) return null;
  if (n.type === 'ArrayExpression') {
    if (n.elements.length > 4096) return null;
    const out: string[] = [];
    for (const e of n.elements) {
      const v = e ? foldNode(e, consts, depth + 1) : '';
      if (v === null) return null;
      out.push(v);
    }
    return out;
  }
  if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    const prop = propName(n.callee);
    if (prop === 'reverse' && !n.arguments.length) {
      const a = foldArray(n.callee.object, consts, depth + 1);
      return a ? a.reverse() : null;
    }
    if (prop === 'split' && n.arguments.length === 1) {
      const s = foldNode(n.callee.object, consts, depth + 1);
      const sep = foldNode(n.arguments[0], consts, depth + 1);
      return s === null || sep === null ? null : s.split(sep);
    }
  }
  return null;
}

function decodeBase64(v: string): string | null {
  const t = v.replace(/\s+/g, '');
  if (!t || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(t)) return null;
  const s = Buffer.from(t, 'base64').toString('utf8');
  return s;
}

const PRINTABLE = /^[\x20-\x7e\t\r\n]+$/;
const INTERESTING = /^(?:https?:\/\/|\/\/|wss?:\/\/|\d{1,3}(?:\.\d{1,3}){3}|[\w.-]+\.[a-z]{2,}\/|\/[\w.-]+\/|~\/|[A-Za-z]:\\)/i;

/**
 * A literal that is base64 of a URL/IP/path, possibly behind a 1–3 character junk prefix (BeaverTail's
 * `s.slice(1)` trick). Returns the decoded text only when it reads as such a string, so random words never decode.
 */
export function guessBase64(raw: string): string | null {
  // Wrapped base64 (`"aHR0c…\nMi9z…\n".trim()`) is still base64.
  const v = /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw;
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(v)) return null;
  for (let skip = 0; skip <= 3; skip++) {
    const t = v.slice(skip);
    if (t.length < 8) break;
    // Most candidates are words and squeezed sentences: their first three bytes already fail PRINTABLE.
    if (!headPrintable(t)) continue;
    const d = Buffer.from(t, 'base64').toString('latin1');
    if (PRINTABLE.test(d) && INTERESTING.test(d)) return d;
  }
  return null;
}

const B64_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
const printableByte = (x: number) => (x >= 0x20 && x <= 0x7e) || x === 9 || x === 10 || x === 13;

/** The first three bytes base64 `t` (at least four alphabet characters first) decodes to are all PRINTABLE. */
function headPrintable(t: string): boolean {
  const a = B64_INDEX[t.charCodeAt(0)]!;
  const b = B64_INDEX[t.charCodeAt(1)]!;
  const c = B64_INDEX[t.charCodeAt(2)]!;
  const d = B64_INDEX[t.charCodeAt(3)]!;
  return printableByte((a << 2) | (b >> 4)) && printableByte(((b & 15) << 4) | (c >> 2)) && printableByte(((c & 3) << 6) | d);
}

function isNumber(n: Node): boolean {
  return n.type === 'Literal' && typeof n.value === 'number';
}

function stripNode(m: string): string {
  return m.startsWith('node:') ? m.slice(5) : m;
}

function propName(m: Node): string | null {
  if (!m.computed && m.property?.type === 'Identifier') return m.property.name;
  if (m.property?.type === 'Literal' && typeof m.property.value === 'string') return m.property.value;
  return null;
}

const NO_CONSTS = new Map<string, string>();
/** A computed member key spelled from constant pieces (`cp['ex' + 'ec']`): an identifier-like name, else null. */
function constKey(m: Node): string | null {
  const p = m.property;
  if (!m.computed || !p || (p.type !== 'BinaryExpression' && p.type !== 'TemplateLiteral' && p.type !== 'CallExpression')) return null;
  const v = foldNode(p, NO_CONSTS, 0);
  return v !== null && /^[A-Za-z_$][\w$]{0,63}$/.test(v) ? v : null;
}

/** Dotted name of a callee with require/import aliases resolved; '?' for segments that are not names. */
export function calleeName(c: Node, aliases: Map<string, string>, ast?: Node): string | null {
  // Built right to left as one string (no parts array: this runs for every call of a bundle).
  let name = '';
  let parts = 0;
  let x: Node = c;
  for (let i = 0; i < 8 && x; i++) {
    let seg: string;
    switch (x.type) {
      case 'ChainExpression':
        x = x.expression;
        continue;
      case 'MemberExpression':
        seg = propName(x) ?? constKey(x) ?? '?';
        name = parts++ ? `${seg}.${name}` : seg;
        x = x.object;
        continue;
      case 'SequenceExpression':
        x = x.expressions[x.expressions.length - 1];
        continue;
      case 'Identifier':
        seg = aliases.get(x.name) ?? x.name;
        break;
      case 'ThisExpression':
        seg = 'this';
        break;
      case 'CallExpression':
      case 'ImportExpression':
        seg = requiredModule(x, ast) ?? '?';
        break;
      default:
        seg = '?';
    }
    return parts ? `${seg}.${name}` : seg;
  }
  return parts ? name : null;
}

/**
 * The call filters below are asked by several rules about the same file (networkSends by ten): each is computed once
 * per file. The arrays are shared: callers must not mutate them.
 */
const callMemo = new WeakMap<JsFacts, Map<string, Call[]>>();
function memoCalls(f: JsFacts, key: string, compute: () => Call[]): Call[] {
  let m = callMemo.get(f);
  if (!m) callMemo.set(f, (m = new Map()));
  let v = m.get(key);
  if (!v) m.set(key, (v = compute()));
  return v;
}

// ---- Shared vocabulary of what a file does --------------------------------------------------------------------------

const NET_CALL = /^(?:fetch|axios(?:\.\w+)?|got(?:\.\w+)?|request(?:\.\w+)?|needle(?:\.\w+)?|superagent\.\w+|node-fetch|undici\.(?:request|fetch)|https?\.(?:request|get)|.*\.(?:post|put|upload))$/;

/** Calls that send data off the machine (HTTP clients, sockets, webhooks, FormData uploads). */
export function networkSends(f: JsFacts): Call[] {
  return memoCalls(f, 'networkSends', () => f.calls.filter((c) =>
    NET_CALL.test(c.callee) ||
    c.callee === 'axios' ||
    (c.isNew && /(?:^|\.)(?:FormData|WebhookClient|WebSocket|XMLHttpRequest)$/.test(c.callee)) ||
    /^(?:socket\.io-client|socket\.io-client\.io|ws)$/.test(c.callee) ||
    (c.method === 'emit' && f.modules.has('socket.io-client')),
  ));
}

/** fs reads/copies/listings (and sqlite opens) — how stolen files are collected. */
export function fileReads(f: JsFacts): Call[] {
  return memoCalls(f, 'fileReads', () => f.calls.filter((c) =>
    /^(?:(?:fs|fs\/promises|fs-extra|graceful-fs|promise-fs)\.|\?\.|)(?:readFileSync|readFile|copyFileSync|copyFile|readdirSync|readdir|createReadStream|existsSync|statSync|cpSync|globSync|glob|opendir|opendirSync)$/.test(c.callee) ||
    (c.callee.startsWith('fs.') && /^(?:read|copy|readdir|cp|createReadStream|exists|stat|lstat|access)/.test(c.method)) ||
    /(?:^|\.)(?:Database|open)$/.test(c.callee) && /sqlite|better-sqlite3|level/.test([...f.modules].join(' ')),
  ));
}

export function hasModule(f: JsFacts, re: RegExp): boolean {
  for (const m of f.modules) if (re.test(m)) return true;
  return false;
}

/** Strings matching a regex, each once per span. */
export function stringsMatching(f: JsFacts, re: RegExp): Str[] {
  return f.strings.filter((s) => re.test(s.value));
}

/**
 * eval-like sinks: eval, Function / Function.constructor, vm.*, module._compile. A bare `x.constructor(...)` is only a
 * sink in the lure shape `….constructor('require', body)`: `new this.constructor(v)` is every class library.
 */
export function evalSinks(f: JsFacts): Call[] {
  return memoCalls(f, 'evalSinks', () => f.calls.filter((c) =>
    /^(?:eval|(?:window|global|globalThis|self)\.eval|Function|(?:window|global|globalThis)\.Function|Function\.constructor|\?\.constructor\.constructor|vm\.(?:runInThisContext|runInNewContext|runInContext|compileFunction|Script)|\?\._compile|module\._compile)$/.test(c.callee) ||
    (c.callee.endsWith('.constructor') && c.args[0]?.type === 'Literal' && c.args[0].value === 'require'),
  ));
}

/**
 * `/re/.exec(s)` and `new RegExp(p).exec(s)`: a RegExp's exec, whose callee name is `?.exec` like an unresolved
 * child_process object's, so processLaunches lists it. A rule that traces each launch's command through the file's
 * data flow (a whole-file index on a bundle) skips these first: a bundle has dozens.
 */
export function isRegExpExec(c: Call): boolean {
  if (!c.callee.startsWith('?.')) return false;
  let callee = c.node.callee;
  if (callee?.type === 'ChainExpression') callee = callee.expression;
  if (callee?.type !== 'MemberExpression') return false;
  const o = callee.object;
  if (o?.type === 'Literal') return o.regex !== undefined && o.regex !== null;
  return (o?.type === 'NewExpression' || o?.type === 'CallExpression') && o.callee?.type === 'Identifier' && o.callee.name === 'RegExp';
}

/** child_process launches (exec/execSync/spawn/execFile/fork, shelljs/execa/cross-spawn). */
export function processLaunches(f: JsFacts): Call[] {
  return memoCalls(f, 'processLaunches', () => f.calls.filter((c) =>
    /^(?:child_process|shelljs|execa|cross-spawn|\?)\.(?:exec|execSync|spawn|spawnSync|execFile|execFileSync|fork)$/.test(c.callee) ||
    (/^(?:exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync|execaCommand|execaCommandSync|shell\.exec|\$)$/.test(c.callee) &&
      (hasModule(f, /^(?:child_process|execa|cross-spawn|shelljs|zx)/) || c.callee.startsWith('child_process'))) ||
    /^(?:execa|cross-spawn|execa\.\w+|execa\.default)$/.test(c.callee) ||
    // Shell templates: Bun's $`…`, zx's $`…` (the module's `$` export).
    /^(?:bun|zx)\.\$$/.test(c.callee) ||
    // Node's internal binding: const s = process.binding('spawn_sync'); s.spawn({ file, args }).
    (c.method === 'spawn' && spawnSyncBinding(f, c)),
  ));
}

/** `x.spawn(…)` where x holds process.binding('spawn_sync') (or the call is on it directly). */
function spawnSyncBinding(f: JsFacts, c: Call): boolean {
  const obj = c.node.callee?.type === 'MemberExpression' ? c.node.callee.object : null;
  const src = obj?.type === 'Identifier' ? f.inits.get(obj.name) : obj;
  let n = src;
  while (n && (n.type === 'TSAsExpression' || n.type === 'ParenthesizedExpression')) n = n.expression;
  if (n?.type !== 'CallExpression') return false;
  const callee = n.callee?.type === 'MemberExpression' ? n.callee : null;
  const arg = n.arguments?.[0];
  return !!callee && !callee.computed && callee.property?.name === 'binding' && arg?.type === 'Literal' && arg.value === 'spawn_sync';
}

/** Strings (literal or folded) inside a call's argument spans, in source order: the command a launch runs. */
const sortedCache = new WeakMap<JsFacts, Str[]>();
export function argText(f: JsFacts, c: Call): string {
  let sorted = sortedCache.get(f);
  if (!sorted) {
    sorted = f.strings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    sortedCache.set(f, sorted);
  }
  if (!c.args.length) return '';
  const parts: string[] = [];
  // The command itself, and what identifiers passed as the command hold (one level: `execSync(command)`).
  const spans: Array<[number, number]> = [[c.args[0]!.start, c.args[c.args.length - 1]!.end]];
  for (const a of c.args.slice(0, 2)) {
    const init = a.type === 'Identifier' ? f.inits.get(a.name) : undefined;
    if (init && init.end - init.start < 20_000) spans.unshift([init.start, init.end]);
  }
  for (const [from, to] of spans) collectIn(sorted, from, to, parts);
  return parts.join(' ').slice(0, 4000);
}

function collectIn(sorted: Str[], from: number, to: number, parts: string[]): void {
  const lo = partitionPoint(sorted.length, (i) => sorted[i]!.start < from);
  let lastEnd = -1;
  let len = 0;
  for (let i = lo; i < sorted.length && sorted[i]!.start < to && len < 4000; i++) {
    const s = sorted[i]!;
    if (s.start < lastEnd || s.end > to) continue; // take the outermost (folded) string of a span
    parts.push(s.value);
    len += s.value.length + 1;
    lastEnd = s.end;
  }
}

/** fs writes (what a dropper or a persistence step does). */
export function fileWrites(f: JsFacts): Call[] {
  return memoCalls(f, 'fileWrites', () => f.calls.filter((c) =>
    /^(?:(?:fs|fs\/promises|fs-extra|graceful-fs|promise-fs|\?)\.)?(?:writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|outputFile|outputFileSync|copyFileSync|copyFile|renameSync|rename)$/.test(c.callee) &&
    (c.callee.includes('.') || hasModule(f, /^(?:fs|fs\/promises|fs-extra|graceful-fs)$/)),
  ));
}

/** Evidence for a string or node: its source text, or for a deobfuscated string the recovered value. */
export function evidenceOf(js: { text: string }, at: { start: number; end: number; deob?: boolean; value?: string }, max = 200): string {
  if (at.deob && at.value !== undefined) return `deobfuscated: ${at.value.slice(0, max)}`;
  return js.text.slice(at.start, Math.min(at.end, at.start + max));
}
