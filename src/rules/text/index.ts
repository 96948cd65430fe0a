import type { AnyRule } from '../../core/rule.js';
import longLineOutlier from './long-line-outlier.js';
import whitespaceHiddenCode from './whitespace-hidden-code.js';

export const rules: AnyRule[] = [longLineOutlier, whitespaceHiddenCode];
