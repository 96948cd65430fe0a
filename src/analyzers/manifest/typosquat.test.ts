import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSiblingLookalike, findWordLookalike, inPopularScope } from './typosquat.js';

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
