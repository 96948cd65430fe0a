import type { AnyRule } from '../core/rule.js';
import { autorunRules } from './autorun/index.js';
import { textRules } from './text/index.js';
import { jsRules } from './js/index.js';

/**
 * The static registry: every rule, sorted by id. Each area keeps its own list (rules/<area>/index.ts) so areas can
 * grow without touching each other.
 */
export const allRules: readonly AnyRule[] = [...autorunRules, ...textRules, ...jsRules].sort((a, b) =>
  a.id.localeCompare(b.id),
);

export function selectRules(opts: { only?: readonly string[]; disable?: readonly string[] } = {}): AnyRule[] {
  return allRules.filter(
    (r) => (!opts.only?.length || opts.only.includes(r.id)) && !opts.disable?.includes(r.id),
  );
}

export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.id === id);
}
