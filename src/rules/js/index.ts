import type { AnyRule } from '../../core/rule.js';

export const jsRules: AnyRule[] = [];
