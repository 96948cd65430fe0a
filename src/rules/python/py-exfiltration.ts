import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee } from '../../analyzers/python/model.js';
import { evaluate } from '../../analyzers/python/static-eval.js';
import { extractIocs, isPublicIp } from '../../analyzers/python/iocs.js';
import { addressArg, at, clip, contentStrings, expressionText, isNetworkCall, isProcessCall, payloadTexts, sendCalls } from './_util.js';

// Collection endpoints that need no server of one's own.
const DROP_ENDPOINTS =
  /(?:discord(?:app)?\.com\/api\/webhooks\/|api\.telegram\.org\/bot|hooks\.slack\.com\/services\/|webhook\.site\/|\.m\.pipedream\.net|requestbin\.(?:net|com)|\.(?:oast\.(?:fun|pro|me|live|site|online)|interact\.sh|burpcollaborator\.net|oastify\.com|dnslog\.cn|ceye\.io)|canarytokens\.com|ngrok(?:-free)?\.(?:io|app)|transfer\.sh|anonfiles\.com|file\.io\/|bashupload\.com|0x0\.st)/i;
// curl/wget sending a local file: -F name=@file, --data-binary @file, -T file, --post-file=file.
const CURL_UPLOAD = /\b(curl|wget)\b[^\n]*?(\s(?:-F|--form)\s*['"\\]*[\w.-]*=@|\s--data-binary\s+['"\\]*@|\s(?:-T|--upload-file)\s|\s--post-file[= ])/i;
const RAW_IP_URL = /\b(?:https?|wss?|ftp):\/\/((?:\d{1,3}\.){3}\d{1,3})(?::(\d{2,5}))?/i;
// InvisibleFerret / BeaverTail C2 ports (THREATS.md §4).
const LURE_PORTS = new Set(['1224', '1244', '1245', '4661', '4666', '6168']);
const HOST_IDENTITY_ALL = /\b(?:socket\.gethostname|platform\.(?:node|uname)|getpass\.getuser|os\.getlogin|(?<![\w.])(?:getlogin|getuser|gethostname)(?=\s*\()|os\.getcwd|dict\s*\(\s*os\.environ\s*\)|os\.environ\.(?:copy|items)|getenv\s*\(\s*['"](?:USER|USERNAME|COMPUTERNAME|HOSTNAME)['"]|uuid\.getnode|whoami)(?!\w)/g;

export default defineRule({
  id: 'py-exfiltration',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'high',
    summary: 'Python sends data to a drop endpoint (Discord/Telegram/Slack webhook, request bin, OAST/DNS log), a raw IP, or posts the host identity',
    why: 'Stealers and recon packages report back through webhooks and raw-IP servers that need no domain; dependency-confusion probes send hostname/user/cwd so the attacker learns where the package landed.',
    fix: 'Do not run it. Block the endpoint and treat anything the code could read as leaked.',
    falsePositives: 'Chat bots legitimately call the Telegram/Discord APIs; local development servers use 127.0.0.1/10.x/192.168.x (private addresses are ignored). Webhook URLs in a file with no network call count at lower confidence. Hidden (encoded) addresses are reported by py-hidden-endpoint.',
    references: ['https://attack.mitre.org/techniques/T1567/', 'https://attack.mitre.org/techniques/T1041/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /\bcurl\b|\bwget\b|aHR0c|d3Nz|https?:|wss?:|\b(?:requests|urllib|urlopen|httpx|socket|http\.client|aiohttp|exec|eval)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const net = model.calls.filter((c) => isNetworkCall(model, c));
    const seen = new Set<string>();
    for (const s of contentStrings(py)) {
      if (s.value.length > 100_000) continue;
      const drop = DROP_ENDPOINTS.exec(s.value);
      if (drop && !seen.has(drop[0])) {
        seen.add(drop[0]);
        ctx.report({
          at: at(s.node),
          message: `Data drop endpoint ${drop[0]}${net.length ? '' : ' (no network call in this file)'}`,
          evidence: clip(s.decoded ? drop[0] : s.value),
          confidence: net.length ? 'high' : 'medium',
          iocs: extractIocs(s.value),
        });
      }
      const ip = RAW_IP_URL.exec(s.value);
      if (ip && isPublicIp(ip[1]!) && !seen.has(ip[0]) && (net.length || s.decoded)) {
        seen.add(ip[0]);
        const lurePort = ip[2] && LURE_PORTS.has(ip[2]);
        ctx.report({
          at: at(s.node),
          message: `Talks to a raw IP address ${ip[0]}${lurePort ? ` (port ${ip[2]} is used by InvisibleFerret/BeaverTail C2)` : ''}`,
          evidence: clip(s.decoded ? ip[0] : s.value),
          severity: 'high',
          confidence: lurePort ? 'high' : 'medium',
          iocs: [{ type: 'ip', value: ip[1]! }],
        });
      }
    }
    // curl -F "file=@archive.zip" https://… run through os.system/subprocess: a file posted to a server.
    if (model.calls.some((c) => isProcessCall(model, c))) {
      for (const s of contentStrings(py)) {
        if (s.value.length > 20_000) continue;
        const m = CURL_UPLOAD.exec(s.value);
        if (!m) continue;
        const url = /(?:https?|ftp):\/\/[^\s'"\\]+/i.exec(s.decoded ? s.value.slice(m.index) : expressionText(s.node))?.[0] ?? '';
        const ip = RAW_IP_URL.exec(url);
        const rawIp = !!ip && isPublicIp(ip[1]!);
        ctx.report({
          at: at(s.node),
          message: `Uploads a file with ${m[1]} (${m[2]!.trim()}) to ${url ? clip(url, 80) : 'a server'}${rawIp ? ' (a raw IP address)' : ''}`,
          evidence: clip(s.decoded ? m[0] : s.value),
          confidence: rawIp || DROP_ENDPOINTS.test(url) ? 'high' : 'medium',
          iocs: extractIocs(url),
        });
        break;
      }
    }
    // requests.post(url, data={"host": socket.gethostname(), ...}) / urlopen(url + getpass.getuser())
    // conn = HTTPSConnection(host); conn.request('POST', path, body): the body goes out through a method of the connection.
    const sends = sendCalls(model, net);
    for (const c of [...net, ...sends]) {
      const texts = payloadTexts(model, c, 3);
      // Every identity item sent, the whole environment first: it decides the severity.
      const items = texts.flatMap((t) => [...t.matchAll(HOST_IDENTITY_ALL)].map((m) => m[0]));
      const identity = items.length ? [items.find((i) => /environ/.test(i)) ?? items[0]!] : null;
      if (!identity) continue;
      const url = evaluate(addressArg(c), { model });
      const rawIp = url ? RAW_IP_URL.exec(url.value) : null;
      const toDrop = !!url && (DROP_ENDPOINTS.test(url.value) || (!!rawIp && isPublicIp(rawIp[1]!)));
      const dns = /gethostbyname/.test(c.callee);
      // gethostbyname(gethostname()) resolves the machine's own name; exfiltration embeds it in a longer name.
      if (dns) {
        const a = c.args[0];
        const built = (t: string) => /[+%]|\bformat\b|\bjoin\b|^[a-zA-Z]*f["']/.test(t);
        const texts = a?.type === 'identifier' ? (model.assigns.get(a.text) ?? []).map((v) => v.text) : [a?.text ?? ''];
        if (!texts.some(built)) continue;
      }
      ctx.report({
        at: at(c.node),
        message: dns
          ? `DNS lookup of a name built from the host identity (${identity[0]}): data leaves through DNS`
          : `${resolveCallee(model, c.callee)} sends the host identity (${identity[0]}) to ${url ? clip(url.value, 80) : 'a remote server'}`,
        evidence: clip(c.node.text),
        // The whole environment (tokens, keys) leaving the machine is not telemetry: it is the secrets themselves; nor is
        // the host identity sent to a webhook/request bin or a bare IP (telemetry goes to its vendor's own domain).
        severity: /environ/.test(identity[0]) || toDrop ? 'critical' : 'high',
        confidence: dns || toDrop || /environ/.test(identity[0]) ? 'high' : 'medium',
        iocs: url ? extractIocs(url.value) : [],
      });
      break;
    }
  },
});
