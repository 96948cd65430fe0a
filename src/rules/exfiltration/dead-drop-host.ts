import { defineRule } from '../../core/rule.js';
import { evalSinks, jsFacts, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, urlIocs, urlsIn } from '../stealing/_iocs.js';

// JSON/paste stores that hold a payload or the next URL; app platforms whose free subdomains host stage 2.
const STORE = /(?:^|\.)(?:jsonkeeper\.com|npoint\.io|jsonbin\.io|jsonstorage\.net|pastebin\.com|paste\.ee|hastebin\.com|ghostbin\.\w+|rentry\.co|rentry\.org|pastie\.io|dpaste\.org|dpaste\.com|controlc\.com|glot\.io|justpaste\.it|paste\.c-net\.org|termbin\.com|ix\.io|mocki\.io|mockapi\.io|jsonblob\.com|myjson\.online|kvdb\.io|getpantry\.cloud|jsonsilo\.com|jsonserve\.com|extendsclass\.com)$/;
const APP_HOST = /\.(?:vercel\.app|railway\.app|onrender\.com|glitch\.me|netlify\.app|herokuapp\.com|workers\.dev|pages\.dev|replit\.app|repl\.co|deno\.dev|fly\.dev|ngrok-free\.app|ngrok\.io|ngrok\.app|trycloudflare\.com|loca\.lt|serveo\.net)$|^(?:raw|gist)\.githubusercontent\.com$/;

const RESPONSE = /\b(?:data|cookie|body|text|response|resp|res|result|token|payload|content|await|r|s|e|err|errCode)\b/;

const WINDOW = 6000;
const SMALL_FILE = 20_000;

export default defineRule({
  id: 'dead-drop-host',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'Fetches code from a JSON/paste dead drop or a free app host (npoint, jsonkeeper, vercel.app, …) and runs it',
    why: 'Contagious Interview loaders keep stage 2 off the repository: the URL points to api.npoint.io, jsonkeeper.com, jsonbin.io, a paste site or a throwaway *.vercel.app / *.railway.app / *.onrender.com app, and the response goes straight into eval / Function.',
    fix: 'Do not run the project. The host listed is the attacker\'s; report it to the platform.',
    falsePositives: 'Apps call their own vercel/render/railway back ends and fetch JSON from npoint or jsonbin as a quick database. Without an eval/Function sink in the same file a paste/JSON store is low and an app host is not reported.',
    references: ['https://unit42.paloaltonetworks.com/north-korean-threat-actors-lure-tech-job-seekers-as-fake-recruiters/', 'https://attack.mitre.org/techniques/T1102/001/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /npoint|jsonkeeper|jsonbin|jsonstorage|paste|rentry|termbin|ix\.io|mocki|jsonblob|myjson|kvdb|pantry|jsonsilo|jsonserve|extendsclass|ngrok|trycloudflare|loca\.lt|serveo|githubusercontent|vercel\.app|railway\.app|onrender\.com|glitch\.me|netlify\.app|herokuapp|workers\.dev|pages\.dev|replit|repl\.co|deno\.dev|fly\.dev|_0x[0-9a-f]{4}|fromCharCode|base64|atob/,
  check(ctx, js) {
    const f = jsFacts(js);
    // Sinks whose argument reads like a response (r.data.cookie, res.text, await …): what a loader passes on.
    const all = evalSinks(f);
    const fed = all.filter((c) => c.args.some((a) => a.type !== 'Literal' && RESPONSE.test(js.text.slice(a.start, Math.min(a.end, a.start + 200)))));
    const seen = new Set<string>();
    const hits: Array<{ s: Str; host: string; store: boolean; iocs: ReturnType<typeof urlIocs> }> = [];
    for (const s of f.strings) {
      if (s.value.length > 20_000) continue;
      for (const u of urlsIn(s.value)) {
        const store = STORE.test(u.host);
        if (!store && !APP_HOST.test(u.host)) continue;
        if (seen.has(u.url)) continue;
        seen.add(u.url);
        hits.push({ s, host: u.host, store, iocs: urlIocs(u) });
      }
    }
    // A loader is a few lines: the URL and the sink sit together. In a bundle they are unrelated (small files are one flow).
    const small = js.text.length <= SMALL_FILE;
    const near = (h: { s: Str }, c: { node: { start: number } }) => small || h.s.deob || Math.abs(c.node.start - h.s.start) <= WINDOW;
    for (const h of hits.slice(0, 5)) {
      let severity: 'critical' | 'high' | 'medium' | 'low';
      let confidence: 'high' | 'medium' | 'low';
      const fedNear = fed.filter((c) => near(h, c));
      const anyNear = all.filter((c) => near(h, c));
      if (fedNear.length) [severity, confidence] = ['critical', 'high'];
      else if (anyNear.length) [severity, confidence] = [h.store ? 'medium' : 'low', 'low'];
      else if (h.store) [severity, confidence] = ['low', 'low'];
      else continue;
      const sink = fedNear[0] ?? anyNear[0];
      ctx.report({
        at: { node: h.s },
        message: `${h.store ? 'JSON/paste dead drop' : 'Free app host'} ${h.host}${sink ? ` in a file that runs fetched text (${sink.callee} at offset ${sink.node.start})` : ''}`,
        evidence: clip(evidenceOf(js, h.s)),
        decoded: h.s.folded ? clip(h.s.value, 300) : undefined,
        severity,
        confidence,
        iocs: h.iocs,
      });
    }
  },
});
