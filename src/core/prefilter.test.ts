import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prefilterMatches, prefilterRegExps } from './rule.js';

describe('prefilterMatches', () => {
  it('a RegExp must match; no prefilter always passes; binary text (null) never passes a prefilter', () => {
    assert.equal(prefilterMatches(/eval/, 'eval(x)'), true);
    assert.equal(prefilterMatches(/eval/, 'x'), false);
    assert.equal(prefilterMatches(undefined, 'x'), true);
    assert.equal(prefilterMatches(/x/, null), false);
  });
  it('a list means all; a list inside it means any', () => {
    const pf = [/Function/, [/require\s*['"]/, /_0x[0-9a-f]{4}/]] as const;
    assert.equal(prefilterMatches(pf, "new Function('require', b)"), true);
    assert.equal(prefilterMatches(pf, 'new Function(_0x1a2b(1), b)'), true);
    assert.equal(prefilterMatches(pf, "new Function('a', b); require('x')"), false);
    assert.equal(prefilterMatches(pf, "require('x')"), false);
    assert.deepEqual(prefilterRegExps(pf).length, 3);
  });
  it('a shared RegExp is tested once per text through the memo', () => {
    let calls = 0;
    const re = /a/;
    const orig = re.test.bind(re);
    re.test = (s: string) => (calls++, orig(s));
    const memo = new Map<RegExp, boolean>();
    prefilterMatches([re], 'abc', memo);
    prefilterMatches([[re, /z/]], 'abc', memo);
    assert.equal(calls, 1);
  });
});
