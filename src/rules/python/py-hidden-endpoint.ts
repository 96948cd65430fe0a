import { defineRule } from '../../core/rule.js';
import { modelOf } from '../../analyzers/python/model.js';
import { b64, evaluate } from '../../analyzers/python/static-eval.js';
import { extractIocs, isPublicIp } from '../../analyzers/python/iocs.js';
import { addressArg, at, clip, isNetworkCall, sendCalls } from './_util.js';

const RAW_IP_URL = /^(?:https?|wss?|ftp):\/\/((?:\d{1,3}\.){3}\d{1,3})(?::\d{2,5})?(?:\/|$)/i;

export default defineRule({
  id: 'py-hidden-endpoint',
  meta: {
    kind: 'threat',
    category: 'evasion',
    severity: 'high',
    confidence: 'high',
    summary: 'Python hides the address it talks to: a URL kept base64-encoded, or a connection/request to an address decoded (base64, hex, zlib, XOR, reversed) at run time',
    why: 'Stealers and droppers keep their server out of sight so that neither a reader nor a grep for "http" finds it: the URL sits in base64 (aHR0cDovL…) or is decoded right inside the HTTPSConnection/requests call. Real clients name the services they use.',
    fix: 'Do not run it. The decoded value shows the hidden server: block it and check whether the code already ran.',
    falsePositives: 'A base64 URL to a named domain in a file that never talks to the network counts at medium confidence. Data URIs and base64 images are not URLs and are ignored.',
    references: ['https://attack.mitre.org/techniques/T1027/', 'https://attack.mitre.org/techniques/T1071/001/'],
    status: 'stable',
  },
  input: 'py-ast',
  prefilter: /aHR0c|d3Nz|ZnRw|\b(?:requests|urllib|urlopen|httpx|socket|http\.client|httplib|HTTPS?Connection|aiohttp|urllib3|pycurl)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const net = model.calls.filter((c) => isNetworkCall(model, c));
    // "aHR0cDovLzUuNDIu…": a URL kept base64-encoded in a literal so it does not show in the source.
    for (const s of model.strings) {
      if (s.value.length < 16 || s.value.length > 2000 || !/^(?:aHR0c|d3Nz|ZnRw)[A-Za-z0-9+/_-]+={0,2}$/.test(s.value)) continue;
      const url = b64(s.value);
      if (!url || !/^(?:https?|wss?|ftp):\/\/[\x21-\x7e]+$/.test(url)) continue;
      const ip = RAW_IP_URL.exec(url);
      const rawIp = !!ip && isPublicIp(ip[1]!);
      // A bare server address hidden in base64 in a file that sends requests: nothing legitimate hides its own raw IP.
      const critical = rawIp && net.length > 0;
      ctx.report({
        at: at(s.node),
        message: `URL hidden in base64: ${clip(url, 120)}${critical ? ' (a raw IP address, in a file that sends requests)' : ''}`,
        evidence: clip(s.value),
        decoded: url,
        severity: critical ? 'critical' : 'high',
        confidence: rawIp ? 'high' : 'medium',
        iocs: extractIocs(url),
      });
      break;
    }
    // HTTPSConnection(decode('=QMB…')) / session.post(b64decode(KEY)): the address itself is decoded in the call.
    for (const c of [...net, ...sendCalls(model, net)]) {
      const v = evaluate(addressArg(c), { model, xorFuncs: model.xorFuncs });
      if (!v || !v.steps.length || !/^[\x20-\x7e]{4,300}$/.test(v.value)) continue;
      ctx.report({
        at: at(c.node),
        message: `Connects to an address hidden by ${[...new Set(v.steps)].join(' → ')}: ${clip(v.value, 120)}`,
        evidence: clip(c.node.text),
        decoded: v.value,
        iocs: extractIocs(/^[\w.-]+(?::\d+)?(?:\/|$)/.test(v.value) ? `http://${v.value}` : v.value),
      });
      break;
    }
  },
});
