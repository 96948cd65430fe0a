import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSiblingLookalike, findWordLookalike, inPopularScope, oneEditApart } from './typosquat.js';

describe('findWordLookalike', () => {
  it('a word put in front of or slipped into a popular multi-word name', () => {
    assert.equal(findWordLookalike('npm', 'tailwindcss-fancy-animate')?.target, 'tailwindcss-animate');
    assert.equal(findWordLookalike('npm', 'acme-string-width')?.target, 'string-width');
    assert.equal(findWordLookalike('npm', 'acme-string-width')?.weak, true);
  });
  it('the words of a popular name reordered', () => {
    assert.equal(findWordLookalike('npm', 'dom-react')?.target, 'react-dom');
  });
  it('leaves alone popular names, appended words (plugins, wrappers), scoped names and one-word names', () => {
    assert.equal(findWordLookalike('npm', 'react-dom'), null);
    assert.equal(findWordLookalike('npm', 'string-width-cjs-extra'), null);
    assert.equal(findWordLookalike('npm', '@acme/string-width'), null);
    assert.equal(findWordLookalike('npm', 'lodashx'), null);
    assert.equal(findWordLookalike('pypi', 'acme-string-width'), null);
  });
});

describe('inPopularScope', () => {
  it('scopes that publish popular packages', () => {
    assert.equal(inPopularScope('@babel/anything'), true);
    assert.equal(inPopularScope('@nobody-here-xyz/thing'), false);
    assert.equal(inPopularScope('babel-cli'), false);
  });
});

describe('findSiblingLookalike', () => {
  it('a name that parts from a popular neighbour mid-word', () => {
    assert.equal(findSiblingLookalike('vite-tsconsole-print', ['react', 'vite-tsconfig-paths'])?.target, 'vite-tsconfig-paths');
  });
  it('names that share whole words or only the first word, and unpopular neighbours, are not lookalikes', () => {
    assert.equal(findSiblingLookalike('vite-plugin-svgr-extra', ['vite-plugin-svgr']), null);
    assert.equal(findSiblingLookalike('reactive-thing', ['react']), null);
    assert.equal(findSiblingLookalike('vite-tsconsole-print', ['vite-tsconsole-printer']), null);
  });
});

describe('oneEditApart (the edit-distance test of findSquat)', () => {
  /** Reference: optimal string alignment distance by dynamic programming. */
  function osa(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  }

  it('agrees with the distance computed in full on 50,000 pairs of near strings', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alpha = 'abc-';
    let ones = 0;
    for (let k = 0; k < 50_000; k++) {
      const a = Array.from({ length: rnd(7) }, () => alpha[rnd(4)]).join('');
      let b = a;
      for (let e = rnd(3); e > 0; e--) {
        const i = rnd(b.length + 1);
        const op = rnd(4);
        b = op === 0 ? b.slice(0, i) + alpha[rnd(4)] + b.slice(i) : op === 1 ? b.slice(0, i) + b.slice(i + 1) : op === 2 ? b.slice(0, i) + alpha[rnd(4)] + b.slice(i + 1) : b.slice(0, i) + b.slice(i + 1, i + 2) + b.slice(i, i + 1) + b.slice(i + 2);
      }
      const want = osa(a, b) === 1;
      if (want) ones++;
      assert.equal(oneEditApart(a, b), want, `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
    }
    assert.ok(ones > 10_000, `pairs one edit apart: ${ones}`);
  });

  it('names the four edits and nothing else', () => {
    for (const [a, b] of [['lodash', 'lodahs'], ['lodash', 'lodas'], ['lodash', 'llodash'], ['lodash', 'lodasx'], ['lodash', 'odash']]) assert.equal(oneEditApart(a, b), true, `${a} ${b}`);
    for (const [a, b] of [['lodash', 'lodash'], ['lodash', 'odahs'], ['lodash', 'lod'], ['ab', 'ba-'], ['', 'ab']]) assert.equal(oneEditApart(a, b), false, `${a} ${b}`);
  });
});
