import type { AnyRule } from '../../core/rule.js';
import disguisedArchive from './disguised-archive.js';
import encodedCodeInData from './encoded-code-in-data.js';
import executableInSource from './executable-in-source.js';
import fileTypeMismatch from './file-type-mismatch.js';
import invisibleUnicodeCode from './invisible-unicode-code.js';
import longLineOutlier from './long-line-outlier.js';
import svgEmbeddedPayload from './svg-embedded-payload.js';
import whitespaceHiddenCode from './whitespace-hidden-code.js';

export const rules: AnyRule[] = [disguisedArchive, encodedCodeInData, executableInSource, fileTypeMismatch, invisibleUnicodeCode, longLineOutlier, svgEmbeddedPayload, whitespaceHiddenCode];
