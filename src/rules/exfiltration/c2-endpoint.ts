import { defineRule } from '../../core/rule.js';
import { atWordStart } from '../../analyzers/js/hints.js';
import { jsFacts, networkSends, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, isLocalHost, isPublicIPv4, urlIocs, urlsIn, type IocArg } from '../stealing/_iocs.js';

const C2_PORTS = new Set(['1224', '1244', '1245', '4661', '4666', '6168']);
// Route shapes of the BeaverTail / InvisibleFerret C2s. The distinctive ones count alone; the generic ones
// (/uploads, /keys, /client/) only on a raw-IP or C2-port host.
const DISTINCT_ROUTE = /^\/(?:pdown|cldbs|brow\/|adc\/|api\/service\/makelog|api\/service\/process\/)/;
const GENERIC_ROUTE = /^\/(?:client\/|payload\/|keys\b|uploads?\b|any\b|j\/|s\/)/;
// Fixed strings of the known stealer family: its multipart boundary and log lines.
const FAMILY = /-{20,}99614912995|Upload LDB Finshed|Download Python Success|\/api\/service\/makelog/;

interface Hit {
  s: Str;
  score: number; // 1 medium, 2 high, 3 critical
  why: string;
  iocs: IocArg[];
}

export default defineRule({
  id: 'c2-endpoint',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'Talks to a command-and-control endpoint: raw public IP, stealer ports (1224/1244/1245/…), C2 route shapes',
    why: 'BeaverTail and InvisibleFerret reach raw-IP servers on ports 1224, 1244, 1245, 4661, 4666 or 6168 with routes such as /client/<id>, /pdown, /uploads (multipart field multi_file, boundary ---------------------------99614912995), /keys, /cldbs.',
    fix: 'Do not run the project. Block the listed hosts and IPs; if the code ran, treat the machine as compromised.',
    falsePositives: 'localhost, private ranges and documentation ranges never count (course projects listen on 1245 locally). Generic routes such as /uploads or /keys count only on a raw public IP or a stealer port; a raw public IP URL alone is medium.',
    references: ['https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/', 'https://attack.mitre.org/techniques/T1071/001/'],
    status: 'stable',
  },
  input: 'js-ast',
  // The routes count only as a path (`/pdown`, DISTINCT_ROUTE), so the second condition asks for `pdown` starting a
  // word (atWordStart): `dropdown` in a UI bundle no longer costs a parse.
  prefilter: [
    /:\/\/\d|\/\/\d{1,3}\.\d|:1224|:1244|:1245|:4661|:4666|:6168|pdown|cldbs|makelog|99614912995|multi_file|Finshed|Python Success|_0x[0-9a-f]{4}|fromCharCode|base64|atob/,
    [atWordStart('pdown'), /:\/\/\d|\/\/\d{1,3}\.\d|:1224|:1244|:1245|:4661|:4666|:6168|cldbs|makelog|99614912995|multi_file|Finshed|Python Success|_0x[0-9a-f]{4}|fromCharCode|base64|atob/],
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const hits: Hit[] = [];
    const sends = networkSends(f).length > 0;
    let rawIpInFile = false;
    for (const s of f.strings) {
      if (s.value.length > 20_000) continue;
      if (FAMILY.test(s.value)) {
        hits.push({ s, score: 3, why: `stealer-family marker "${clip(FAMILY.exec(s.value)![0], 50)}"`, iocs: [] });
        continue;
      }
      if (s.value === 'multi_file' && sends) {
        hits.push({ s, score: 2, why: 'multipart upload field multi_file', iocs: [] });
        continue;
      }
      for (const u of urlsIn(s.value)) {
        if (isLocalHost(u.host)) continue;
        const rawIp = isPublicIPv4(u.host);
        const port = C2_PORTS.has(u.port);
        const distinct = DISTINCT_ROUTE.test(u.path);
        const generic = GENERIC_ROUTE.test(u.path);
        rawIpInFile ||= rawIp;
        let score = 0;
        const why: string[] = [];
        if (rawIp) { score = 1; why.push('raw public IP'); }
        if (port) { score = Math.max(score, 2) + (rawIp ? 1 : 0); why.push(`stealer port ${u.port}`); }
        if (distinct) { score = Math.max(score + 1, 2); why.push(`C2 route ${u.path.slice(0, 30)}`); }
        else if (generic && (rawIp || port)) { score += 1; why.push(`C2 route ${u.path.slice(0, 30)}`); }
        if (!score) continue;
        hits.push({ s, score: Math.min(3, score), why: why.join(', '), iocs: urlIocs(u) });
      }
      // Host and port assembled apart ('86.104.1.1' … ':1224'): a bare public IP next to a stealer port string.
      if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(s.value) && isPublicIPv4(s.value)) {
        rawIpInFile = true;
        hits.push({ s, score: 1, why: 'bare public IP literal', iocs: [{ type: 'ip', value: s.value }] });
      }
    }
    // Route strings used on their own (base + '/pdown'), and stealer ports as bare strings next to a raw IP.
    const hitStrings = new Set(hits.map((h) => h.s));
    for (const s of f.strings) {
      if (s.value.length > 200 || hitStrings.has(s)) continue;
      if (DISTINCT_ROUTE.test(s.value) && !urlsIn(s.value).length && !hits.some((h) => h.iocs.some((i) => i.type === 'url' && i.value.includes(s.value)))) hits.push({ s, score: 2, why: `C2 route ${clip(s.value, 30)}`, iocs: [] });
      else if (rawIpInFile && /^:?(?:1224|1244|1245|4661|4666|6168)$/.test(s.value)) hits.push({ s, score: 2, why: `stealer port ${s.value} next to a raw IP`, iocs: [] });
    }
    if (!hits.length) return;
    // The bare-IP hits are weak alone: keep them only when something stronger or an upload is in the file.
    const strongest = Math.max(...hits.map((h) => h.score));
    const seen = new Set<string>();
    let reported = 0;
    for (const h of hits.sort((a, b) => b.score - a.score || a.s.start - b.s.start)) {
      if (h.why === 'bare public IP literal' && strongest < 2) continue;
      const key = h.s.value;
      if (seen.has(key) || reported >= 5) continue;
      seen.add(key);
      reported++;
      const [severity, confidence] = h.score >= 3 ? (['critical', 'high'] as const) : h.score === 2 ? (['high', 'medium'] as const) :
        sends ? (['medium', 'medium'] as const) : (['low', 'low'] as const);
      ctx.report({
        at: { node: h.s },
        message: `C2 endpoint: ${h.why}`,
        evidence: clip(evidenceOf(js, h.s)),
        decoded: h.s.folded ? clip(h.s.value, 300) : undefined,
        severity,
        confidence,
        iocs: dedupeIocs(h.iocs),
      });
    }
  },
});
