import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeFile } from '../../engine/analyze-file.js';
import pyExec from '../../rules/python/py-exec-encoded-payload.js';
import { modelOf } from './model.js';
import { loadPython, parsePython, pythonLoaded, PythonNotLoaded, PY_PARSE_MAX_CHARS } from './parse.js';
import { evaluate } from './static-eval.js';

const enc = (s: string) => new TextEncoder().encode(s);
const payload = Buffer.from('import os').toString('base64');

describe('python grammar, loaded on demand', () => {
  it('analyzeFile asks for it on the first Python file (before any rule ran), and answers once it is loaded', async () => {
    if (pythonLoaded()) return; // another test file in this process loaded it first
    const bytes = new TextEncoder().encode("exec(__import__('base64').b64decode('cHJpbnQoMSk='))\n");
    assert.throws(() => analyzeFile('a.py', bytes, [pyExec]), PythonNotLoaded);
    // A JavaScript file, or a Python file with no Python rule selected, never needs it.
    assert.doesNotThrow(() => analyzeFile('a.js', new TextEncoder().encode('eval(1)\n'), [pyExec]));
    assert.doesNotThrow(() => analyzeFile('a.py', bytes, []));
    await loadPython();
    assert.ok(pythonLoaded());
    assert.ok(analyzeFile('a.py', bytes, [pyExec]).findings.length > 0);
  });
});

describe('python parsing', () => {
  before(() => loadPython());
  it('parses Python 2 without marking it broken', () => {
    const r = parsePython('print "hello"\nexec "x = 1"\nexcept_ = 1\n');
    assert.ok(r.ok);
    r.tree.delete();
  });
  it('recovers from broken code and still finds the exec call', () => {
    const code = `def broken(:\n    pass\nimport base64\nexec(base64.b64decode("${payload}"))\n`;
    const res = analyzeFile('x.py', enc(code), [pyExec]);
    assert.deepEqual(res.errors, []);
    assert.equal(res.findings.length, 1);
    assert.equal(res.findings[0]!.line, 4);
    assert.equal(res.findings[0]!.decoded, 'import os');
  });
  it('reports files over the size cap instead of parsing them', () => {
    const big = `exec("")\n${'#'.repeat(PY_PARSE_MAX_CHARS + 10)}\n`;
    const res = analyzeFile('big.py', enc(big), [pyExec]);
    assert.equal(res.findings.length, 0);
    assert.match(res.errors[0]!.message, /parse cap/);
  });
  it('does not parse when no py-ast prefilter matches', () => {
    const res = analyzeFile('plain.py', enc('x = 1\n'), [pyExec]);
    assert.equal(res.parsed, false);
  });
  it('offsets are UTF-16 indices into the text', () => {
    const code = 's = "héllo😀"\nexec(x)\n';
    const r = parsePython(code);
    assert.ok(r.ok);
    const call = modelOf({ facts: null as never, text: code, root: r.root, recovered: false }).calls[0]!;
    assert.equal(call.node.startIndex, code.indexOf('exec'));
    r.tree.delete();
  });
  it('static evaluation caps and refuses non-constant input', () => {
    const code = 'a = "x" * 100000000\nb = input()\n';
    const r = parsePython(code);
    assert.ok(r.ok);
    const m = modelOf({ facts: null as never, text: code, root: r.root, recovered: false });
    assert.equal(evaluate(m.assigns.get('a')![0], { model: m }), null);
    assert.equal(evaluate(m.assigns.get('b')![0], { model: m }), null);
    r.tree.delete();
  });
});
