/**
 * The deobfuscator child's program (see deobfuscate.ts), in a module of its own because two things start it: the
 * helper thread runs CHILD_PROGRAM with `node -e` (webcrack and isolated-vm imported at its first request), and
 * `npm run build` bakes CHILD_MAIN, webcrack and a warm-up decode into a V8 startup snapshot (scripts/bundle.mjs,
 * dist/bundle/deob-child.blob) that a child deserialises instead of importing webcrack. Both run the same function,
 * with the same options; only how webcrack and isolated-vm are obtained differs (isolated-vm, a native addon, is
 * always loaded at run time, after deserialisation).
 */

/**
 * What a warm-up decodes (our own text, never a sample's): a small obfuscator.io-shaped program, so webcrack's code is
 * compiled before the first real file (a cold webcrack ran it at about half speed). It goes through each step a real
 * file does (string array, rotation, decoder wrappers and an alias, a control-flow object, a flattened switch, dead
 * code, split strings): the snapshot keeps the bytecode of what the warm-up ran, so a child from it compiles less
 * during its first file.
 */
export const WARM_SAMPLE = [
  "function _0x1b2c(){const _0x5a1f3e=['a','b\\x20c','1','log','split','0|2|1','abc','def','push','length'];_0x1b2c=function(){return _0x5a1f3e;};return _0x1b2c();}",
  "function _0x4e7a(_0x2d8f11,_0x3c9a22){const _0x1b2c33=_0x1b2c();return _0x4e7a=function(_0x4e7a44,_0x1a2b55){_0x4e7a44=_0x4e7a44-0x0;let _0x5c6d66=_0x1b2c33[_0x4e7a44];return _0x5c6d66;},_0x4e7a(_0x2d8f11,_0x3c9a22);}",
  "function _0x18dd31(_0x2ed1c7,_0x635cf3,_0x48aa06){return _0x4e7a(_0x635cf3- -0x1,_0x2ed1c7);}",
  "function _0x2b888d(_0x235b6c,_0x1a85af,_0x3c2989){return _0x4e7a(_0x3c2989-0x2,_0x235b6c);}",
  "(function(_0x3a1b77,_0x2c4d88){const _0x5e6f99=_0x4e7a,_0x1a2baa=_0x3a1b77();while(!![]){try{const _0x4c5dbb=parseInt(_0x5e6f99(0x2));if(_0x4c5dbb===_0x2c4d88)break;else _0x1a2baa['push'](_0x1a2baa['shift']());}catch(_0x3e4fcc){_0x1a2baa['push'](_0x1a2baa['shift']());}}}(_0x1b2c,0x1));",
  "const _0x3f9a11=_0x4e7a;",
  "const _0x4c1d22={'qWeRt':function(_0x1a,_0x2b){return _0x1a+_0x2b;},'aSdFg':function(_0x1a,_0x2b){return _0x1a===_0x2b;},'zXcVb':_0x3f9a11(0x6),'pOiUy':function(_0x1a,_0x2b){return _0x1a(_0x2b);}};",
  "function _0x5e2f33(_0x1a9b){const _0x2c8d=_0x3f9a11(0x5)[_0x2b888d(0x0,0x0,0x6)]('|');let _0x3d7e=0x0;while(!![]){switch(_0x2c8d[_0x3d7e++]){case'0':_0x1a9b[_0x3f9a11(0x8)](_0x4c1d22['qWeRt'](_0x18dd31(0x0,-0x1,0x0),_0x2b888d(0x0,0x0,0x3)));continue;case'1':return _0x1a9b;case'2':if(_0x4c1d22['aSdFg'](_0x3f9a11(0x6),_0x3f9a11(0x7))){_0x1a9b[_0x3f9a11(0x8)]('x');}else{_0x1a9b[_0x3f9a11(0x8)](_0x4c1d22['zXcVb']+'g'+'hi');}continue;}break;}}",
  "console[_0x3f9a11(0x3)](_0x4c1d22['pOiUy'](_0x5e2f33,[]),_0x4e7a(0x0)+_0x4e7a(0x1),'ab'+'cd');",
].join('\n') + '\n';

/**
 * V8 flags of the child besides its heap cap (the child's whole V8 command line: a snapshot is only usable with the
 * flags it was built with, so the build and the helper both take them from here). webcrack's decode of one
 * obfuscator.io file is a second of many lukewarm babel functions, and with V8's default tier-up budget the background
 * TurboFan threads and the early optimise/deoptimise churn cost as much as the decode itself: a later tier-up (the
 * scanner's own workers use the same budget, see prestart.ts) took the child's CPU for btaf's two files from ~2.4 to
 * ~1.8 CPU-s. The heap cap also made V8 grow its old generation in small steps (two extra full GCs per file at 512
 * MiB); starting it at a quarter of the cap (at most 128 MiB: a decode of a 100 KB file peaks near 80 MiB) leaves the
 * cap as it was and the GCs where an uncapped child has them.
 */
export function childV8Flags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, '--interrupt-budget=1000000', `--initial-old-space-size=${Math.min(128, Math.floor(heapMb / 4))}`];
}

/** webcrack's options in the child (and in the snapshot's warm-up decode). */
export const WEBCRACK_OPTIONS = { unpack: false, deobfuscate: true, unminify: false, jsx: false, mangle: false } as const;

/**
 * The child's program, a function of how it gets webcrack and isolated-vm (promises of the webcrack function and of
 * the isolated-vm module) and of the Worker class. Requests and answers are
 * JSON lines on stdin/stdout, one request at a time. webcrack evaluates the sample's string-array decoders through
 * `sandbox`: a fresh isolated-vm isolate per call (no I/O, no require, 64 MiB heap, 3 s CPU timeout). The watchdog
 * thread SIGKILLs the child when a request outlives its deadline or when the child is orphaned (parent gone).
 */
export const CHILD_MAIN = `
({ Worker, loadWebcrack, loadIvm }) => {
const deadline = new Float64Array(new SharedArrayBuffer(8));
new Worker("const { workerData: { d, ppid } } = require('node:worker_threads');" +
  "setInterval(() => { if ((d[0] && Date.now() > d[0]) || process.ppid !== ppid) process.kill(process.pid, 'SIGKILL'); }, 100);",
  { eval: true, execArgv: [], workerData: { d: deadline, ppid: process.ppid } }).unref();
const write = process.stdout.write.bind(process.stdout);
for (const k of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[k] = () => {};
let loaded;
const load = async () => {
  const webcrack = await loadWebcrack();
  const ivm = await loadIvm();
  const sandbox = async (code) => {
    const isolate = new ivm.Isolate({ memoryLimit: 64 });
    try {
      const context = await isolate.createContext();
      return await context.eval(code, { timeout: 3000, copy: true, filename: 'file:///obfuscated.js' });
    } finally {
      isolate.dispose();
    }
  };
  return { webcrack, sandbox };
};
const handle = async (req) => {
  deadline[0] = Date.now() + req.graceMs;
  try {
    loaded ??= load();
    const { webcrack, sandbox } = await loaded;
    // unminify off: ~30% faster, and the decoded strings are the same (webcrack's deobfuscate step merges split string
    // literals itself); findings were identical with it on and off on every obfuscated corpus sample and test fixture.
    const result = await webcrack(req.code, { ...${JSON.stringify(WEBCRACK_OPTIONS)}, sandbox });
    return { id: req.id, ok: true, code: result.code };
  } catch (e) {
    return { id: req.id, ok: false, error: String(e && e.message || e).slice(0, 500) };
  } finally {
    deadline[0] = 0;
  }
};
let buf = '';
let chain = Promise.resolve();
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  let from = buf.length;
  buf += d;
  for (let i; (i = buf.indexOf('\\n', from)) >= 0; from = 0) {
    const req = JSON.parse(buf.slice(0, i));
    buf = buf.slice(i + 1);
    // A warm-up only imports webcrack (no answer); a failed import is the next request's error.
    if (req.warm) { chain = chain.then(() => handle(req)).then(() => {}, () => {}); continue; }
    chain = chain.then(() => handle(req)).then((res) => write(JSON.stringify(res) + '\\n'));
  }
});
process.stdin.on('end', () => chain.then(() => process.exit(0)));
}
`;

/** The child as `node --input-type=module -e CHILD_PROGRAM <webcrack url> <isolated-vm url>` (no loader, no file to ship). */
export const CHILD_PROGRAM = `
import { Worker } from 'node:worker_threads';
const [webcrackUrl, ivmUrl] = process.argv.slice(1);
(${CHILD_MAIN})({ Worker, loadWebcrack: async () => (await import(webcrackUrl)).webcrack, loadIvm: async () => (await import(ivmUrl)).default });
`;
