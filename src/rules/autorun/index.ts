import type { AnyRule } from '../../core/rule.js';

export const autorunRules: AnyRule[] = [];
