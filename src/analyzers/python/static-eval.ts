/**
 * Static evaluation of the small expression language Python droppers use to hide a payload: literals, `+`, slices and
 * `[::-1]`, base64/base32/base16/hex, zlib/gzip, codecs (rot13, hex, base64), `bytes([...])`, `chr(n)`, `''.join`,
 * reversed(), single-parameter lambdas, names bound once, and XOR through a helper function with a literal key.
 * Nothing is executed: every step is a pure JS function with output caps.
 */
import { createDecipheriv } from 'node:crypto';
import { inflateSync, gunzipSync } from 'node:zlib';
import type { Node } from 'web-tree-sitter';
import { dotted, resolveCallee, stringValue, type PyModel } from './model.js';

/** Bytes are kept as latin1 strings (one char per byte); `bytes` says which it is. */
export interface PyValue {
  value: string;
  bytes: boolean;
  /** Names of the decoding steps applied ('base64', 'zlib', 'reverse', 'xor', ...). */
  steps: string[];
}

const MAX_OUT = 2 << 20;
const MAX_DEPTH = 40;

export interface EvalEnv {
  model: PyModel;
  /** Lambda parameters in scope. */
  params?: Map<string, PyValue>;
  /** Names of helper functions whose body XORs (`^`), for `decrypt(data, key)`. */
  xorFuncs?: Map<string, Node>;
}

export function evaluate(node: Node | null | undefined, env: EvalEnv, depth = 0): PyValue | null {
  if (!node || depth > MAX_DEPTH) return null;
  try {
    return evalNode(node, env, depth);
  } catch {
    return null;
  }
}

const LETTERS_LOWER = 'abcdefghijklmnopqrstuvwxyz';
const LETTERS_UPPER = LETTERS_LOWER.toUpperCase();
const STRING_CONSTANTS: Record<string, string> = {
  'string.ascii_letters': LETTERS_LOWER + LETTERS_UPPER,
  'string.ascii_lowercase': LETTERS_LOWER,
  'string.ascii_uppercase': LETTERS_UPPER,
  'string.digits': '0123456789',
  'string.hexdigits': '0123456789abcdefABCDEF',
  'string.punctuation': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** The first identifier node named `name` inside `scope` (the comprehension's table names, evaluated as nodes). */
function identifierNode(scope: Node, name: string): Node | null {
  const stack: Node[] = [scope];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier' && n.text === name) return n;
    for (let i = n.namedChildCount - 1; i >= 0; i--) {
      const c = n.namedChild(i);
      if (c) stack.push(c);
    }
  }
  return null;
}

const lit = (value: string, bytes: boolean, steps: string[] = []): PyValue | null =>
  value.length > MAX_OUT ? null : { value, bytes, steps };

function evalNode(node: Node, env: EvalEnv, depth: number): PyValue | null {
  switch (node.type) {
    case 'string':
    case 'concatenated_string': {
      const v = stringValue(node);
      if (v === null) return null;
      return lit(v, /^[rRuU]?[bB]/.test(node.text), []);
    }
    case 'parenthesized_expression':
      return evaluate(node.namedChild(0), env, depth + 1);
    case 'identifier': {
      const p = env.params?.get(node.text);
      if (p) return p;
      const assigned = env.model.assigns.get(node.text);
      // Only names bound once: a loop variable or a reassigned buffer is not a constant.
      if (assigned?.length === 1) return evaluate(assigned[0], { ...env, params: undefined }, depth + 1);
      return null;
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const l = evaluate(node.childForFieldName('left'), env, depth + 1);
      if (op === '+') {
        const r = evaluate(node.childForFieldName('right'), env, depth + 1);
        if (!l || !r) return null;
        return lit(l.value + r.value, l.bytes || r.bytes, [...l.steps, ...r.steps]);
      }
      if (op === '*' && l) {
        const n = Number(node.childForFieldName('right')?.text);
        if (Number.isInteger(n) && n >= 0 && n * l.value.length <= MAX_OUT) return lit(l.value.repeat(n), l.bytes, l.steps);
      }
      return null;
    }
    case 'subscript':
      return evalSubscript(node, env, depth);
    case 'attribute': {
      // string.ascii_letters and friends: the alphabets substitution ciphers are built from.
      const c = STRING_CONSTANTS[resolveCallee(env.model, dotted(node))];
      return c === undefined ? null : lit(c, false, []);
    }
    case 'call':
      return evalCall(node, env, depth);
    default:
      return null;
  }
}

function intOf(node: Node | null | undefined): number | null {
  if (!node) return null;
  const t = node.text.replace(/\s+/g, '');
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

function evalSubscript(node: Node, env: EvalEnv, depth: number): PyValue | null {
  // LIST[3] where LIST is a literal list bound once
  const idx = intOf(node.childForFieldName('subscript'));
  if (idx !== null) {
    let list = node.childForFieldName('value');
    if (list?.type === 'identifier') {
      const a = env.model.assigns.get(list.text);
      list = a?.length === 1 ? a[0]! : null;
    }
    if (list && (list.type === 'list' || list.type === 'tuple')) {
      const items = list.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      return evaluate(items[idx < 0 ? items.length + idx : idx], env, depth + 1);
    }
  }
  const base = evaluate(node.childForFieldName('value'), env, depth + 1);
  if (!base) return null;
  const sub = node.childForFieldName('subscript');
  if (!sub || sub.type !== 'slice') return null;
  // slice children: [start] ':' [stop] [':' [step]] — read from the text, which is small.
  const parts = sub.text.split(':').map((s) => s.trim());
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : /^-?\d+$/.test(s) ? Number(s) : NaN);
  const [start, stop, step] = [num(parts[0]), num(parts[1]), num(parts[2])];
  if ([start, stop, step].some((x) => Number.isNaN(x))) return null;
  const chars = [...base.value];
  let out: string[];
  if (step === -1 && start === null && stop === null) out = chars.reverse();
  else if (step === null || step === 1) {
    const len = chars.length;
    const s = start === null ? 0 : start < 0 ? Math.max(0, len + start) : start;
    const e = stop === null ? len : stop < 0 ? len + stop : stop;
    out = chars.slice(s, e);
  } else return null;
  return lit(out.join(''), base.bytes, [...base.steps, step === -1 ? 'reverse' : 'slice']);
}

const B64 = new Set(['base64.b64decode', 'base64.decodebytes', 'base64.decodestring', 'base64.standard_b64decode', 'base64.urlsafe_b64decode', 'binascii.a2b_base64']);
const HEX = new Set(['bytes.fromhex', 'bytearray.fromhex', 'binascii.unhexlify', 'binascii.a2b_hex', 'base64.b16decode']);

export function b64(s: string): string | null {
  const clean = s.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length < 4) return null;
  return Buffer.from(clean, 'base64').toString('latin1');
}
const B85_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~';
const B85_VALUE = new Map([...B85_ALPHABET].map((c, i) => [c, i]));
/** base64.b85decode (RFC 1924 alphabet, as Python's): 5 characters per 4 bytes, a short last group padded with '~'. */
export function b85(s: string): string | null {
  const clean = s.replace(/\s+/g, '');
  if (!clean.length) return null;
  let out = '';
  for (let i = 0; i < clean.length; i += 5) {
    const group = clean.slice(i, i + 5);
    let acc = 0;
    for (let j = 0; j < 5; j++) {
      const v = j < group.length ? B85_VALUE.get(group[j]!) : 84;
      if (v === undefined) return null;
      acc = acc * 85 + v;
    }
    if (acc > 0xffffffff) return null;
    const bytes = String.fromCharCode((acc >>> 24) & 0xff, (acc >>> 16) & 0xff, (acc >>> 8) & 0xff, acc & 0xff);
    out += group.length === 5 ? bytes : bytes.slice(0, group.length - 1);
  }
  return out;
}
/** base64.a85decode (Ascii85 as Python's default: '!'..'u', 'z' for four zero bytes, optional <~ ~> frame). */
export function a85(s: string): string | null {
  const clean = s.replace(/\s+/g, '').replace(/^<~/, '').replace(/~>$/, '');
  let out = '';
  let group: number[] = [];
  const flush = (n: number) => {
    let acc = 0;
    for (let j = 0; j < 5; j++) acc = acc * 85 + (group[j] ?? 84);
    if (acc > 0xffffffff) return false;
    out += String.fromCharCode((acc >>> 24) & 0xff, (acc >>> 16) & 0xff, (acc >>> 8) & 0xff, acc & 0xff).slice(0, n);
    group = [];
    return true;
  };
  for (const ch of clean) {
    if (ch === 'z' && group.length === 0) {
      out += '\0\0\0\0';
      continue;
    }
    const v = ch.charCodeAt(0) - 33;
    if (v < 0 || v > 84) return null;
    group.push(v);
    if (group.length === 5 && !flush(4)) return null;
  }
  if (group.length === 1) return null;
  if (group.length && !flush(group.length - 1)) return null;
  return out || null;
}
function b32(s: string): string | null {
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.replace(/=+$/, '').replace(/\s+/g, '').toUpperCase();
  let bits = 0, acc = 0, out = '';
  for (const ch of clean) {
    const v = alpha.indexOf(ch);
    if (v < 0) return null;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}
function hex(s: string): string | null {
  const clean = s.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) return null;
  return Buffer.from(clean, 'hex').toString('latin1');
}
export function inflate(s: string): string | null {
  const buf = Buffer.from(s, 'latin1');
  for (const f of [() => inflateSync(buf, { maxOutputLength: MAX_OUT }), () => inflateSync(buf, { maxOutputLength: MAX_OUT, windowBits: 15 } as never)]) {
    try {
      return f().toString('latin1');
    } catch {
      /* try the next framing */
    }
  }
  try {
    return gunzipSync(buf, { maxOutputLength: MAX_OUT }).toString('latin1');
  } catch {
    return null;
  }
}
function rot13(s: string): string {
  return s.replace(/[a-zA-Z]/g, (c) => {
    const b = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - b + 13) % 26) + b);
  });
}
/** bytes → str as Python's .decode() would for UTF-8 text. */
function utf8(v: PyValue): PyValue {
  return v.bytes ? { value: Buffer.from(v.value, 'latin1').toString('utf8'), bytes: false, steps: v.steps } : v;
}
export function xor(data: string, key: string): string {
  let out = '';
  for (let i = 0; i < data.length; i++) out += String.fromCharCode((data.charCodeAt(i) ^ key.charCodeAt(i % key.length)) & 0xff);
  return out;
}

/**
 * getattr(__import__(bytes([98, 97, …]).decode()), bytes([98, 54, …]).decode()) → 'base64.b64decode': a function named
 * by decoded strings so that neither the module nor the function shows in the source.
 */
function computedCallee(fn: Node | null, env: EvalEnv, depth: number): string | null {
  if (fn?.type !== 'call' || dotted(fn.childForFieldName('function')) !== 'getattr') return null;
  const [obj, attr] = (fn.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
  if (!obj || !attr) return null;
  const name = evaluate(attr, env, depth + 1)?.value;
  if (!name || !/^\w+$/.test(name)) return null;
  let mod: string | undefined;
  if (obj.type === 'call' && dotted(obj.childForFieldName('function')) === '__import__') mod = evaluate(obj.childForFieldName('arguments')?.namedChild(0) ?? null, env, depth + 1)?.value;
  else if (obj.type === 'identifier' || obj.type === 'attribute') mod = resolveCallee(env.model, dotted(obj));
  return mod && /^[\w.]+$/.test(mod) ? `${mod}.${name}` : null;
}

function evalCall(node: Node, env: EvalEnv, depth: number): PyValue | null {
  const fn = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  // f(x for x in y): tree-sitter gives the generator itself as the argument list.
  const args = argList?.type === 'generator_expression' ? [argList] : (argList?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'keyword_argument' && a.type !== 'comment');
  const arg0 = () => evaluate(args[0], env, depth + 1);
  const step = (v: PyValue | null, name: string, f: (s: string) => string | null, bytes = true): PyValue | null => {
    if (!v) return null;
    const out = f(v.value);
    return out === null ? null : lit(out, bytes, [...v.steps, name]);
  };
  // (lambda x: body)(arg) or f(arg) with f = lambda x: body
  let lambda: Node | null = null;
  if (fn?.type === 'parenthesized_expression' && fn.namedChild(0)?.type === 'lambda') lambda = fn.namedChild(0);
  else if (fn?.type === 'identifier' && !env.params?.has(fn.text)) {
    const a = env.model.assigns.get(fn.text);
    if (a?.length === 1 && a[0]!.type === 'lambda') lambda = a[0]!;
  } else if (fn?.type === 'parenthesized_expression' && fn.namedChild(0)?.type === 'identifier') {
    const a = env.model.assigns.get(fn.namedChild(0)!.text);
    if (a?.length === 1 && a[0]!.type === 'lambda') lambda = a[0]!;
  }
  if (lambda) {
    const params = (lambda.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p);
    const body = lambda.childForFieldName('body');
    if (params.length !== args.length || !body) return null;
    const bound = new Map<string, PyValue>();
    for (let i = 0; i < params.length; i++) {
      const v = evaluate(args[i], env, depth + 1);
      if (!v) return null;
      bound.set(params[i]!.text, v);
    }
    return evaluate(body, { ...env, params: bound }, depth + 1);
  }

  if (fn?.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const obj = fn.childForFieldName('object');
    // Fernet(key).decrypt(token): AES-128-CBC with the key in the source, decrypted here without running anything.
    if (method === 'decrypt' && obj?.type === 'call' && /(?:^|\.)Fernet$/.test(dotted(obj.childForFieldName('function')))) {
      const key = evaluate(obj.childForFieldName('arguments')?.namedChild(0), env, depth + 1);
      const token = arg0();
      const out = key && token ? fernetDecrypt(key.value, token.value) : null;
      return out === null ? null : lit(out, true, [...(token?.steps ?? []), 'fernet']);
    }
    // s.translate(str.maketrans(FROM, TO)) (or a table bound to a name): a substitution cipher.
    if (method === 'translate' && args.length === 1) {
      let table: Node | null | undefined = args[0];
      if (table?.type === 'identifier') {
        const bound = env.model.assigns.get(table.text);
        table = bound?.length === 1 ? bound[0] : null;
      }
      if (table?.type === 'call' && /^(?:str|string|bytes)\.maketrans$|^maketrans$/.test(dotted(table.childForFieldName('function')))) {
        const targs = (table.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
        const from = evaluate(targs[0], env, depth + 1);
        const to = evaluate(targs[1], env, depth + 1);
        const v = evaluate(obj, env, depth + 1);
        if (from && to && v && from.value.length === to.value.length && targs.length === 2) {
          const map = new Map<string, string>();
          for (let i = 0; i < from.value.length; i++) map.set(from.value[i]!, to.value[i]!);
          return lit([...v.value].map((ch) => map.get(ch) ?? ch).join(''), v.bytes, [...v.steps, 'substitution']);
        }
      }
      return null;
    }
    // codecs.decode(x, 'hex') is the codecs module's function, handled below; not a method of a value named codecs.
    if ((method === 'decode' || method === 'encode') && !(obj?.type === 'identifier' && resolveCallee(env.model, obj.text) === 'codecs')) {
      const v = evaluate(obj, env, depth + 1);
      const codec = args[0] ? stringValue(args[0]) ?? '' : '';
      if (v && /^(hex)$/i.test(codec)) return step(v, 'hex', hex);
      if (v && /^(base64)$/i.test(codec)) return step(v, 'base64', b64);
      if (v && /rot.?13/i.test(codec)) return lit(rot13(v.value), false, [...v.steps, 'rot13']);
      if (!v) return null;
      return method === 'decode' ? utf8(v) : { ...v, bytes: true };
    }
    if (method === 'join') {
      const sep = evaluate(obj, env, depth + 1);
      if (!sep || args.length !== 1) return null;
      const a = args[0]!;
      // ''.join(reversed(x))
      if (a.type === 'call' && dotted(a.childForFieldName('function')) === 'reversed') {
        const inner = evaluate(a.childForFieldName('arguments')?.namedChild(0), env, depth + 1);
        return inner ? lit([...inner.value].reverse().join(sep.value), false, [...inner.steps, 'reverse']) : null;
      }
      // ''.join(map(chr, [104, 116, ...]))
      if (a.type === 'call' && dotted(a.childForFieldName('function')) === 'map') {
        const ma = a.childForFieldName('arguments')?.namedChildren ?? [];
        if (ma[0]?.text === 'chr' && ma[1] && (ma[1].type === 'list' || ma[1].type === 'tuple')) {
          const codes = intList(ma[1]);
          return codes ? lit(String.fromCharCode(...codes), false, ['chr']) : null;
        }
      }
      // ''.join(chr(c) for c in [101, 120, 101, 99]) / [chr(x) for x in (...)]
      if ((a.type === 'generator_expression' || a.type === 'list_comprehension') && /^\W*chr\s*\(\s*(\w+)\s*\)/.test(a.text)) {
        const body = a.childForFieldName('body');
        const clause = a.namedChildren.find((c) => c?.type === 'for_in_clause');
        const right = clause?.childForFieldName('right');
        if (body?.type === 'call' && right && (right.type === 'list' || right.type === 'tuple')) {
          const codes = intList(right);
          if (codes) return lit(String.fromCharCode(...codes), false, ['chr']);
        }
        return null;
      }
      // ''.join(chr(ord(c) - 3) for c in "ljqruh"): every character shifted (Caesar) or XORed with a constant.
      if (a.type === 'generator_expression' || a.type === 'list_comprehension') {
        const body = a.childForFieldName('body')?.text ?? '';
        const m = /^chr\s*\(\s*(?:\(\s*)?ord\s*\(\s*(\w+)\s*\)\s*([-+^])\s*(\d{1,3})\s*(?:\)\s*)?(?:%\s*(\d{1,7})\s*)?\)$/.exec(body);
        const clauses = a.namedChildren.filter((c) => c?.type === 'for_in_clause' || c?.type === 'if_clause');
        const clause = clauses.length === 1 ? clauses[0] : undefined;
        if (m && clause && clause.childForFieldName('left')?.text === m[1]) {
          const text = evaluate(clause.childForFieldName('right'), env, depth + 1);
          const k = Number(m[3]);
          const mod = m[4] ? Number(m[4]) : 0;
          if (text) {
            let out = '';
            for (const ch of text.value) {
              let code = ch.charCodeAt(0);
              code = m[2] === '+' ? code + k : m[2] === '-' ? code - k : code ^ k;
              if (mod) code = ((code % mod) + mod) % mod;
              if (code < 0 || code > 0x10ffff) return null;
              out += String.fromCharCode(code);
            }
            return lit(out, false, [...text.steps, m[2] === '^' ? 'xor' : 'shift']);
          }
        }
      }
      // ''.join([TO[FROM.index(c)] if c in TO else c for c in "RNKLIG HLXPVG…"]): a substitution cipher (atbash, shifted alphabet).
      if (a.type === 'generator_expression' || a.type === 'list_comprehension') {
        const body = a.childForFieldName('body')?.text ?? '';
        const m = /^(\w+)\s*\[\s*(\w+)\.index\(\s*(\w+)\s*\)\s*\](?:\s+if\s+(\w+)\s+(?:not\s+)?in\s+(\w+)\s+else\s+(\w+))?$/.exec(body);
        const clauses = a.namedChildren.filter((c) => c?.type === 'for_in_clause' || c?.type === 'if_clause');
        const clause = clauses.length === 1 ? clauses[0] : undefined;
        if (m && clause && clause.childForFieldName('left')?.text === m[3] && (!m[4] || (m[4] === m[3] && m[6] === m[3]))) {
          const to = evaluate(identifierNode(a, m[1]!), env, depth + 1);
          const from = evaluate(identifierNode(a, m[2]!), env, depth + 1);
          const text = evaluate(clause.childForFieldName('right'), env, depth + 1);
          if (to && from && text && to.value.length === from.value.length) {
            let out = '';
            for (const ch of text.value) {
              const i = from.value.indexOf(ch);
              if (i === -1) {
                if (m[4]) out += ch;
                else return null;
              } else out += to.value[i];
            }
            return lit(out, false, [...text.steps, 'substitution']);
          }
        }
      }
      if (a.type === 'list' || a.type === 'tuple') {
        const parts: string[] = [];
        for (const c of a.namedChildren) {
          const v = c ? evaluate(c, env, depth + 1) : null;
          if (!v) return null;
          parts.push(v.value);
        }
        return lit(parts.join(sep.value), false, []);
      }
      return null;
    }
  }

  const callee = computedCallee(fn, env, depth) ?? resolveCallee(env.model, dotted(fn));
  const name = callee.slice(callee.lastIndexOf('.') + 1);
  if (B64.has(callee) || (name === 'b64decode' && callee.endsWith('base64.b64decode'))) return step(arg0(), 'base64', b64);
  if (callee === 'base64.b32decode') return step(arg0(), 'base32', b32);
  if (callee === 'base64.b85decode') return step(arg0(), 'base85', b85);
  if (callee === 'base64.a85decode') return step(arg0(), 'ascii85', a85);
  if (HEX.has(callee)) return step(arg0(), 'hex', hex);
  if (callee === 'zlib.decompress' || callee === 'gzip.decompress') return step(arg0(), 'zlib', inflate);
  if (callee === 'codecs.decode' || callee === 'codecs.encode') {
    const v = arg0();
    const codec = args[1] ? stringValue(args[1]) ?? '' : '';
    if (!v) return null;
    if (/rot.?13/i.test(codec)) return lit(rot13(v.value), false, [...v.steps, 'rot13']);
    if (/^hex/i.test(codec)) return step(v, 'hex', hex);
    if (/^base64/i.test(codec)) return step(v, 'base64', b64);
    if (/^zlib/i.test(codec)) return step(v, 'zlib', inflate);
    return null;
  }
  if (callee === 'str' || callee === 'bytes' || callee === 'bytearray') {
    if (args[0]?.type === 'list' || args[0]?.type === 'tuple') {
      const codes = intList(args[0]);
      return codes ? lit(String.fromCharCode(...codes.map((c) => c & 0xff)), true, ['bytes']) : null;
    }
    const v = arg0();
    if (!v) return null;
    return callee === 'str' ? utf8(v) : { ...v, bytes: true };
  }
  if (callee === 'chr') {
    const n = intOf(args[0]);
    return n === null ? null : lit(String.fromCharCode(n), false, ['chr']);
  }
  if (callee === 'reversed') {
    const v = arg0();
    return v ? lit([...v.value].reverse().join(''), v.bytes, [...v.steps, 'reverse']) : null;
  }
  // def b64(code): return b64decode(code.encode()).decode() — a local helper whose body is one return.
  // Also self.decd(x) for a method of the file's classes.
  const helperName = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' && fn.childForFieldName('object')?.text === 'self' ? fn.childForFieldName('attribute')?.text : undefined;
  const helper = helperName ? env.model.funcs.get(helperName) : undefined;
  if (helper && !env.xorFuncs?.has(helperName!)) {
    const body = helper.childForFieldName('body');
    const stmts = (body?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment' && !(n.type === 'expression_statement' && n.namedChild(0)?.type === 'string'));
    let params = (helper.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p);
    if (fn?.type === 'attribute' && params[0]?.text === 'self') params = params.slice(1);
    // Straight-line helpers: `x = <expr>` statements then `return <expr>` (b = s.encode(); d = b64decode(b); return d.decode()).
    const last = stmts[stmts.length - 1];
    if (stmts.length && stmts.length <= 8 && last!.type === 'return_statement' && params.length === args.length) {
      const bound = new Map<string, PyValue>();
      for (let i = 0; i < params.length; i++) {
        const name = params[i]!.type === 'identifier' ? params[i]!.text : params[i]!.namedChild(0)?.text;
        const v = evaluate(args[i], env, depth + 1);
        if (!name || !v) return null;
        bound.set(name, v);
      }
      for (const st of stmts.slice(0, -1)) {
        const asg = st.type === 'expression_statement' ? st.namedChild(0) : null;
        const left = asg?.type === 'assignment' ? asg.childForFieldName('left') : null;
        if (!asg || left?.type !== 'identifier') return null;
        if (asg.childForFieldName('right')?.type === 'lambda') continue; // local lambdas resolve through the model
        const v = evaluate(asg.childForFieldName('right'), { ...env, params: bound }, depth + 1);
        if (!v) return null;
        bound.set(left.text, v);
      }
      return evaluate(last!.namedChild(0), { ...env, params: bound }, depth + 1);
    }
  }
  // decrypt(data, key) through a helper whose body XORs
  if (env.xorFuncs?.has(callee) && args.length >= 2) {
    const a = evaluate(args[0], env, depth + 1);
    const b = evaluate(args[1], env, depth + 1);
    if (a && b) {
      const [data, key] = a.value.length >= b.value.length ? [a, b] : [b, a];
      if (key.value.length > 0 && key.value.length <= 64) return lit(xor(data.value, key.value), true, [...data.steps, 'xor']);
    }
  }
  return null;
}

function intList(node: Node): number[] | null {
  const out: number[] = [];
  for (const c of node.namedChildren) {
    const n = intOf(c);
    if (n === null) return null;
    out.push(n);
    if (out.length > MAX_OUT) return null;
  }
  return out;
}

/** Printable enough to show as decoded text. */
export function looksLikeText(s: string): boolean {
  if (!s.length) return false;
  let bad = 0;
  const n = Math.min(s.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0x7f) bad++;
  }
  return bad / n < 0.05;
}

/** Fernet token (base64url: 0x80 | ts(8) | iv(16) | ciphertext | hmac(32)) decrypted with its key; HMAC not checked. */
export function fernetDecrypt(keyB64: string, tokenB64: string): string | null {
  try {
    const key = Buffer.from(keyB64.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const tok = Buffer.from(tokenB64.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== 32 || tok.length < 57 || tok[0] !== 0x80) return null;
    const iv = tok.subarray(9, 25);
    const ct = tok.subarray(25, tok.length - 32);
    const d = createDecipheriv('aes-128-cbc', key.subarray(16), iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('latin1');
  } catch {
    return null;
  }
}
