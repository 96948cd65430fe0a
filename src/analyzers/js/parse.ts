import { parse as parseMeriyah } from 'meriyah';
import * as acornLoose from 'acorn-loose';

/**
 * Parses JS/JSX into ESTree with start/end offsets. meriyah first (fastest here, throws a catchable RangeError on
 * adversarial nesting instead of crashing the process like native parsers); acorn-loose as the fallback so a broken
 * file still shows what follows the error (a trailing eval must stay visible).
 */
export interface ParseResult {
  ast: any;
  recovered: boolean;
  error?: string;
}

/** `loose: false`: no acorn-loose fallback, a text meriyah rejects gives `ast: null` (the caller has another way). */
export function parseJs(text: string, opts: { jsx?: boolean; loose?: boolean } = {}): ParseResult {
  // start/end offsets only: a `range` array per node doubles the allocations of a bundle's AST and nothing reads it.
  const base = { next: true, ranges: { start: true, end: true }, raw: false, jsx: opts.jsx ?? true, webcompat: true } as const;
  let firstError: unknown;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      const ast = parseMeriyah(text, { ...base, sourceType });
      return { ast, recovered: false };
    } catch (e) {
      firstError ??= e;
      if (e instanceof RangeError) break; // too deep: the loose parser recurses too, do not retry twice
    }
  }
  if (opts.loose === false) return { ast: null, recovered: true, error: String((firstError as Error)?.message ?? firstError) };
  try {
    const ast = acornLoose.parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
    return { ast, recovered: true, error: String((firstError as Error)?.message ?? firstError) };
  } catch (e) {
    return { ast: null, recovered: true, error: `unparseable: ${String((e as Error)?.message ?? e)}` };
  }
}
