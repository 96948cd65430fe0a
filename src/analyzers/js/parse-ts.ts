import { parseJs, type ParseResult } from './parse.js';

/**
 * TypeScript: for now the type syntax is blanked out well enough for the JS parsers by acorn-loose's recovery.
 * TODO(js-rules): a real TS parser (oxc-parser behind a nesting-depth guard, or typescript) — see LIBRARIES.md.
 */
export function parseTs(text: string, _ext: string): ParseResult {
  return parseJs(text, { jsx: _ext === '.tsx' });
}
