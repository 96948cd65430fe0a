import { defineRule } from '../../core/rule.js';
import { modelOf } from '../../analyzers/python/model.js';
import { at, clip, contentStrings } from './_util.js';

// Traits of the InvisibleFerret Python backdoor/stealer (Contagious Interview second stage), THREATS.md §3–4.
const TRAITS: Array<[string, RegExp, 'code' | 'string']> = [
  ['b64decode of a sliced string (key prefix)', /b64decode\s*\(\s*\w+\s*\[\s*\d+\s*:\s*\]\s*\)/, 'code'],
  ['C2 route /keys', /^\/?keys\/?$|\/keys["']?$/, 'string'],
  ['C2 route /uploads', /^\/?uploads\/?$/, 'string'],
  ['C2 routes /payload /brow /adc /pdown /client', /\/(?:payload|brow|adc|pdown|client|bow|mclip)\/(?:\w*\/?)?$|^\/(?:pdown|any|brow|adc|bow|mclip)$/, 'string'],
  ['multipart field multi_file', /^multi_file$/, 'string'],
  ['upload boundary 99614912995', /99614912995/, 'string'],
  ['log strings', /Upload LDB Finshed|Download Python Success|\.n2[\\/]+(?:pay|bow|mlip)|[\\/]\.npl\b|[\\/]\.pyp[\\/]/, 'string'],
  ['backdoor command table (ssh_obj, ssh_cmd, ssh_clip, ssh_run, ssh_upload, ssh_kill, ssh_any, ssh_env)', /\bssh_(?:obj|cmd|clip|run|upload|kill|any|env)\b/, 'code'],
  ['AnyDesk configuration theft', /anydesk\b[^\n]{0,80}(?:service\.conf|system\.conf|ad\.anynet)/i, 'code'],
  ['C2 port 1224/1244/1245/4661/4666/6168', /:(?:1224|1244|1245|4661|4666|6168)\b/, 'string'],
];

export default defineRule({
  id: 'py-invisibleferret-traits',
  meta: {
    kind: 'threat',
    category: 'execution',
    severity: 'critical',
    confidence: 'high',
    summary: 'InvisibleFerret traits: sliced-key base64, /keys and /uploads routes, ssh_* command table, AnyDesk theft, C2 ports 1224/1244/1245',
    why: 'InvisibleFerret is the Python backdoor and browser/wallet stealer that fake-recruiter lures (Contagious Interview) drop after BeaverTail; two or more of its traits in one file are practically never benign.',
    fix: 'Treat the machine as compromised if this ran: move crypto funds from a clean device, rotate every credential, reinstall.',
    falsePositives: 'A single trait (a /uploads route in a web app, port 1245 on localhost) is common: findings need two independent traits, and only three or more are reported at high confidence.',
    references: ['https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/', 'https://www.elastic.co/security-labs/'],
    status: 'stable',
    nearCertain: true,
  },
  input: 'py-ast',
  prefilter: /b64decode|keys|uploads|payload|brow|pdown|multi_file|99614912995|Finshed|ssh_|anydesk|:12[24][45]|:466[16]|:6168|exec/,
  check(ctx, py) {
    const model = modelOf(py);
    const strings = contentStrings(py);
    const found: Array<{ name: string; offset: number; sample: string }> = [];
    for (const [name, re, where] of TRAITS) {
      if (where === 'code') {
        const m = re.exec(py.text) ?? strings.filter((s) => s.decoded).map((s) => re.exec(s.value)).find(Boolean);
        if (m) found.push({ name, offset: m.input === py.text ? m.index : 0, sample: m[0] });
      } else {
        const s = strings.find((x) => (x.value.length < 300 || x.decoded) && re.test(x.value));
        if (s) found.push({ name, offset: s.node.startIndex, sample: s.decoded ? re.exec(s.value)![0] : s.value });
      }
    }
    // An XOR decrypt helper with a short literal key is one more trait.
    if (model.xorFuncs.size && /\bexec\s*\(/.test(py.text)) found.push({ name: 'XOR decrypt helper feeding exec', offset: [...model.xorFuncs.values()][0]!.startIndex, sample: [...model.xorFuncs.keys()][0]! });
    if (found.length < 2) return;
    found.sort((a, b) => a.offset - b.offset);
    ctx.report({
      at: { offset: found[0]!.offset, length: 1 },
      message: `InvisibleFerret traits (${found.length}): ${found.map((f) => f.name).join('; ')}`,
      evidence: clip(found.map((f) => f.sample).join(' | ')),
      confidence: found.length >= 3 ? 'high' : 'medium',
      severity: found.length >= 3 ? 'critical' : 'high',
    });
  },
});
