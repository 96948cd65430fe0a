import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { parseJs, type ParseResult } from './parse.js';

/**
 * TypeScript/TSX: the type syntax is blanked out with spaces (same offsets, same lines), then the result is parsed by
 * the JS parser. So every rule sees the same ESTree shape for .ts and .js, and offsets point into the original text.
 *
 * Two blankers; where both apply, meriyah reads the same tree (every node type and position) from their outputs:
 * - `blankTypesFast` (the common path) reads sucrase's token stream, in which the parser has marked every token of
 *   type syntax: 3-7x faster than the TypeScript compiler and ~20-50 ms to load instead of ~250-300 ms per worker
 *   thread. It refuses (throws) what it cannot blank exactly: non-ambient namespaces, `declare` class fields,
 *   abstract properties, `import x = A.B`, parameter decorators, syntax errors, nesting deeper than its recursive
 *   parser's stack (a catchable RangeError), backtracking past its token budget. Its output is used only if meriyah
 *   then parses it without error. Checked on 10,051 .ts/.tsx/.d.ts files (lure repos, the corpus, 361 npm packages,
 *   node_modules): 9,981 take this path, 9,975 with the compiler path's tree, 6 .d.cts whose `export = function f():
 *   T;` the compiler path left as invalid JS (loose parse). parse-ts.test.ts pins every form.
 * - `blankTypes`, over the TypeScript compiler's own tree, for everything else: it always produces a text, so broken
 *   files still reach the JS parser with its loose fallback, as before.
 *
 * Declaration files (.d.ts, .d.mts, .d.cts) get the same AST analysis as any other TypeScript file, on purpose: they
 * are never meant to run, but CommonJS loads any unknown extension as JavaScript (`require('./types.d.ts')` and
 * `node types.d.ts` execute the file), so a payload named like a declaration file runs all the same and the AST rules
 * must see its code. A genuine declaration file costs almost nothing: it is all type syntax, its blanked text is
 * whitespace, and meriyah skips whitespace at memory speed.
 */
export function parseTs(text: string, ext: string): ParseResult {
  const jsx = ext === '.tsx';
  let fast: string | null = null;
  try {
    fast = blankTypesFast(text, jsx);
  } catch {
    fast = null; // refused, a syntax error or too deep for sucrase: the compiler path decides
  }
  if (fast !== null) {
    const r = parseJs(fast, { jsx, loose: false });
    if (r.ast) return r;
  }
  let blanked: string | null = null;
  try {
    blanked = blankTypes(text, jsx);
  } catch {
    blanked = null;
  }
  // Blanked text that still has errors goes to the loose parser too (it shows more than on raw TS).
  if (blanked !== null) return parseJs(blanked, { jsx });
  return parseJs(text, { jsx });
}

/** What `blankTypesFast` reads of sucrase's parser (sucrase/dist/parser: CommonJS, no export map). */
interface SucraseToken {
  type: number;
  contextualKeyword: number;
  start: number;
  end: number;
  isType: boolean;
}
interface Sucrase {
  base: { initParser(input: string, jsx: boolean, typescript: boolean, flow: boolean): void; state: { tokens: SucraseToken[]; error: unknown }; augmentError(e: unknown): Error };
  parseFile(): { tokens: SucraseToken[] };
  T: Record<string, number>;
  CK: Record<string, number>;
}
const requireCjs = createRequire(import.meta.url);
let sucrase: Sucrase | undefined;
/** Loaded on the first TypeScript file: a worker that never sees one never loads it. */
function loadSucrase(): Sucrase {
  if (!sucrase) {
    sucrase = {
      base: requireCjs('sucrase/dist/parser/traverser/base'),
      parseFile: requireCjs('sucrase/dist/parser/traverser/index').parseFile,
      T: requireCjs('sucrase/dist/parser/tokenizer/types').TokenType,
      CK: requireCjs('sucrase/dist/parser/tokenizer/keywords').ContextualKeyword,
    };
  }
  return sucrase;
}

/**
 * sucrase's `parse`, with a budget on tokens read. Its parser backtracks (`a < (b) < (b) < …` retries type arguments
 * at every `<`: quadratic, 11 s for 24 KB), and every token read, kept or undone, is pushed on `state.tokens`. Real
 * code reads at most ~0.55 tokens per character (1,700 + 1,341 + 7,010 TS files measured), so more than one per
 * character (+10,000 for tiny files) is refused and left to the compiler, which parses such text in linear time.
 */
function sucraseTokens(s: Sucrase, text: string, jsx: boolean): SucraseToken[] {
  s.base.initParser(text, jsx, true, false);
  const tokens = s.base.state.tokens;
  let budget = text.length + 10_000;
  const push = Array.prototype.push;
  tokens.push = function (this: SucraseToken[], t: SucraseToken) {
    if (--budget < 0) throw new FastBlankRefused('backtracking budget');
    return push.call(this, t);
  };
  try {
    const result = s.parseFile();
    if (s.base.state.error) throw s.base.augmentError(s.base.state.error);
    return result.tokens;
  } finally {
    // sucrase keeps its last input and token list in module state: a 4 MB file's million tokens would stay alive in
    // the worker until its next TypeScript file.
    s.base.initParser('', false, true, false);
  }
}

/** Thrown by `blankTypesFast` for syntax it leaves to the compiler path. */
export class FastBlankRefused extends Error {}
const refuse = (what: string): never => {
  throw new FastBlankRefused(what);
};

/**
 * Returns `text` with TypeScript-only syntax replaced by spaces (line breaks kept), exactly as `blankTypes` does, or
 * throws (FastBlankRefused for syntax it does not handle, SyntaxError/RangeError from the parser).
 */
export function blankTypesFast(text: string, jsx: boolean): string {
  const s = loadSucrase();
  const { T, CK } = s;
  const tokens = sucraseTokens(s, text, jsx);
  const n = tokens.length;
  const ranges: number[] = []; // [from, to) pairs to blank, in text order
  const puts: (number | string)[] = []; // [offset, text] pairs written over the blanked text
  const blank = (from: number, to: number) => {
    if (to > from) ranges.push(from, to);
  };
  const isName = (t: SucraseToken | undefined, ck: number) => t !== undefined && t.type === T.name && t.contextualKeyword === ck;
  /** `import type … from 'x';`, `export type { … } [from 'x'];`, `export type * from 'x';`: the whole statement. */
  const blankStatement = (i: number): number => {
    let k = i + 1;
    while (k < n && tokens[k]!.type !== T.string && tokens[k]!.type !== T.semi && tokens[k]!.type !== T.eof) {
      if (tokens[k]!.type === T.braceR && !isName(tokens[k + 1], CK._from!)) break;
      k++;
    }
    if (k >= n || tokens[k]!.type === T.eof) refuse('type-only import/export');
    const next = tokens[k + 1];
    if (next && (next.type === T._with || isName(next, CK._assert!))) refuse('import attributes');
    if (tokens[k]!.type !== T.semi && next?.type === T.semi) k++;
    blank(tokens[i]!.start, tokens[k]!.end);
    return k;
  };
  let specifiers = false; // inside `import {…}` / `export {…}`: a blanked `type X` takes its comma along
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    if (t.isType) {
      // A run of type tokens is blanked whole, with what lies between them (comments, line breaks kept).
      let j = i + 1;
      while (j < n && tokens[j]!.isType) j++;
      // sucrase marks a whole non-ambient namespace as type; the compiler path turns it into a block instead. Inside
      // the body of a `declare module/namespace/global … {` everything is ambient (blanked whole by both paths).
      for (let k = i, depth = 0, ambient = -1, pending = false; k < j; k++) {
        const c = tokens[k]!;
        if (c.type === T.braceL || c.type === T.dollarBraceL) {
          depth++;
          if (pending) (ambient = depth), (pending = false);
        } else if (c.type === T.braceR) {
          if (--depth < ambient) ambient = -1;
        } else if (c.type === T.semi) {
          pending = false; // `declare module 'x';` has no body
        } else if (isName(c, CK._namespace!) || isName(c, CK._module!) || isName(c, CK._global!)) {
          const next = tokens[k + 1];
          if (tokens[k - 1]?.type === T._declare) pending ||= ambient < 0;
          else if (ambient < 0 && !isName(c, CK._global!) && next && (next.type === T.name || next.type === T.string)) refuse('namespace');
        }
      }
      let end = tokens[j - 1]!.end;
      const after = tokens[j];
      if (specifiers && after?.type === T.comma) {
        end = after.end;
        j++;
      }
      blank(t.start, end);
      // `(…): Multi-line<Type>\n => {` would leave a line break before `=>`: move the arrow to where the colon was.
      if (after?.type === T.arrow && t.type === T.colon && text.slice(t.start, after.start).includes('\n')) {
        blank(after.start, after.end);
        puts.push(t.start, '=>');
      }
      i = j - 1;
      continue;
    }
    switch (t.type) {
      case T._public:
      case T._private:
      case T._protected:
      case T._readonly:
      case T._override:
      case T.nonNullAssertion:
        blank(t.start, t.end);
        break;
      case T._abstract:
        if (tokens[i + 1]?.type !== T._class) refuse('abstract member'); // abstract methods are type tokens
        blank(t.start, t.end);
        break;
      case T._declare:
        refuse('declare field');
        break;
      case T._enum: {
        // `[export] [const] enum E { … }`: blanked whole, like the compiler path does.
        let from = i;
        if (tokens[from - 1]?.type === T._const) from--;
        if (tokens[from - 1]?.type === T._export) from--;
        let k = i + 1;
        while (k < n && tokens[k]!.type !== T.braceL) k++;
        for (let depth = 0; k < n; k++) {
          const ty = tokens[k]!.type;
          if (ty === T.braceL || ty === T.dollarBraceL) depth++;
          else if (ty === T.braceR && --depth === 0) break;
        }
        if (k >= n) refuse('enum');
        blank(tokens[from]!.start, tokens[k]!.end);
        i = k;
        break;
      }
      case T.braceR:
      case T.string:
        specifiers = false;
        break;
      case T._import: {
        const a = tokens[i + 1]!;
        if (a.type === T.parenL || a.type === T.dot) break; // import(…), import.meta
        if (isName(a, CK._type!)) {
          const b = tokens[i + 2]!;
          if (b.type === T.eq || tokens[i + 3]?.type === T.eq) refuse('import equals');
          // `import type from 'x'` imports a default named `type`; `import type, { a } from 'x'` too.
          if (b.type === T.braceL || b.type === T.star || (b.type === T.name && !(isName(b, CK._from!) && tokens[i + 3]?.type === T.string))) {
            i = blankStatement(i);
            break;
          }
        }
        if (a.type === T.name && tokens[i + 2]?.type === T.eq) {
          // import x = require('y')  →  const  x = require('y')
          const r = tokens[i + 3];
          if (!(r && r.type === T.name && text.slice(r.start, r.end) === 'require' && tokens[i + 4]?.type === T.parenL)) refuse('import equals');
          if (tokens[i - 1]?.type === T._export) blank(tokens[i - 1]!.start, t.start);
          puts.push(t.start, 'const ');
          break;
        }
        specifiers = true;
        break;
      }
      case T._export: {
        const a = tokens[i + 1]!;
        if (a.type === T.eq) {
          blank(t.start, tokens[i + 2]!.start); // export = x  →  x
          i++;
        } else if (isName(a, CK._as!) && isName(tokens[i + 2], CK._namespace!)) {
          // `export as namespace X;` (UMD declaration files): no runtime code.
          let k = i + 3;
          if (tokens[k + 1]?.type === T.semi) k++;
          blank(t.start, tokens[k]!.end);
          i = k;
        } else if (isName(a, CK._type!) && (tokens[i + 2]!.type === T.braceL || tokens[i + 2]!.type === T.star)) {
          i = blankStatement(i);
        } else if (a.type === T.braceL) specifiers = true;
        break;
      }
    }
  }
  if (!ranges.length && !puts.length) return text;
  const parts: string[] = [];
  let pos = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const from = Math.max(ranges[r]!, pos);
    const to = ranges[r + 1]!;
    if (to <= from) continue;
    parts.push(text.slice(pos, from));
    const seg = text.slice(from, to);
    parts.push(seg.includes('\n') || seg.includes('\r') ? seg.replace(/[^\n\r]/g, ' ') : ' '.repeat(to - from));
    pos = to;
  }
  parts.push(text.slice(pos));
  let out = parts.join('');
  for (let p = 0; p < puts.length; p += 2) {
    const at = puts[p] as number;
    const str = puts[p + 1] as string;
    out = out.slice(0, at) + str + out.slice(at + str.length);
  }
  return out;
}

let K: typeof TS.SyntaxKind;
let BLANK_MODIFIERS: Set<TS.SyntaxKind>;
let WITH_TYPE: Set<TS.SyntaxKind>;

/**
 * The TypeScript compiler (9 MB of CommonJS, ~250 ms to load) is loaded on the first file the fast path refuses, not at
 * start-up: importing it as ESM made Node lex the whole file for exports on every start of the CLI and of every worker.
 */
let ts: typeof TS;
function loadTypescript(): void {
  if (ts) return;
  ts = requireCjs('typescript') as typeof TS;
  K = ts.SyntaxKind;
  BLANK_MODIFIERS = new Set([K.PublicKeyword, K.PrivateKeyword, K.ProtectedKeyword, K.ReadonlyKeyword, K.AbstractKeyword, K.OverrideKeyword, K.DeclareKeyword, K.InKeyword, K.OutKeyword]);
  WITH_TYPE = new Set([K.VariableDeclaration, K.Parameter, K.PropertyDeclaration, K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.GetAccessor, K.SetAccessor, K.Constructor]);
}

/** Returns `text` with TypeScript-only syntax replaced by spaces (newlines kept), or throws. */
export function blankTypes(text: string, jsx: boolean): string {
  loadTypescript();
  // JSDoc is comments: not parsing it saves a third of the time on declaration-heavy files.
  const sf = ts.createSourceFile(
    jsx ? 'x.tsx' : 'x.ts',
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  // What each character becomes: 0 itself, 1 a space, 2 the character `put` wrote there (later writes win, and a
  // line break, even one `put` overwrote, is never blanked). Applied once at the end instead of splitting the text
  // into an array of one-character strings.
  const state = new Uint8Array(text.length);
  const putChars = new Map<number, string>();
  const blank = (from: number, to: number) => {
    for (let i = Math.max(0, from), end = Math.min(to, text.length); i < end; i++) {
      const st = state[i]!;
      if (st === 1) continue;
      const c = st === 0 ? text.charCodeAt(i) : putChars.get(i)!.charCodeAt(0);
      if (c !== 10 && c !== 13) state[i] = 1;
    }
  };
  const put = (at: number, s: string) => {
    for (let i = 0; i < s.length && at + i < text.length; i++) {
      state[at + i] = 2;
      putChars.set(at + i, s[i]!);
    }
  };
  const start = (n: TS.Node) => n.getStart(sf);
  /** Blanks `: Type` (colon found by scanning back from the type). */
  const blankAnnotation = (type: TS.Node): number => {
    let c = start(type) - 1;
    while (c >= 0 && /\s/.test(text[c]!)) c--;
    const colon = text[c] === ':' ? c : -1;
    blank(colon >= 0 ? colon : start(type), type.end);
    return colon;
  };
  /** Blanks `<…>` around a type parameter/argument list. */
  const blankAngles = (list: TS.NodeArray<TS.Node>) => {
    let lt = list.pos - 1;
    while (lt >= 0 && text[lt] !== '<') lt--;
    let gt = list.end;
    while (gt < text.length && text[gt] !== '>') gt++;
    if (lt >= 0 && gt < text.length) blank(lt, gt + 1);
  };
  /** Blanks a list element and the comma after it (`import { type A, b }`). */
  const blankWithComma = (n: TS.Node) => {
    let e = n.end;
    while (e < text.length && /\s/.test(text[e]!)) e++;
    blank(start(n), text[e] === ',' ? e + 1 : n.end);
  };

  const stack: TS.Node[] = [sf];
  let steps = 0;
  while (stack.length) {
    if (++steps > 5_000_000) throw new Error('TypeScript tree too large');
    const n = stack.pop()!;
    const anyN = n as any;
    switch (n.kind) {
      case K.InterfaceDeclaration:
      case K.TypeAliasDeclaration:
      case K.IndexSignature:
        blank(start(n), n.end);
        continue;
      case K.ImportDeclaration:
        if ((n as TS.ImportDeclaration).importClause?.isTypeOnly) {
          blank(start(n), n.end);
          continue;
        }
        break;
      case K.ExportDeclaration:
        if ((n as TS.ExportDeclaration).isTypeOnly) {
          blank(start(n), n.end);
          continue;
        }
        break;
      case K.ImportSpecifier:
      case K.ExportSpecifier:
        if ((n as TS.ImportSpecifier).isTypeOnly) {
          blankWithComma(n);
          continue;
        }
        break;
      case K.ImportEqualsDeclaration: {
        const d = n as TS.ImportEqualsDeclaration;
        if (d.isTypeOnly || d.moduleReference.kind !== K.ExternalModuleReference) {
          blank(start(n), n.end);
          continue;
        }
        // import x = require('y')  →  const  x = require('y')
        const at = text.indexOf('import', start(n));
        if (at >= 0) put(at, 'const ');
        blank(start(n), at);
        break;
      }
      case K.ExportAssignment:
        if ((n as TS.ExportAssignment).isExportEquals) {
          // export = x  →  x
          blank(start(n), start((n as TS.ExportAssignment).expression));
        }
        break;
      case K.EnumDeclaration:
      case K.NamespaceExportDeclaration: // export as namespace X;
        blank(start(n), n.end);
        continue;
      case K.ModuleDeclaration: {
        const m = n as TS.ModuleDeclaration;
        const declared = m.modifiers?.some((x) => x.kind === K.DeclareKeyword);
        if (declared || !m.body || m.body.kind !== K.ModuleBlock) {
          blank(start(n), n.end);
          continue;
        }
        // namespace N { … } → { … } (a block); `export` inside a block is not JS.
        blank(start(n), start(m.body));
        for (const st of (m.body as TS.ModuleBlock).statements) {
          for (const mod of (st as any).modifiers ?? []) if (mod.kind === K.ExportKeyword) blank(start(mod), mod.end);
        }
        break;
      }
      case K.AsExpression:
      case K.SatisfiesExpression:
        blank((n as TS.AsExpression).expression.end, n.end);
        stack.push((n as TS.AsExpression).expression);
        continue;
      case K.TypeAssertionExpression:
        blank(start(n), start((n as TS.TypeAssertion).expression));
        stack.push((n as TS.TypeAssertion).expression);
        continue;
      case K.NonNullExpression:
        blank(n.end - 1, n.end);
        break;
      case K.HeritageClause:
        if ((n as TS.HeritageClause).token === K.ImplementsKeyword) {
          blank(start(n), n.end);
          continue;
        }
        break;
      case K.ExpressionWithTypeArguments:
        break;
      case K.Decorator:
        if (n.parent?.kind === K.Parameter) {
          blank(start(n), n.end);
          continue;
        }
        break;
      case K.Parameter: {
        const p = n as TS.ParameterDeclaration;
        if (p.name.kind === K.Identifier && (p.name as TS.Identifier).text === 'this') {
          blankWithComma(n);
          continue;
        }
        break;
      }
    }
    // `declare …` statements are ambient: no runtime code.
    if (anyN.modifiers?.some((x: TS.Node) => x.kind === K.DeclareKeyword) && n.parent?.kind !== K.ClassDeclaration && n.parent?.kind !== K.ClassExpression) {
      blank(start(n), n.end);
      continue;
    }
    // Bodiless functions and members are overloads, abstract or ambient declarations.
    if ((n.kind === K.FunctionDeclaration || n.kind === K.MethodDeclaration || n.kind === K.Constructor || n.kind === K.GetAccessor || n.kind === K.SetAccessor) && !anyN.body) {
      blank(start(n), n.end);
      continue;
    }
    if (n.kind === K.PropertyDeclaration && anyN.modifiers?.some((x: TS.Node) => x.kind === K.DeclareKeyword || x.kind === K.AbstractKeyword)) {
      blank(start(n), n.end);
      continue;
    }
    if (anyN.modifiers) for (const m of anyN.modifiers as TS.Node[]) if (BLANK_MODIFIERS.has(m.kind)) blank(start(m), m.end);
    if (WITH_TYPE.has(n.kind) && anyN.type) {
      const colon = blankAnnotation(anyN.type);
      // `(…): Multi-line<Type>\n => {` would leave a line break before `=>`: move the arrow to where the colon was.
      const arrow = (n as TS.ArrowFunction).equalsGreaterThanToken;
      if (n.kind === K.ArrowFunction && arrow && colon >= 0 && text.slice(colon, start(arrow)).includes('\n')) {
        blank(start(arrow), arrow.end);
        put(colon, '=>');
      }
    }
    if (anyN.questionToken && (n.kind === K.Parameter || n.kind === K.PropertyDeclaration || n.kind === K.MethodDeclaration)) blank(start(anyN.questionToken), anyN.questionToken.end);
    if (anyN.exclamationToken) blank(start(anyN.exclamationToken), anyN.exclamationToken.end);
    if (anyN.typeParameters?.length) blankAngles(anyN.typeParameters);
    if (anyN.typeArguments?.length && n.kind !== K.TypeReference && n.kind !== K.ImportType) blankAngles(anyN.typeArguments);
    ts.forEachChild(n, (c) => {
      // Type nodes are blanked by their owner; no need to walk inside them.
      if (c.kind >= K.FirstTypeNode && c.kind <= K.LastTypeNode) return;
      stack.push(c);
    });
  }
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    const st = state[i]!;
    let j = i + 1;
    while (j < text.length && state[j] === st) j++;
    if (st === 0) parts.push(text.slice(i, j));
    else if (st === 1) parts.push(' '.repeat(j - i));
    else for (let k = i; k < j; k++) parts.push(putChars.get(k)!);
    i = j;
  }
  return parts.join('');
}
