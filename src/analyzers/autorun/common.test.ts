import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenDeepJson, parseJsonc, prop, str } from './common.js';

describe('JSONC parsing of hostile configs', () => {
  it('a 100k-deep junk field does not hide the scripts next to it', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = `{\n "junk": ${deep},\n "scripts": { "postinstall": "node x.js" }\n}`;
    assert.equal(str(prop(prop(parseJsonc(text)!, 'scripts'), 'postinstall')), 'node x.js');
  });
  it('keeps length and newlines, ignores brackets in strings and comments', () => {
    const text = '{"a": "[[[[", // [[[\n "b": [1,\n[2]]}';
    const flat = flattenDeepJson(text, 1);
    assert.equal(flat.length, text.length);
    assert.equal(flat, '{"a": "[[[[", // [[[\n "b": 0  \n    }');
  });
});
