import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../rules/index.js';
import { LiteralPrefilter, necessaryLiterals, necessaryLits, prefilterMemo } from './literal-prefilter.js';
import { prefilterMatches, prefilterRegExps } from './rule.js';

const sorted = (x: string[] | null) => (x ? [...x].sort() : x);

describe('necessaryLiterals', () => {
  it('takes each alternative’s longest literal run, case-folded', () => {
    assert.deepEqual(sorted(necessaryLiterals(/_0x[0-9a-f]{4}|fromCharCode|\batob\b/)), ['_0x', 'atob', 'fromcharcode']);
    assert.deepEqual(necessaryLiterals(/=\s*require\b/), ['require']);
    assert.deepEqual(necessaryLiterals(/p2?\.zip/), ['.zip']);
    assert.deepEqual(necessaryLiterals(/\bpip3?\b/), ['pip']);
    assert.deepEqual(sorted(necessaryLiterals(/(?:global|window)\s*\[/)), ['global', 'window']);
    assert.deepEqual(necessaryLiterals(/(?:foo|bar)bazz/), ['bazz']);
    assert.deepEqual(necessaryLiterals(/abc+de/), ['abc']);
    assert.deepEqual(necessaryLiterals(/\\u\{/), ['\\u{']);
    assert.deepEqual(necessaryLiterals(/LOGIN\x20Data/i), ['login data']);
    assert.deepEqual(necessaryLiterals(/(?:pdown)(?<=(?<!\w)pdown)/), ['pdown']);
    assert.deepEqual(necessaryLiterals(/a{,3}bc/), ['a{,3}bc']); // not a quantifier outside Unicode mode
    assert.deepEqual(sorted(necessaryLiterals(/[\u200B-\u200D]|\uDB40[\uDC00-\uDDEF]/)), ['\u200B', '\u200C', '\u200D', '\uDB40']);
  });
  it('gives up (the RegExp always runs) where a match need not contain a literal, or where it cannot tell', () => {
    assert.equal(necessaryLiterals(/abc|/), null); // empty alternative
    assert.equal(necessaryLiterals(/(?:abc)?\d/), null);
    assert.equal(necessaryLiterals(/x*y?/), null);
    assert.equal(necessaryLiterals(/[^a]bc?/), null);
    assert.equal(necessaryLiterals(/\b[a-p]{32}\b/), null); // one-letter literals filter nothing
    assert.deepEqual(necessaryLiterals(/café/i), ['caf']); // non-ASCII under /i has other case forms: not a literal
    assert.equal(necessaryLiterals(/kelvin/iu), null); // Unicode case folding (K sign, long s)
    assert.equal(necessaryLiterals(/(\w+)\1/), null);
  });
});

describe('necessaryLits', () => {
  const before = (re: RegExp) => Object.fromEntries((necessaryLits(re) ?? []).map((l) => [l.s, l.before]));
  it('bounds how far into a match each literal may start (Infinity: unbounded)', () => {
    assert.deepEqual(before(/\bfoo\b|(?:ab|c)\s?defg|x{2,3}yz/), { foo: 0, defg: 3, xyz: 2 });
    assert.deepEqual(before(/[ab]{0,3}\d{2}hello|=\s*require|ab+cde/), { hello: 5, require: Infinity, bcde: Infinity });
    assert.deepEqual(before(/(?<=\Wx)tdata(?!y)|.{2}(?:\w|zz)qq/), { tdata: 0, qq: 4 });
    assert.deepEqual(before(/.\Wabc/u), { abc: 4 }); // a surrogate pair is two code units
    const pre = (re: RegExp) => Object.fromEntries((necessaryLits(re) ?? []).map((l) => [l.s, l.pre]));
    assert.deepEqual(pre(/=\s*require|\*[\w.-]*(?:seed|x(?:y|z)+phrase)|(a)\1word/), {
      require: ['=', '\\s'], seed: ['\\*', '[\\w.-]'], phrase: ['\\*', '[\\w.-]', 'x', 'y', 'z'], word: null,
    });
    assert.deepEqual(before(/a{0}(?:\w+){0}abc|(x)\1abcd/), { abc: 0, abcd: Infinity });
  });
});

describe('LiteralPrefilter', () => {
  it('rules out exactly the RegExps none of whose literals occur; the others are left to run', () => {
    const res = [/fromCharCode|_0x[0-9a-f]{4}/, /child_process/i, /x*/, /LaunchAgents/];
    const lp = new LiteralPrefilter(res);
    assert.deepEqual([...lp.scan('String.FROMCHARCODE(1)')], [1, 0, 1, 0]); // folded: the RegExp itself decides
    assert.deepEqual([...lp.scan("require('CHILD_PROCESS')")], [0, 1, 1, 0]);
    assert.deepEqual([...lp.scan('')], [0, 0, 1, 0]);
    const memo = lp.memo('nothing here');
    assert.equal(memo.get(res[0]!), false);
    assert.equal(memo.has(res[2]!), false);
    assert.equal(prefilterMatches(res[0], 'String.FROMCHARCODE(1)', lp.memo('String.FROMCHARCODE(1)')), false);
  });
  it('finds overlapping literals and literals that are suffixes of others', () => {
    const res = [/abcd/, /bc/, /cde/, /e/];
    const lp = new LiteralPrefilter(res);
    assert.deepEqual([...lp.scan('xabcdex')], [1, 1, 1, 1]);
    assert.deepEqual([...lp.scan('xabcx')], [0, 1, 0, 1]); // `e` is a one-letter literal: always runs
    assert.deepEqual([...lp.scan('ab cde')], [0, 0, 1, 1]);
  });
});

/** The rules' sources and tests: they spell every prefilter word, and the tests hold flagged and look-alike samples. */
function projectTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(new URL('../rules', import.meta.url).pathname);
  return out;
}

describe('prefilterMemo', () => {
  it('gives every registered rule the same prefilter decision as its RegExps alone, on every rule source and test (as js, python)', () => {
    const texts = projectTexts();
    // Case variants and each literal alone: the folding and the one-literal texts.
    const regs = [...new Set(allRules.flatMap((r) => prefilterRegExps(r.prefilter)))];
    for (const re of regs) for (const l of necessaryLiterals(re) ?? []) texts.push(l, l.toUpperCase(), `x${l}x`);
    texts.push(...texts.slice(0, 50).map((t) => t.toUpperCase()));
    let checked = 0;
    let passed = 0;
    const filtered = allRules.filter((r) => r.prefilter);
    for (const text of texts) {
      const plain = new Map<RegExp, boolean>();
      const wants = filtered.map((r) => prefilterMatches(r.prefilter, text, plain));
      passed += wants.filter(Boolean).length;
      for (const kind of ['js', 'python']) {
        const memo = prefilterMemo(allRules, kind, text);
        filtered.forEach((r, i) => {
          if (prefilterMatches(r.prefilter, text, memo) !== wants[i]) assert.fail(`${r.id} on a ${kind} text: ${text.slice(0, 80)}`);
          checked++;
        });
        // And every RegExp it rules out really does not match.
        for (const re of regs) if (memo.get(re) === false && re.test(text)) assert.fail(`${re} ruled out on ${text.slice(0, 80)}`);
      }
    }
    assert.ok(checked > 10_000 && passed > 1000, `${checked} decisions, ${passed} passing`);
  });
  it('answers every RegExp as re.test does where its literals occur near-miss, many times, past the kept occurrences, in surrogate pairs', () => {
    const regs = [...new Set(allRules.flatMap((r) => prefilterRegExps(r.prefilter)))];
    regs.push(/\bab\b.c/u, /(?<=[\uD800-\uDBFF])\uDC00xy/, /\uDC00xy/u, /\bqq\w{0,2}zz/, /b?aba\d/, /[bc]aba\d/);
    const lp = new LiteralPrefilter(regs);
    const around = ['', ' ', 'x', '_', '=', '.', '\\', '"', "'", '(', '*', '/', '\n', '\uD83D', '\uDE00', '\uD83D\uDE00', '0', '$', 'W'];
    const texts: string[] = ['qq zz', 'qqzz', 'qqabzz', 'ab😀', ' ab 😀', '\uD83D\uDC00xy', '\uDC00xy', 'x\uDC00xy'];
    // The only match starts inside the last kept occurrence and holds the next one: found by the search past them.
    for (const k of [30, 1023, 1024, 1025, 1100]) texts.push('aba '.repeat(k) + 'ababa1', 'aba '.repeat(k) + 'aba1');
    // Literals with an unbounded prefix of known code units (`=\s*require`, `\*[\w.-]*seed`): walked back over.
    for (const k of [0, 5, 31, 1024, 1100]) {
      const pad = 'require seed '.repeat(k);
      texts.push(`${pad}a =${' '.repeat(k * 3)}require`, `${pad}*a.b-c_${'d'.repeat(k * 9)}seed`, `${pad}*a${' '}seed`, `${pad}x\t=\nrequire(`);
    }
    let rnd = 7;
    const pick = <T,>(a: readonly T[]): T => a[(rnd = (rnd * 1103515245 + 12345) >>> 0) % a.length]!;
    const lits = regs.flatMap((re) => necessaryLiterals(re) ?? []);
    for (const l of lits) {
      for (const a of around) texts.push(a + l + pick(around), pick(around) + l.toUpperCase() + a, `${a}${l}${a}(${a}`);
    }
    // Long texts: many near-miss occurrences (more than the scan keeps), then a match or not.
    for (let i = 0; i < 60; i++) {
      const parts: string[] = [];
      for (let j = 0; j < 120; j++) parts.push(pick(around), pick(lits), pick(around), pick(['', ' ', '  ', 'abc', '(', '[', '\n']));
      const tail = pick(texts);
      texts.push(parts.join(''), parts.join('') + tail, tail + parts.join(''));
    }
    for (const t of projectTexts().slice(0, 80)) texts.push(t);
    let asked = 0;
    for (const text of texts) {
      const memo = lp.memo(text);
      regs.forEach((re) => {
        re.lastIndex = 0;
        const want = re.test(text);
        const got = memo.get(re);
        if (got !== undefined) {
          asked++;
          if (got !== want) assert.fail(`${re} on ${JSON.stringify(text.slice(0, 200))}: ${got}, re.test says ${want}`);
        }
      });
    }
    assert.ok(asked > 50_000, `${asked} answers`);
  });
  it('answers as re.test does on random texts over a small alphabet (overlapping windows of literals of different lengths)', () => {
    const regs = [/[pq]?klm\d/, /!\w{0,18}zz9/, /\w{0,6}abkl/, /b{1,3}lm!/, /(?:a|!)\s*zz\b/, /=\s*kl(?=m)/];
    const lp = new LiteralPrefilter(regs);
    let rnd = 11;
    const abc = 'abklmz9! =pq';
    let asked = 0;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let i = 0, n = 5 + (t % 200); i < n; i++) text += abc[(rnd = (rnd * 1103515245 + 12345) >>> 0) % abc.length];
      const memo = lp.memo(text);
      for (const re of regs) {
        const got = memo.get(re);
        if (got !== undefined && (asked++, got !== re.test(text))) assert.fail(`${re} on ${JSON.stringify(text)}: ${got}`);
      }
    }
    assert.ok(asked > 10_000);
    // Windows out of order: klm [2,3], then zabklmz [0,0], then zz9 [0,7]; the only match starts at 1.
    const re = /[pq]?klm\d|zabklmz\d|a\w{0,18}zz9/;
    assert.equal(new LiteralPrefilter([re]).memo('zabklmzzz9').get(re), true);
  });
  it('binary text (null) gets an empty memo', () => {
    assert.equal(prefilterMemo(allRules, 'binary', null).size, 0);
  });
});
