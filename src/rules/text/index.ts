import type { AnyRule } from '../../core/rule.js';
import invisibleUnicodeCode from './invisible-unicode-code.js';
import longLineOutlier from './long-line-outlier.js';
import whitespaceHiddenCode from './whitespace-hidden-code.js';

export const rules: AnyRule[] = [invisibleUnicodeCode, longLineOutlier, whitespaceHiddenCode];
