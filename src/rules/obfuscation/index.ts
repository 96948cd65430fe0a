import type { AnyRule } from '../../core/rule.js';
import obfuscatorIo from './obfuscator-io.js';
import packedEval from './packed-eval.js';
import polinriderDecoder from './polinrider-decoder.js';
import stringInterleaveDecoder from './string-interleave-decoder.js';

export const rules: AnyRule[] = [obfuscatorIo, packedEval, polinriderDecoder, stringInterleaveDecoder];
