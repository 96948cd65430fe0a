/** Helpers shared by the Python rules (not a rule: files starting with _ are skipped by the registry meta-test). */
import type { Node } from 'web-tree-sitter';
import type { PyFile } from '../../core/inputs.js';
import type { At } from '../../core/rule.js';
import { partitionPoint } from '../../core/search.js';
import { modelOf, resolveCallee, type PyCall, type PyModel, type PyString } from '../../analyzers/python/model.js';
import { execSinks } from '../../analyzers/python/payload.js';

/** Banners and runtimes of Python obfuscators: PyArmor (also sold to vendors) and the free ones stealer kits ship with. */
export const PY_OBFUSCATORS = /__pyarmor__\s*\(|\bpyarmor_runtime\b|from\s+pytransform\s+import|\b__obfuscator__\b|pyobfuscate\.com|Obfuscated (?:with|by) (?:BlankOBF|Hyperion|Kramer|PyObfuscate|Development-Tools)/g;

export const at = (node: Node): At => ({ offset: node.startIndex, length: Math.min(node.endIndex - node.startIndex, 400) });

export function clip(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// Calls that send a request (not every function of an HTTP library: requests' own helpers, urllib3.contrib.*, …).
const NET_PREFIX =
  /^(?:requests(?:\.api)?\.(?:get|post|put|patch|delete|head|options|request|Session|session)|httpx\.(?:get|post|put|patch|delete|head|options|request|stream|Client|AsyncClient)|urllib3\.(?:PoolManager|ProxyManager|request|HTTPConnectionPool|HTTPSConnectionPool|connection_from_url)|aiohttp\.(?:ClientSession|request)|pycurl\.Curl|(?:http\.client|httplib)\.HTTPS?Connection|ftplib\.FTP(?:_TLS)?|wget\.download|smtplib\.SMTP(?:_SSL)?|socket\.(?:create_connection|gethostbyname|gethostbyname_ex|socket))$|^(?:urllib\d?\.(?:request\.)?(?:urlopen|urlretrieve|Request|build_opener|URLopener))$/;
/** A call that talks to the network. */
export function isNetworkCall(model: PyModel, call: PyCall): boolean {
  const c = resolveCallee(model, call.callee);
  if (NET_PREFIX.test(c)) return true;
  // session.get(...) / urllib3.PoolManager().request(...) / opener.open(url): method on an object built from a net module
  if (!/^(?:urlopen|urlretrieve)$/.test(call.name)) return false;
  if (c === call.name) return model.imports.has('urllib') || model.imports.has('urllib2');
  // mod().urlopen(u) where mod returns importlib.import_module('url' + 'lib.request'): the module is picked at run time.
  return model.imports.has('importlib');
}

/**
 * Calls through an object built by a network call: conn = HTTPSConnection(h); conn.request('POST', path, body) /
 * session = aiohttp.ClientSession(); session.post(url, data=...). The body goes out through a method of the connection.
 */
export function sendCalls(model: PyModel, net: PyCall[]): PyCall[] {
  const netStarts = new Set(net.map((c) => c.node.startIndex));
  return model.calls.filter((c) => {
    const m = /^([A-Za-z_]\w*)\.(?:request|send|sendall|post|put|patch|get|putrequest)$/.exec(c.callee);
    return !!m && !netStarts.has(c.node.startIndex) && nearAssigns(model, m[1]!, c.node.startIndex).some((v) => netStarts.has(v.startIndex));
  });
}

/** The argument of a request call that holds the address: conn.request(method, url) / session.post(url); none for send(data). */
export function addressArg(call: PyCall): Node | undefined {
  if (/^(?:send|sendall)$/.test(call.name)) return undefined;
  return /^(?:request|putrequest)$/.test(call.name) && /^[A-Za-z_]\w*\.(?:request|putrequest)$/.test(call.callee) && call.args.length >= 2 ? call.args[1] : call.args[0];
}

const PROC = /^(?:subprocess\.(?:Popen|call|run|check_call|check_output|getoutput|getstatusoutput)|os\.(?:system|popen\d?|startfile|exec[lv]p?e?|spawn[lv]p?e?|posix_spawnp?)|pty\.spawn|commands\.getoutput|asyncio\.create_subprocess_(?:shell|exec))$/;
export function isProcessCall(model: PyModel, call: PyCall): boolean {
  return PROC.test(resolveCallee(model, call.callee));
}

/** All string literals of the file plus the statically decoded payloads it executes, for content checks. */
export function contentStrings(py: PyFile): Array<{ value: string; node: Node; decoded: boolean }> {
  const model = modelOf(py);
  const out = model.strings.map((s) => ({ value: s.value, node: s.node, decoded: false }));
  for (const s of execSinks(py)) if (s.finalText && s.steps.length) out.push({ value: s.finalText, node: s.call.node, decoded: true });
  return out;
}

/**
 * The assignments of a name nearest to an offset (most before it, a few after), at most n: assignments are in source
 * order, so this is a binary search. A name bound hundreds of times (r = requests.get(...) across a test suite) must
 * not make every call cost the whole file.
 */
export function nearAssigns(model: PyModel, name: string, offset: number, n = 16): Node[] {
  const all = model.assigns.get(name);
  if (!all || all.length <= n) return all ?? [];
  const lo = partitionPoint(all.length, (i) => all[i]!.startIndex < offset);
  const start = Math.max(0, Math.min(lo - n + 4, all.length - n));
  return all.slice(start, start + n);
}

/**
 * Texts of a call's arguments and, up to `steps` assignment steps back, of the names they use: the payload is often
 * built first (data = {...}; req = Request(url, data=json.dumps(data)); urlopen(req)). At most ~64 texts of 5,000 chars.
 */
export function payloadTexts(model: PyModel, call: PyCall, steps = 2): string[] {
  const args = call.node.childForFieldName('arguments')?.text ?? '';
  const texts = [args.slice(0, 5000)];
  const seen = new Set<string>();
  let frontier = [args];
  for (let level = 0; level < steps && frontier.length; level++) {
    const next: string[] = [];
    for (const text of frontier) {
      for (const m of text.slice(0, 5000).matchAll(/\b[A-Za-z_]\w*\b/g)) {
        if (seen.has(m[0])) continue;
        seen.add(m[0]);
        for (const v of nearAssigns(model, m[0], call.node.startIndex)) {
          texts.push(v.text.slice(0, 5000));
          next.push(v.text);
        }
        if (texts.length > 64) break;
      }
    }
    frontier = next;
  }
  return texts;
}

/** Text of the whole expression a literal is part of: "curl -F \"file=@" + name + "\" https://…" (up through + and parentheses). */
export function expressionText(node: Node, max = 4000): string {
  let n = node;
  while (n.parent && /^(?:binary_operator|concatenated_string|parenthesized_expression)$/.test(n.parent.type) && n.parent.endIndex - n.parent.startIndex <= max) n = n.parent;
  return n.text.slice(0, max);
}

/** Text of the argument nodes of a call, joined (used for command strings). */
export function argsText(call: PyCall): string {
  return call.args.map((a) => a.text).join(' ');
}

// Decoders that say data was hidden on purpose, strong enough to count several assignments away from where it is used.
// XOR counts when applied element by element (`enc[i] ^ key[i % n]`, `b ^ k for b in data`), not as a lone operator.
const STRONG_DECODING = /\b(?:b64decode|b32decode|b85decode|a85decode|unhexlify|a2b_hex|a2b_base64|fromhex|decompress|decrypt)\b|\bmarshal\.loads\b/g;
const ELEMENT_XOR = /[\w\])]\s*\^\s*[\w(]/;
const PY_WORDS = new Set(
  'and or not in is if else for while lambda None True False return def class import from as with try except finally raise yield await async pass break continue global nonlocal del assert print len range str int bytes bytearray list dict set tuple ord chr enumerate zip self'.split(' '),
);

export interface DecoderChain {
  /** Strong decoders met ('fromhex', 'b64decode', 'xor', …). */
  decoders: Set<string>;
  /** String/bytes literals the followed names are bound to. */
  literals: PyString[];
}

/**
 * Follows names back through their assignments (in the same function, or anywhere for module-level code), up to `depth`
 * steps: name → its value → the names that value reads → …, collecting the strong decoders and the literals met. For
 * `code = buf.decode(); buf = bytearray([enc[i] ^ key[i % 6] …]); enc = bytearray.fromhex(BLOB)` that is xor and fromhex.
 * Bounded: 32 names, 16 assignments per name, 2,000 characters per value.
 */
export function decoderChain(model: PyModel, names: string[], fn: Node | null, before: number, depth: number): DecoderChain {
  const out: DecoderChain = { decoders: new Set(), literals: [] };
  const seen = new Set<string>(names);
  let frontier = names;
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      const all = nearAssigns(model, n, before);
      // Inside a function: its own assignments of the name, or else the module's (a global constant such as BLOB).
      const local = fn ? all.filter((v) => v.startIndex >= fn.startIndex && v.endIndex <= fn.endIndex) : all;
      for (const v of local.length || !fn ? local : all.filter(atModuleLevel)) {
        let text = v.text.slice(0, 2000);
        if (v.type === 'string' || v.type === 'concatenated_string') {
          // f'{cmd} "{path}"': only the interpolated expressions are code.
          const parts = v.descendantsOfType('interpolation').slice(0, 16);
          if (!parts.length) {
            const lit = model.strings.find((s) => s.node.startIndex >= v.startIndex && s.node.endIndex <= v.endIndex);
            if (lit) out.literals.push(lit);
            continue;
          }
          text = parts.map((p) => p?.text.slice(1, -1) ?? '').join(' ');
        }
        for (const m of text.matchAll(STRONG_DECODING)) out.decoders.add(m[0]);
        if (/\bfor\b/.test(text) && ELEMENT_XOR.test(text)) out.decoders.add('xor');
        for (const id of identifiersIn(text)) {
          if (seen.size >= 32 || seen.has(id)) continue;
          seen.add(id);
          next.push(id);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Names a piece of code reads (not attributes, not called functions, not keywords). */
export function identifiersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![.\w'"])[A-Za-z_]\w*\b(?!\s*\()/g)) if (!PY_WORDS.has(m[0])) out.push(m[0]);
  return out;
}

function atModuleLevel(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  return true;
}
