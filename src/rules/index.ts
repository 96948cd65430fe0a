import type { AnyRule } from '../core/rule.js';
import { rules as autorun } from './autorun/index.js';
import { rules as behaviour } from './behaviour/index.js';
import { rules as dependencies } from './dependencies/index.js';
import { rules as execution } from './execution/index.js';
import { rules as exfiltration } from './exfiltration/index.js';
import { rules as obfuscation } from './obfuscation/index.js';
import { rules as persistence } from './persistence/index.js';
import { rules as python } from './python/index.js';
import { rules as stealing } from './stealing/index.js';
import { rules as text } from './text/index.js';

/**
 * The static registry: every rule, sorted by id. Each area keeps its own list (rules/<area>/index.ts) so areas grow
 * without touching each other.
 */
export const allRules: readonly AnyRule[] = [
  ...autorun,
  ...behaviour,
  ...dependencies,
  ...execution,
  ...exfiltration,
  ...obfuscation,
  ...persistence,
  ...python,
  ...stealing,
  ...text,
].sort((a, b) => a.id.localeCompare(b.id));

export function selectRules(opts: { only?: readonly string[]; disable?: readonly string[] } = {}): AnyRule[] {
  return allRules.filter((r) => (!opts.only?.length || opts.only.includes(r.id)) && !opts.disable?.includes(r.id));
}

export function ruleById(id: string): AnyRule | undefined {
  return allRules.find((r) => r.id === id);
}
