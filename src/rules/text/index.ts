import type { AnyRule } from '../../core/rule.js';
import whitespaceHiddenCode from './whitespace-hidden-code.js';

export const rules: AnyRule[] = [whitespaceHiddenCode];
