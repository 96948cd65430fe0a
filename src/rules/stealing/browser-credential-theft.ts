import { defineRule } from '../../core/rule.js';
import { fileReads, jsFacts, networkSends, type Str, evidenceOf } from './_js-facts.js';
import { clip, dedupeIocs, type IocArg } from './_iocs.js';

// Profile roots of the browsers stealers sweep, on Windows, Linux and macOS (separators may be / \ or \\).
const ROOTS: Array<[string, RegExp]> = [
  ['Chrome', /Google[\\/]+Chrome|google-chrome|\bChromium\b|[\\/]chromium/i],
  ['Brave', /BraveSoftware|Brave-Browser/i],
  ['Opera', /Opera Software|com\.operasoftware|[\\/]opera\b|Opera GX/i],
  ['Edge', /Microsoft[\\/]+Edge|microsoft-edge/i],
  ['Firefox', /Mozilla[\\/]+Firefox|\.mozilla[\\/]+firefox/i],
  ['Yandex', /Yandex[\\/]+YandexBrowser/i],
  ['Vivaldi', /Vivaldi[\\/]/i],
];
// The stores that hold credentials, cookies, cards and extension data. Matched as path parts, not prose.
const SECRETS = /(?:^|[\\/])(?:Login Data(?: For Account)?|Local State|Web Data|Cookies|Local Extension Settings|logins\.json|key[34]\.db|cookies\.sqlite|signons\.sqlite)(?:$|[\\/])|Network[\\/]+Cookies|Local Storage[\\/]+leveldb/;
const PROFILE_ENUM = /^Profile ?$|[\\/]Profile ?$/; // 'Profile ' + i: walking every profile

export default defineRule({
  id: 'browser-credential-theft',
  meta: {
    kind: 'threat',
    category: 'stealing',
    severity: 'critical',
    confidence: 'high',
    summary: 'Reads browser profile stores (Login Data, Cookies, Local State, Web Data, extension storage)',
    why: 'BeaverTail/InvisibleFerret and commodity stealers walk the Chrome/Brave/Opera/Edge/Firefox profile roots on every OS and copy `Login Data`, `Local State` (the key that decrypts them), `Web Data` and `Cookies` to their C2.',
    fix: 'Do not run the project. If it ran, treat saved browser passwords, cookies and sessions as stolen: rotate passwords, revoke sessions, move wallet funds from a clean device.',
    falsePositives: 'Browser-automation libraries (puppeteer, playwright, selenium helpers) name Chrome user-data directories but not the credential stores inside them; a profile root alone, or a store name alone, is not reported. Cookie-export tools that read one browser\'s Cookies file are reported at medium confidence.',
    references: ['https://www.elastic.co/security-labs/an-elastic-approach-to-large-scale-dynamic-malware-analysis', 'https://attack.mitre.org/techniques/T1555/003/', 'CWE-200'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /Login Data|Local State|Web Data|Cookies|Local Extension Settings|Local Storage|logins\.json|key4\.db|_0x[0-9a-f]{4}|base64|fromCharCode/,
  check(ctx, js) {
    const f = jsFacts(js);
    const browsers = new Set<string>();
    const rootStrs: Str[] = [];
    const secretStrs: Str[] = [];
    let profileEnum = false;
    for (const s of f.strings) {
      if (s.value.length > 2000) continue;
      let isRoot = false;
      for (const [name, re] of ROOTS) if (re.test(s.value)) { browsers.add(name); isRoot = true; }
      if (isRoot) rootStrs.push(s);
      if (SECRETS.test(s.value) || /^(?:Login Data|Local State|Web Data|Cookies)$/.test(s.value)) secretStrs.push(s);
      if (PROFILE_ENUM.test(s.value)) profileEnum = true;
    }
    if (!browsers.size || !secretStrs.length) return;
    const stores = [...new Set(secretStrs.map((s) => (/Login Data|Local State|Web Data|Cookies|Local Extension Settings|Local Storage|logins\.json|key[34]\.db|cookies\.sqlite|signons\.sqlite/.exec(s.value) ?? [s.value])[0]))];
    const reads = fileReads(f).length > 0;
    const sends = networkSends(f).length > 0;
    // A single browser store read by a cookie tool is possible; several stores, several browsers, profile enumeration
    // or an upload in the same file is a stealer.
    const strong = (browsers.size >= 2 ? 1 : 0) + (stores.length >= 2 ? 1 : 0) + (profileEnum ? 1 : 0) + (sends ? 1 : 0) + (reads ? 1 : 0);
    const severity = strong >= 3 ? 'critical' : strong >= 2 ? 'high' : 'medium';
    const confidence = strong >= 3 ? 'high' : strong >= 2 ? 'medium' : 'low';
    const at = secretStrs[0]!;
    const iocs: IocArg[] = dedupeIocs([...rootStrs, ...secretStrs].slice(0, 20).map((s) => ({ type: 'path' as const, value: clip(s.value, 160) })));
    const folded = [...rootStrs, ...secretStrs].find((s) => s.folded);
    ctx.report({
      at: { node: at },
      message: `Browser credential stores (${stores.join(', ')}) under ${[...browsers].join('/')} profile roots${reads ? ', read from disk' : ''}${sends ? ', with an upload in the same file' : ''}`,
      evidence: clip(evidenceOf(js, at)),
      decoded: folded ? clip(folded.value, 300) : undefined,
      severity,
      confidence,
      iocs,
    });
  },
});
