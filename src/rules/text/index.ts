import type { AnyRule } from '../../core/rule.js';
import executableInSource from './executable-in-source.js';
import fileTypeMismatch from './file-type-mismatch.js';
import invisibleUnicodeCode from './invisible-unicode-code.js';
import longLineOutlier from './long-line-outlier.js';
import svgEmbeddedPayload from './svg-embedded-payload.js';
import whitespaceHiddenCode from './whitespace-hidden-code.js';

export const rules: AnyRule[] = [executableInSource, fileTypeMismatch, invisibleUnicodeCode, longLineOutlier, svgEmbeddedPayload, whitespaceHiddenCode];
