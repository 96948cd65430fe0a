import type { Node } from 'web-tree-sitter';
import { partitionPoint } from '../../core/search.js';
import { defineRule } from '../../core/rule.js';
import { dotted, modelOf, resolveCallee, stringValue, type PyCall } from '../../analyzers/python/model.js';
import { execSinks } from '../../analyzers/python/payload.js';
import { evaluate } from '../../analyzers/python/static-eval.js';
import { extractIocs } from '../../analyzers/python/iocs.js';
import { at, clip, isNetworkCall, isProcessCall } from './_util.js';

const SHELL_DOWNLOAD_RUN =
  /\b(?:curl|wget)\b[^|;&\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:curl|wget)\b[^\n]*(?:&&|;)\s*(?:chmod\s+\+?[0-7x]+|(?:ba)?sh\s|python3?\s|\.\/)|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString|DownloadFile|Net\.WebClient)\b[^\n]*(?:\biex\b|Invoke-Expression|Start-Process)|\bcertutil(?:\.exe)?\s+[-/]urlcache\b|\bmshta(?:\.exe)?\s+https?:|\bbitsadmin(?:\.exe)?\s+\/transfer\b/i;

const EXECUTABLE = /\.(?:exe|scr|bat|cmd|ps1|vbs|msi|dll|sh|bin|py|pyw|jar|elf|apk|dmg|pkg|command)(?:[?#'"]|$)/i;
// Files a viewer opens, not a program: .html pages, text, images, documents.
const DOCUMENT = /\.(?:html?|txt|json|csv|xml|pdf|png|jpe?g|gif|svg|md|log)\b/i;
// Code (inside a written script) that downloads, and that runs something.
const SCRIPT_DOWNLOAD = /\b(?:urlretrieve|urlopen|requests\.(?:get|post)|httpx\.get|curl|wget|Invoke-WebRequest|DownloadFile|DownloadString)\b/;
const SCRIPT_RUN = /\b(?:subprocess|os\.system|os\.popen|Popen|exec\s*\(|eval\s*\(|Start-Process|(?:ba)?sh\s+\S|chmod\s+\+?x)/;
// A process that reads a program from its stdin.
const INTERPRETER = /\bsys\.executable\b|['"](?:[\w\/\\.:-]*[\/\\])?(?:python[\d.]*w?|pythonw|sh|bash|zsh|powershell|pwsh|node|perl|ruby)(?:\.exe)?['"]/i;

/** Calls that run the Python file at a path inside this process. */
const PATH_RUNNERS = /^(?:runpy\.run_path|imp\.load_source|importlib\.machinery\.SourceFileLoader|importlib\.util\.spec_from_file_location)$/;

// Deserialisers that call what the data names.
const UNPICKLE = /^(?:pickle|cPickle|_pickle|dill|cloudpickle)\.loads?$/;
/** A response's body as bytes or a stream: what an unpickler can be fed. */
const WIRE_BYTES = /\.(?:content|read\s*\(|raw\b|body\b|data\b|recv\s*\()|\burlopen\s*\(/;

// PowerShell that decodes a blob and executes it: the second stage of many Windows droppers.
const PS_DECODE_RUN = /FromBase64String[\s\S]{0,3000}?(?:Invoke-Expression|\biex\b)|(?:Invoke-Expression|\biex\b)[\s\S]{0,3000}?FromBase64String/i;

/** A dropped file's path as it will appear in later calls: the name of a variable, or a literal's value. */
const pathKey = (n: Node) => (n.type === 'string' ? (stringValue(n) ?? n.text) : n.text);
/** The program a process call starts: Popen(p) / call([p, ...]) / call(['pythonw', p]) (an interpreter's script). */
function programOf(c: PyCall): string | undefined {
  const a = c.args[0];
  if (!a) return undefined;
  if (a.type !== 'list' && a.type !== 'tuple') return a.text;
  const first = a.namedChild(0);
  if (first && INTERPRETER.test(first.text)) return a.namedChild(1)?.text;
  return first?.text;
}

/** Name of a function's i-th parameter (self skipped). */
function paramName(fnode: Node, i: number): string | undefined {
  const params = (fnode.childForFieldName('parameters')?.namedChildren ?? []).filter((x): x is Node => !!x && x.text !== 'self');
  const p = params[i];
  return p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text;
}

/** Name of a local function called as f(...) or self.f(...). */
const localName = (call: Node) => dotted(call.childForFieldName('function')).replace(/^self\./, '');
const within = (outer: Node, inner: Node) => inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
const mentions = (node: Node, names: Set<string>) => {
  if (!names.size) return false;
  for (const m of node.text.slice(0, 20000).matchAll(/[A-Za-z_]\w*/g)) if (names.has(m[0])) return true;
  return false;
};

export default defineRule({
  id: 'py-download-exec',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'Python downloads code and runs it (exec of a response, or a downloaded file written then executed, or curl | sh)',
    why: 'Droppers keep the payload off the package: they fetch it at run or install time (urllib/requests/httpx) and exec it, or save it and start it with subprocess, so the published code looks harmless.',
    fix: 'Do not run it. Block the URL shown and check whether the code already ran on this machine.',
    falsePositives: 'Downloading data (JSON, archives) without executing it is not flagged; installers that fetch and run their own tools (get-pip.py, rustup bootstrap) look alike and are reported.',
    references: ['https://attack.mitre.org/techniques/T1105/', 'CWE-494'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /FromBase64String|\b(?:system|popen|Popen|subprocess|urlopen|urlretrieve|requests|httpx|urllib3|aiohttp|http\.client|curl|wget|iwr|Invoke-WebRequest|DownloadString|certutil|mshta|bitsadmin|socket)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const netCalls = model.calls.filter((c) => isNetworkCall(model, c));
    // Whether a node holds a network call: a binary search over the calls' start offsets (nodes nest, so a call that
    // starts inside the node ends inside it). Checking every call for every assignment was quadratic.
    const netStarts = netCalls.map((c) => c.node.startIndex).sort((a, b) => a - b);
    const hasNet = (node: Node): boolean => {
      const lo = partitionPoint(netStarts.length, (i) => netStarts[i]! < node.startIndex);
      return lo < netStarts.length && netStarts[lo]! < node.endIndex;
    };
    // Names that hold downloaded data: x = requests.get(...), y = x.content, with urlopen(u) as r.
    const tainted = new Set<string>();
    const taintedParams = new Map<string, Set<string>>();
    // Tainted without going through a local helper's return value or parameter.
    const direct = new Set<string>();
    if (netCalls.length) {
      // Through local helpers too: a function that returns downloaded data taints what its callers assign from it, and a
      // downloaded value passed to a local function taints that parameter (fetch() → save(code) → run(path)).
      const returning = new Set<string>();
      // Functions that return a network call's result directly: return requests.get(u).text
      const returnsNet = new Set<string>();
      for (const c of netCalls) {
        let n: Node | null = c.node.parent;
        for (let d = 0; n && d < 12 && n.type !== 'return_statement'; d++) n = n.parent;
        if (n?.type === 'return_statement' && c.func) returnsNet.add(c.func);
      }
      // `with urlopen(u) as resp:` first, so what is assigned from resp (`code = compile(resp.read(), …)`) is tainted too.
      for (const c of netCalls) {
        const p = c.node.parent;
        if (p?.type === 'as_pattern') {
          const alias = p.childForFieldName('alias')?.text ?? p.namedChild(1)?.text;
          if (alias) tainted.add(alias.replace(/[()]/g, ''));
        }
      }
      for (let pass = 0; pass < 3; pass++) {
        for (const [name, values] of model.assigns) {
          if (tainted.has(name)) continue;
          if (values.some((v) => hasNet(v) || mentions(v, tainted))) tainted.add(name.split('.')[0]!);
        }
      }
      for (const t of tainted) direct.add(t);
      for (let pass = 0; pass < 4; pass++) {
        for (const [name, values] of model.assigns) {
          if (tainted.has(name)) continue;
          if (values.some((v) => hasNet(v) || mentions(v, tainted) || (v.type === 'call' && returning.has(localName(v))))) tainted.add(name.split('.')[0]!);
        }
        // Only names the function itself assigns from downloaded data count (a `data` tainted elsewhere is another `data`).
        for (const [fname, fnode] of model.funcs) {
          if (returning.has(fname) || fnode.text.length > 50_000) continue;
          for (const m of fnode.text.matchAll(/\breturn\s+([^\n]+)/g)) {
            const own = [...m[1]!.matchAll(/[A-Za-z_]\w*/g)].some((w) => tainted.has(w[0]) && (model.assigns.get(w[0]) ?? []).some((v) => within(fnode, v)));
            if (own || returnsNet.has(fname)) returning.add(fname);
          }
        }
      }
      // Parameters that receive downloaded data, per function: save(code) called as save(fetch()).
      for (const c of model.calls) {
        const fname = c.callee.replace(/^self\./, '');
        const fnode = model.funcs.get(fname);
        if (!fnode) continue;
        c.args.forEach((a, i) => {
          const pname = paramName(fnode, i);
          if (!pname || !(mentions(a, tainted) || hasNet(a) || (a.type === 'call' && returning.has(localName(a))))) return;
          let set = taintedParams.get(fname);
          if (!set) taintedParams.set(fname, (set = new Set()));
          set.add(pname);
        });
      }
    }
    const downloadedFrom = () => {
      const urls = netCalls.flatMap((c) => {
        const v = evaluate(c.args[0], { model });
        return v ? extractIocs(v.value) : [];
      });
      return urls.slice(0, 5);
    };

    // exec(requests.get(u).text) / exec(r.read())
    if (netCalls.length) {
      for (const s of execSinks(py)) {
        if (!s.arg || s.sink === 'compile') continue;
        if (hasNet(s.arg!) || mentions(s.arg, tainted)) {
          ctx.report({ at: at(s.call.node), message: `${s.sink}() runs code downloaded from the network`, evidence: clip(s.call.node.text), iocs: downloadedFrom() });
        }
      }
    }

    // pickle.loads(requests.get(u).content): unpickling runs whatever callables the payload names (__reduce__).
    if (netCalls.length) {
      for (const c of model.calls) {
        const a = c.args[0];
        if (!UNPICKLE.test(resolveCallee(model, c.callee)) || !a) continue;
        // Bytes off the wire (resp.content, r.read()), not a round trip of a response object (pickle.loads(pickle.dumps(r))).
        if (/\bdumps\s*\(/.test(a.text)) continue;
        const names = [...a.text.slice(0, 2000).matchAll(/[A-Za-z_]\w*/g)].map((m) => m[0]).filter((n) => tainted.has(n));
        const bytes = WIRE_BYTES.test(a.text) || names.some((n) => (model.assigns.get(n) ?? []).some((v) => WIRE_BYTES.test(v.text.slice(0, 2000))));
        if (!bytes || !(hasNet(a) || names.length)) continue;
        ctx.report({ at: at(c.node), message: `${resolveCallee(model, c.callee)}() unpickles data downloaded from the network: unpickling runs the code the data names`, evidence: clip(c.node.text), iocs: downloadedFrom() });
      }
    }

    // Downloaded code piped into an interpreter: p = Popen([sys.executable, "-"], stdin=PIPE); p.stdin.write(resp.text) /
    // p.communicate(data) / subprocess.run(["bash"], input=data).
    if (netCalls.length) {
      const interp = (c: PyCall) => INTERPRETER.test(c.node.childForFieldName('arguments')?.text.slice(0, 2000) ?? '');
      const procs = model.calls.filter((c) => isProcessCall(model, c) && interp(c));
      const procStarts = new Set(procs.map((c) => c.node.startIndex));
      for (const c of model.calls) {
        const m = /^([A-Za-z_]\w*)\.(?:stdin\.write|communicate)$/.exec(c.callee);
        const data = m ? (c.args[0] ?? c.kwargs.get('input')) : procStarts.has(c.node.startIndex) ? c.kwargs.get('input') : undefined;
        if (!data || !(mentions(data, tainted) || hasNet(data))) continue;
        if (m && !(model.assigns.get(m[1]!) ?? []).some((v) => procStarts.has(v.startIndex))) continue;
        ctx.report({ at: at(c.node), message: 'Pipes code downloaded from the network into an interpreter', evidence: clip(c.node.text), iocs: downloadedFrom() });
        break;
      }
    }

    // Downloaded file written to disk, then executed/chmod-ed.
    // path → the function that wrote it (a `filename` in one function is not the `filename` of another)
    const dropped = new Map<string, string>();
    const scope = (c: PyCall) => `${c.cls}::${c.func}`;
    let wroteDownload: PyCall | null = null;
    for (const c of model.calls) {
      const callee = resolveCallee(model, c.callee);
      if (/(?:^|\.)urlretrieve$/.test(callee) && c.args[1]) dropped.set(pathKey(c.args[1]), scope(c));
      // pathlib: Path(p).write_bytes(resp.read()): the file is the object written to.
      if ((c.name === 'write_bytes' || c.name === 'write_text') && c.args[0] && (mentions(c.args[0], tainted) || hasNet(c.args[0]!))) {
        const objNode = c.node.childForFieldName('function')?.childForFieldName('object');
        if (objNode) dropped.set(pathKey(objNode), scope(c));
        wroteDownload = c;
        continue;
      }
      if (c.name === 'write' && c.args[0] && (mentions(c.args[0], tainted) || mentions(c.args[0], taintedParams.get(c.func) ?? new Set()) || hasNet(c.args[0]!))) {
        // f.write(resp.content) inside `with open(path, 'wb') as f`
        const objNode = c.node.childForFieldName('function')?.childForFieldName('object');
        // open(path, 'wb').write(resp.content)
        if (objNode?.type === 'call' && /^(?:open|io\.open|codecs\.open)$/.test(dotted(objNode.childForFieldName('function')))) {
          const p = objNode.childForFieldName('arguments')?.namedChild(0);
          if (p) dropped.set(pathKey(p), scope(c));
          wroteDownload = c;
          continue;
        }
        wroteDownload = c;
        const obj = objNode?.text;
        const opener = model.calls.find((o) => o.callee === 'open' && o.node.parent?.type === 'as_pattern' && (o.node.parent.childForFieldName('alias')?.text ?? o.node.parent.namedChild(1)?.text) === obj);
        const assigned = obj ? model.assigns.get(obj)?.find((v) => v.type === 'call' && /^open$|\.open$/.test(v.childForFieldName('function')?.text ?? '')) : undefined;
        const pathNode = opener?.args[0] ?? assigned?.childForFieldName('arguments')?.namedChild(0);
        if (pathNode) dropped.set(pathKey(pathNode), scope(c));
      }
    }
    // A downloaded archive unpacked somewhere: ZipFile(z).extractall(d), tarfile.open(z).extractall(d),
    // shutil.unpack_archive(z, d). What is then started from d comes from the download.
    if (dropped.size) {
      for (const c of model.calls) {
        const callee = resolveCallee(model, c.callee);
        const unpack = callee === 'shutil.unpack_archive' ? c.args[1] : c.name === 'extractall' ? (c.args[0] ?? c.kwargs.get('path')) : undefined;
        if (!unpack) continue;
        const text = c.node.text.slice(0, 2000);
        const from = [...dropped.keys()].some((p) => (/^\w+$/.test(p) ? new RegExp(`\\b${p}\\b`).test(text) : text.includes(p)));
        if (from) dropped.set(pathKey(unpack), scope(c));
      }
    }
    const reported = new Set<Node>();
    if (dropped.size) {
      for (const c of model.calls) {
        const callee = resolveCallee(model, c.callee);
        if (!isProcessCall(model, c) && callee !== 'os.chmod') continue;
        const text = c.node.childForFieldName('arguments')?.text ?? '';
        // A variable must be the same one (same function); a literal path matches anywhere in the file.
        const hit = [...dropped].find(([p, where]) => (/^\w+$/.test(p) ? where === scope(c) && new RegExp(`\\b${p}\\b`).test(text) : text.includes(p)))?.[0];
        if (!hit) continue;
        // A page or document saved and opened in its viewer (scapy's http_request(display=True) opens the .html it saved).
        const pathTexts = /^\w+$/.test(hit) ? (model.assigns.get(hit) ?? []).map((v) => v.text.slice(0, 500)) : [hit];
        if (pathTexts.some((t) => DOCUMENT.test(t)) && !pathTexts.some((t) => EXECUTABLE.test(t))) continue;
        reported.add(c.node);
        ctx.report({
          at: at(c.node),
          message: callee === 'os.chmod' ? `Makes the downloaded file ${clip(hit, 60)} executable` : `Runs the downloaded file ${clip(hit, 60)}`,
          evidence: clip(c.node.text),
          iocs: downloadedFrom(),
        });
      }
    }

    // Downloaded code written to a file and run in-process from its path, in the same function: fd, path =
    // tempfile.mkstemp(); os.fdopen(fd, 'wb').write(code); runpy.run_path(path) (or imp.load_source, a spec from the file).
    if (wroteDownload && !reported.size) {
      const wd: PyCall = wroteDownload;
      const runner = model.calls.find((c) => c.func === wd.func && c.cls === wd.cls && c.node.startIndex > wd.node.startIndex && PATH_RUNNERS.test(resolveCallee(model, c.callee)));
      if (runner) {
        reported.add(runner.node);
        ctx.report({
          at: at(runner.node),
          message: `Writes downloaded code to a file and runs it in-process (${resolveCallee(model, runner.callee)})`,
          evidence: clip(runner.node.text),
          iocs: downloadedFrom(),
        });
      }
    }

    // The download is written through helper functions (download(url, path); run(path)): same file, a process start.
    // Only when what is fetched or written is a program (.exe, .sh, .ps1, .py …): installers also download archives.
    // (the path may be built: p = os.getcwd() + '/Shipper.py')
    const droppedValues = [...dropped.keys()].flatMap((k) => (/^\w+$/.test(k) ? (model.assigns.get(k) ?? []).map((v) => v.text.slice(0, 500)) : [k]));
    const programString = (inPath: (v: string) => boolean) => model.strings.some((s) => s.value.length < 500 && EXECUTABLE.test(s.value) && (/^[a-z]+:\/\//i.test(s.value) || inPath(s.value)));
    const fetchesProgram = programString((v) => dropped.has(v));
    // Linked helpers may build the path (p = os.getcwd() + '/Shipper.py').
    const buildsProgram = fetchesProgram || programString((v) => droppedValues.some((d) => d.includes(v)));
    if (wroteDownload && !reported.size && buildsProgram) {
      const wd: PyCall = wroteDownload;
      const directWrite = mentions(wd.args[0]!, direct) || hasNet(wd.args[0]!);
      const runners = model.calls.filter((c) => (isProcessCall(model, c) || /^os\.startfile$/.test(resolveCallee(model, c.callee))) && !/^\s*[\[(]?\s*['"]?(?:git|make|cmake|pip)\b/.test(c.args[0]?.text ?? ''));
      // The helpers are linked when the program the runner starts is its parameter, and its callers pass the same path the
      // writer got (save(url, p); run(p)) or the writer's result (p = save(code); run(p)).
      const writer = wroteDownload.func;
      const callsOf = (fname: string) => (fname ? model.calls.filter((c) => c.callee.replace(/^self\./, '') === fname) : []);
      const writerArgs = new Set(callsOf(writer).flatMap((c) => c.args.map((a) => a.text)));
      const isLinked = (r: PyCall) => {
        if (!r.func || r.func === writer) return false;
        const fnode = model.funcs.get(r.func);
        const prog = programOf(r);
        if (!fnode || !prog) return false;
        let idx = -1;
        for (let i = 0; i < 10 && idx === -1; i++) if (paramName(fnode, i) === prog) idx = i;
        if (idx === -1) return false;
        return callsOf(r.func).some((rc) => {
          const a = rc.args[idx];
          return !!a && (writerArgs.has(a.text) || (a.type === 'identifier' && (model.assigns.get(a.text) ?? []).some((v) => v.type === 'call' && localName(v) === writer)));
        });
      };
      // Data that reached the write only through helpers' returns/parameters needs the linked form to count.
      const runner = runners.find(isLinked) ?? (directWrite && fetchesProgram ? runners[0] : undefined);
      if (runner) {
        reported.add(runner.node);
        const linked = isLinked(runner);
        ctx.report({
          at: at(runner.node),
          message: linked
            ? `Runs the file it downloaded (written in ${writer}(), started in ${runner.func}() with the same path)`
            : 'Writes downloaded content to a file and starts a process in the same file',
          evidence: clip(runner.node.text),
          severity: linked ? 'critical' : 'high',
          confidence: linked ? 'high' : 'medium',
          iocs: downloadedFrom(),
        });
      }
    }

    // A download-and-run script written out line by line (f.write("from urllib import request\n") …) and then started:
    // the dropper's code never appears as code in the package.
    const scripts = new Map<string, { text: string; path: string; first: PyCall }>();
    for (const c of model.calls) {
      if (c.name !== 'write' || !c.args[0]) continue;
      const objNode = c.node.childForFieldName('function')?.childForFieldName('object');
      const obj = objNode?.text;
      if (!obj || !/^\w+$/.test(obj)) continue;
      const v = evaluate(c.args[0], { model });
      if (!v) continue;
      const k = `${c.func}::${obj}`;
      let entry = scripts.get(k);
      if (!entry) {
        const opener = model.calls.find((o) => o.callee === 'open' && o.func === c.func && o.node.parent?.type === 'as_pattern' && (o.node.parent.childForFieldName('alias')?.text ?? o.node.parent.namedChild(1)?.text) === obj);
        const assigned = model.assigns.get(obj)?.find((a) => a.type === 'call' && /^open$|\.open$/.test(a.childForFieldName('function')?.text ?? ''));
        const pathNode = opener?.args[0] ?? assigned?.childForFieldName('arguments')?.namedChild(0);
        if (!pathNode) continue;
        scripts.set(k, (entry = { text: '', path: pathKey(pathNode), first: c }));
      }
      if (entry.text.length < 50_000) entry.text += v.value;
    }
    for (const { text, path, first } of scripts.values()) {
      if (!SCRIPT_DOWNLOAD.test(text) || !SCRIPT_RUN.test(text)) continue;
      const runner = model.calls.find((c) => isProcessCall(model, c) && !reported.has(c.node) && (c.node.childForFieldName('arguments')?.text ?? '').includes(path));
      if (!runner) continue;
      reported.add(runner.node);
      ctx.report({
        at: at(runner.node),
        message: `Writes a script that downloads and runs code to ${clip(path, 60)} (from line ${first.node.startPosition.row + 1}), then starts it`,
        evidence: clip(runner.node.text),
        decoded: clip(text, 1500),
        iocs: extractIocs(text),
      });
      break;
    }

    // The command kept in a constant: DEFAULT_COMMAND = "iwr … ; Start-Process …" and a process start in the file; or a
    // PowerShell script that decodes a blob and runs it (FromBase64String … Invoke-Expression), written out and started.
    const spawns = model.calls.some((c) => isProcessCall(model, c));
    if (spawns) {
      for (const s of model.strings) {
        if (s.value.length > 20_000) continue;
        const download = SHELL_DOWNLOAD_RUN.test(s.value);
        if (!download && !PS_DECODE_RUN.test(s.value)) continue;
        if (model.calls.some((c) => isProcessCall(model, c) && c.node.startIndex <= s.node.startIndex && s.node.endIndex <= c.node.endIndex)) continue;
        ctx.report({
          at: at(s.node),
          message: download
            ? 'Keeps a download-and-run command in a string, in a file that starts processes'
            : 'Keeps a PowerShell script that decodes hidden code and runs it (FromBase64String … Invoke-Expression), in a file that starts processes',
          evidence: clip(s.value),
          iocs: extractIocs(s.value),
        });
        break;
      }
    }

    // os.system("curl … | sh") and friends, decoded when the command is built from encoded parts.
    for (const c of model.calls) {
      if (!isProcessCall(model, c) || reported.has(c.node)) continue;
      const parts: string[] = [];
      for (const a of c.args) {
        const v = evaluate(a, { model });
        parts.push(v ? v.value : a.text);
        if (a.type === 'list') for (const el of a.namedChildren) if (el) parts.push(evaluate(el, { model })?.value ?? el.text);
      }
      const cmd = parts.join(' ');
      if (!SHELL_DOWNLOAD_RUN.test(cmd)) continue;
      ctx.report({
        at: at(c.node),
        message: 'Runs a shell command that downloads and executes code',
        evidence: clip(c.node.text),
        decoded: cmd.includes(c.args[0]?.text ?? '\u0000') ? undefined : clip(cmd, 1000),
        iocs: extractIocs(cmd),
      });
    }
  },
});
