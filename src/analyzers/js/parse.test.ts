import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJs } from './parse.js';

describe('parseJs', () => {
  it('parses JSX in .js files', () => {
    const r = parseJs('export default function App() { return <div className="a">{eval(x)}</div>; }\n');
    assert.equal(r.recovered, false, r.error);
  });
  it('recovers from a syntax error and still shows a trailing eval', () => {
    const r = parseJs('const a = ;\neval(atob("eA=="));\n');
    assert.equal(r.recovered, true);
    assert.match(JSON.stringify(r.ast), /"name":"eval"/);
  });
});
