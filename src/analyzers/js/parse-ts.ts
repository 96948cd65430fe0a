import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { parseJs, type ParseResult } from './parse.js';

/**
 * TypeScript/TSX: the type syntax is blanked out with spaces (same offsets, same lines), then the result is parsed by
 * the JS parser. So every rule sees the same ESTree shape for .ts and .js, and offsets point into the original text.
 *
 * The type positions come from TypeScript's own parser (`createSourceFile`, pure JS: deep nesting throws a catchable
 * RangeError instead of killing the process like native parsers). The walk over its tree is iterative. If blanking
 * fails or the blanked text does not parse cleanly, the original text goes to the JS parser with its loose fallback.
 */
export function parseTs(text: string, ext: string): ParseResult {
  const jsx = ext === '.tsx';
  let blanked: string | null = null;
  try {
    blanked = blankTypes(text, jsx);
  } catch {
    blanked = null;
  }
  if (blanked !== null) {
    const r = parseJs(blanked, { jsx });
    if (!r.recovered || !r.ast) return r;
    // Blanked text still has errors: let the loose parser work on it (it shows more than on raw TS).
    return r;
  }
  return parseJs(text, { jsx });
}

let K: typeof TS.SyntaxKind;
let BLANK_MODIFIERS: Set<TS.SyntaxKind>;
let WITH_TYPE: Set<TS.SyntaxKind>;

/**
 * The TypeScript compiler (9 MB of CommonJS) is loaded on the first .ts file, not at start-up: importing it as ESM made
 * Node lex the whole file for exports on every start of the CLI and of every worker.
 */
const requireCjs = createRequire(import.meta.url);
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
