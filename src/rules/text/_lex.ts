/**
 * A tiny forward-only lexer that knows just enough of a language to say whether an offset sits in code, in a string
 * or in a comment. Text rules use it to tell "code after padding" from "padding inside a string literal" and to count
 * how much of a line is code. It is linear, never backtracks, and never throws: on anything it does not understand it
 * stays in (or falls back to) code, and single-line strings end at the newline so one misread quote spoils one line.
 */
import type { FileFacts } from '../../core/inputs.js';

export type LexLang = 'js' | 'hash' | 'none';

export const LexState = { Code: 0, String: 1, Comment: 2 } as const;
export type LexState = (typeof LexState)[keyof typeof LexState];

/** The lexer family for a file: JS-like (js, ts, json), hash-comment (python, shell), or none (prose, markup). */
export function lexLangOf(facts: FileFacts): LexLang {
  if (facts.kind === 'js' || facts.kind === 'ts' || facts.kind === 'json') return 'js';
  if (facts.kind === 'python' || facts.kind === 'shell') return 'hash';
  return 'none';
}

// Internal states.
const CODE = 0;
const SQ = 1; // '...'
const DQ = 2; // "..."
const TPL = 3; // `...`
const LINE_C = 4;
const BLOCK_C = 5;
const REGEX = 6;
const REGEX_CLASS = 7;
const TRIPLE_SQ = 8; // '''...''' (python)
const TRIPLE_DQ = 9; // """...""" (python)

const REGEX_BEFORE = new Set('(,=:[!&|?{};+-*%<>~^'.split('').map((c) => c.charCodeAt(0)));
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

function isIdent(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export class Lexer {
  private pos = 0;
  private st = CODE;
  /** Brace depth stack for `${ ... }` inside template literals. */
  private tplStack: number[] = [];
  private braceDepth = 0;
  /** Last non-blank code character (for the regex-vs-division guess). */
  private prev = 0;
  private prevEnd = 0;
  /** Non-blank characters seen in code state so far. */
  codeChars = 0;

  constructor(private readonly text: string, private readonly lang: LexLang) {}

  /** State of the character at `offset` (offsets must not decrease between calls). */
  stateAt(offset: number): LexState {
    this.advanceTo(offset);
    return this.publicState();
  }

  publicState(): LexState {
    const s = this.st;
    if (s === CODE) return LexState.Code;
    if (s === LINE_C || s === BLOCK_C) return LexState.Comment;
    return LexState.String;
  }

  /** Consumes characters up to (not including) `offset`. */
  advanceTo(offset: number): void {
    const end = Math.min(offset, this.text.length);
    if (this.lang === 'none') {
      this.pos = Math.max(this.pos, end);
      return;
    }
    const t = this.text;
    const js = this.lang === 'js';
    let i = this.pos;
    while (i < end) {
      const c = t.charCodeAt(i);
      switch (this.st) {
        case CODE: {
          if (isBlank(c)) {
            i++;
            continue;
          }
          if (c === 39 /* ' */ || c === 34 /* " */) {
            if (!js && t.charCodeAt(i + 1) === c && t.charCodeAt(i + 2) === c) {
              this.st = c === 39 ? TRIPLE_SQ : TRIPLE_DQ;
              i += 3;
            } else {
              this.st = c === 39 ? SQ : DQ;
              i++;
            }
            this.codeChars++;
            continue;
          }
          if (js) {
            if (c === 96 /* ` */) {
              this.st = TPL;
              this.codeChars++;
              i++;
              continue;
            }
            if (c === 47 /* / */) {
              const n = t.charCodeAt(i + 1);
              if (n === 47) {
                this.st = LINE_C;
                i += 2;
                continue;
              }
              if (n === 42) {
                this.st = BLOCK_C;
                i += 2;
                continue;
              }
              if (this.regexAllowed()) {
                this.st = REGEX;
                this.codeChars++;
                i++;
                continue;
              }
            }
            if (c === 123 /* { */) this.braceDepth++;
            else if (c === 125 /* } */) {
              if (this.tplStack.length && this.tplStack[this.tplStack.length - 1] === this.braceDepth) {
                this.tplStack.pop();
                this.braceDepth--;
                this.st = TPL;
                i++;
                continue;
              }
              this.braceDepth--;
            }
          } else if (c === 35 /* # */) {
            this.st = LINE_C;
            i++;
            continue;
          }
          this.prev = c;
          this.prevEnd = i + 1;
          this.codeChars++;
          i++;
          continue;
        }
        case SQ:
        case DQ: {
          if (c === 92 /* \ */) {
            i += t.charCodeAt(i + 1) === 13 ? 3 : 2;
            continue;
          }
          if (c === 10 || (c === 39 && this.st === SQ) || (c === 34 && this.st === DQ)) {
            this.st = CODE;
            this.prev = c === 10 ? 59 : c;
            this.prevEnd = i + 1;
          }
          i++;
          continue;
        }
        case TPL: {
          if (c === 92) {
            i += 2;
            continue;
          }
          if (c === 96) {
            this.st = CODE;
            this.prev = c;
            this.prevEnd = i + 1;
          } else if (c === 36 && t.charCodeAt(i + 1) === 123) {
            this.braceDepth++;
            this.tplStack.push(this.braceDepth);
            this.st = CODE;
            this.prev = 123;
            this.prevEnd = i + 2;
            i += 2;
            continue;
          }
          i++;
          continue;
        }
        case LINE_C: {
          if (c === 10) this.st = CODE;
          i++;
          continue;
        }
        case BLOCK_C: {
          if (c === 42 && t.charCodeAt(i + 1) === 47) {
            this.st = CODE;
            i += 2;
            continue;
          }
          i++;
          continue;
        }
        case REGEX: {
          if (c === 92) {
            i += 2;
            continue;
          }
          if (c === 91) this.st = REGEX_CLASS;
          else if (c === 47 || c === 10) {
            this.st = CODE;
            this.prev = 41; // like ')' : a regex is a value, a following '/' divides
            this.prevEnd = i + 1;
          }
          i++;
          continue;
        }
        case REGEX_CLASS: {
          if (c === 92) {
            i += 2;
            continue;
          }
          if (c === 93) this.st = REGEX;
          else if (c === 10) this.st = CODE;
          i++;
          continue;
        }
        case TRIPLE_SQ:
        case TRIPLE_DQ: {
          if (c === 92) {
            i += 2;
            continue;
          }
          const q = this.st === TRIPLE_SQ ? 39 : 34;
          if (c === q && t.charCodeAt(i + 1) === q && t.charCodeAt(i + 2) === q) {
            this.st = CODE;
            this.prev = q;
            i += 3;
            continue;
          }
          i++;
          continue;
        }
      }
    }
    this.pos = Math.max(i, this.pos);
  }

  private regexAllowed(): boolean {
    const p = this.prev;
    if (p === 0 || REGEX_BEFORE.has(p)) return true;
    if (!isIdent(p)) return false;
    // A keyword like `return /x/` allows a regex; an identifier (`a / b`) does not.
    let s = this.prevEnd - 1;
    while (s > 0 && isIdent(this.text.charCodeAt(s - 1)) && this.prevEnd - s < 12) s--;
    return REGEX_KEYWORDS.has(this.text.slice(s, this.prevEnd));
  }
}
