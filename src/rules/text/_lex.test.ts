import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lexer, LexState } from './_lex.js';

/** State at the offset of `marker` (first occurrence after `from`). */
function stateOf(text: string, lang: 'js' | 'hash', marker: string): LexState {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, marker);
  return new Lexer(text, lang).stateAt(at);
}

describe('text lexer', () => {
  it('nested template literals inside ${} close where they should (a real TS file mis-lexed before)', () => {
    const t = 'const data = `data: ${JSON.stringify({ a: x ? { content: `\\n${y.z}` } : {}, b: 1 })}\\n\\n`;\nCODE_HERE();\n';
    assert.equal(stateOf(t, 'js', 'CODE_HERE'), LexState.Code);
    assert.equal(stateOf(t, 'js', 'content'), LexState.Code);
    assert.equal(stateOf(t, 'js', 'data:'), LexState.String);
  });
  it('tells a regex from a division', () => {
    assert.equal(stateOf('var r = /["\']/g; AFTER;', 'js', 'AFTER'), LexState.Code);
    assert.equal(stateOf('var q = a / b; var s = "IN";', 'js', 'IN'), LexState.String);
    assert.equal(stateOf('return /[/]"/.test(x) && AFTER', 'js', 'AFTER'), LexState.Code);
  });
  it('comments and strings in JS', () => {
    const t = '// a "quote\nCODE1 /* block " */ CODE2 \'str\' "s\\"s" CODE3';
    for (const m of ['CODE1', 'CODE2', 'CODE3']) assert.equal(stateOf(t, 'js', m), LexState.Code, m);
    assert.equal(stateOf(t, 'js', 'block'), LexState.Comment);
    assert.equal(stateOf(t, 'js', 'str'), LexState.String);
  });
  it('an unterminated quote spoils only its line', () => {
    assert.equal(stateOf("<p>don't</p>\nNEXT_LINE();", 'js', 'NEXT_LINE'), LexState.Code);
  });
  it('python triple quotes and hash comments', () => {
    const t = 'X = """\nINSIDE\n"""\n# COMMENT "\nCODE = 1\n';
    assert.equal(stateOf(t, 'hash', 'INSIDE'), LexState.String);
    assert.equal(stateOf(t, 'hash', 'COMMENT'), LexState.Comment);
    assert.equal(stateOf(t, 'hash', 'CODE'), LexState.Code);
  });
  it('counts code characters outside strings and comments', () => {
    const lx = new Lexer('ab "cdef" // gh\nij', 'js');
    lx.advanceTo(18);
    assert.equal(lx.codeChars, 5); // a b " (opening quote counts) i j
  });
});
