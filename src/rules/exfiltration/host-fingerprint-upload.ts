import { defineRule } from '../../core/rule.js';
import { hasModule, jsFacts, networkSends } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, isPublicIPv4, urlIocs, urlsIn, type IocArg } from '../stealing/_iocs.js';

const IP_LOOKUP = /(?:^|\.)(?:ipinfo\.io|ifconfig\.(?:co|me)|api\.ipify\.org|ipify\.org|ip-api\.com|ipapi\.co|checkip\.amazonaws\.com|icanhazip\.com|ipwho\.is|myip\.com|api\.myip\.com|wtfismyip\.com|geolocation-db\.com)$/;

/** Characters either side of a send within which collected identity counts (a stealer's fingerprint routine is short). */
const WINDOW = 3000;
/** How far before a send its destination may be spelt (an options object or const right above the call). */
const DEST_BEFORE = 300;
const ORDER = ['wallet secrets', 'the .env file', 'host name', 'user name', 'home directory', 'network interfaces', 'machine id', 'the whole environment', 'public IP lookup', 'OS/CPU'];
/** A wallet's private key or recovery phrase read from the environment. */
const WALLET_SECRET_ENV = /process\.env(?:\.|\[\s*['"`])(?:[A-Z0-9_]*_)?(?:PRIVATE_KEY|PRIVKEY|MNEMONIC|SEED_PHRASE|SEED|RECOVERY_PHRASE|SECRET_PHRASE)\b/;
/** The project's .env file read whole. */
const ENV_FILE_READ = /\breadFile(?:Sync)?\s*\([^;\n]{0,160}['"`](?:\.\/|\/)?\.env['"`]/;

export default defineRule({
  id: 'host-fingerprint-upload',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'medium',
    summary: 'Collects host identity (hostname, user, home dir, MACs, public IP, whole environment) or secrets (a wallet key or phrase from the environment, the .env file) and sends it out',
    why: 'Install-time stealers and lure loaders first report who they landed on: hostname, username, home directory, platform, public IP and often all of process.env (cloud keys, tokens), then decide what to fetch next.',
    fix: 'Do not run the project. If it ran, rotate every secret that was in the environment.',
    falsePositives: 'CLIs read os.homedir()/platform, and telemetry sends platform and version. Platform/arch alone never count; a finding needs the host name, user identity, MAC addresses, a public-IP lookup or the whole environment next to a network send, and stays low with just one of them, unless it goes to a bare public IP address (high): telemetry services have host names. A wallet private key or recovery phrase, or the .env file read whole, counts only inside what is sent (the arguments of the send, or the object a name passed to it holds), never by being nearby: signing with a key before a request is not sending it.',
    references: ['https://attack.mitre.org/techniques/T1082/', 'https://attack.mitre.org/techniques/T1041/', 'https://blog.sonatype.com/'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /hostname|userInfo|homedir|networkInterfaces|machineId|process\.env|ipinfo|ipify|ifconfig|ip-api|ipapi|\.env\b/,
  check(ctx, js) {
    const f = jsFacts(js);
    const sends = networkSends(f);
    if (!sends.length) return;
    // Every identity item with where it sits; a send only counts what is near it (bundles hold everything somewhere).
    const items: Array<{ name: string; points: number; pos: number }> = [];
    const callItems: Array<[RegExp, string, number]> = [
      [/^(?:os\.hostname|\?\.hostname)$/, 'host name', 1],
      [/^(?:os\.userInfo|\?\.userInfo)$/, 'user name', 1],
      [/^(?:os\.homedir|\?\.homedir)$/, 'home directory', 0.5],
      [/^(?:os\.networkInterfaces|\?\.networkInterfaces)$/, 'network interfaces', 1],
      [/machineIdSync$|machineId$/, 'machine id', 1],
      [/^(?:os\.(?:platform|type|release|arch|cpus)|\?\.(?:platform|cpus))$/, 'OS/CPU', 0],
    ];
    for (const c of f.calls) for (const [re, name, points] of callItems) if (re.test(c.callee)) items.push({ name, points, pos: c.node.start });
    const textItems: Array<[RegExp, string, number]> = [
      [/\bos\.hostname\b|process\.env\.(?:COMPUTERNAME|HOSTNAME)\b/g, 'host name', 1],
      [/process\.env\.(?:USER|USERNAME|LOGNAME)\b/g, 'user name', 1],
      // The whole environment serialised (passing `env: process.env` to a child process is not sending it).
      [/(?:JSON\.stringify|querystring\.stringify|qs\.stringify|new URLSearchParams)\(\s*process\.env\s*[,)]|Object\.(?:keys|entries|values)\(\s*process\.env\s*\)/g, 'the whole environment', 2],
      // ... or as a field of the object serialised: JSON.stringify({ env: process.env, cwd: process.cwd() }).
      [/JSON\.stringify\(\s*\{[^{}]{0,300}?:\s*process\.env\s*[,}]/g, 'the whole environment', 2],
    ];
    if (js.text.length < 5_000_000) for (const [re, name, points] of textItems) for (const m of js.text.matchAll(re)) items.push({ name, points, pos: m.index! });
    const iocs: IocArg[] = [];
    for (const s of f.strings) {
      if (s.value.length > 2000) continue;
      for (const u of urlsIn(s.value)) if (IP_LOOKUP.test(u.host)) { iocs.push(...urlIocs(u)); items.push({ name: 'public IP lookup', points: 1, pos: s.start }); }
    }
    // Secrets in what is sent (the send's own arguments, or the object a name passed to it holds): a wallet's private
    // key or recovery phrase read from the environment, the project's .env file read whole. Signing is local; no
    // service needs either (an API key in a request header is not one of these).
    // Only a file that holds either at all pays for reading each send's payload (a bundle has hundreds of sends).
    const walletSecrets = WALLET_SECRET_ENV.test(js.text);
    const envFile = ENV_FILE_READ.test(js.text);
    for (const send of walletSecrets || envFile ? sends.slice(0, 500) : []) {
      const spans: Array<{ start: number; end: number }> = [];
      for (const a of send.args) {
        spans.push(a);
        const init = a.type === 'Identifier' ? f.inits.get(a.name) : undefined;
        if (init) spans.push(init);
      }
      const payload = spans.map((n) => js.text.slice(n.start, Math.min(n.end, n.start + 4000))).join('\n');
      if (walletSecrets && WALLET_SECRET_ENV.test(payload)) items.push({ name: 'wallet secrets', points: 2, pos: send.node.start });
      if (!envFile) continue;
      const called = [...payload.matchAll(/\b([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => f.functions.get(m[1]!)).filter((fn): fn is NonNullable<typeof fn> => !!fn);
      if ([payload, ...called.map((fn) => js.text.slice(fn.start, Math.min(fn.end, fn.start + 4000)))].some((t) => ENV_FILE_READ.test(t))) {
        items.push({ name: 'the .env file', points: 2, pos: send.node.start });
      }
    }
    if (!items.length) return;
    if (hasModule(f, /^node-machine-id$/)) items.push({ name: 'machine id', points: 1, pos: -1 });
    let best: { send: (typeof sends)[number]; got: string[]; points: number } | undefined;
    for (const send of sends.slice(0, 500)) {
      const near = items.filter((i) => i.pos === -1 || Math.abs(i.pos - send.node.start) <= WINDOW);
      const got = [...new Set(near.map((i) => i.name))];
      const points = got.reduce((sum, name) => sum + Math.max(...near.filter((i) => i.name === name).map((i) => i.points)), 0);
      const prefer = /post|request|upload|send|emit|put/i.test(send.method) ? 0.01 : 0;
      if (!best || points + prefer > best.points) best = { send, got, points: points + prefer };
    }
    if (!best || best.points < 1.5) return;
    const { send, got } = best;
    const points = Math.floor(best.points * 10) / 10;
    got.sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const envOnly = got.filter((g) => g !== 'OS/CPU').length === 1 && got.includes('the whole environment');
    // Where it goes: a bare public IP (Contagious Interview loaders post to ports 1224/1244/1245 of one) is no
    // telemetry service; a host name can be anyone's. Only an address in the send's own arguments, or just before it
    // (its options object, a const), counts: a DNS server elsewhere in the file is not where the data goes.
    const rawIp = f.strings.find((s) => s.start >= send.node.start - DEST_BEFORE && s.start < send.node.end && s.value.length < 300 && (isPublicIPv4(s.value) || urlsIn(s.value).some((u) => isPublicIPv4(u.host))));
    // Three identity items near one send is a beacon (who am I, where am I) — what install-time stealers do first.
    const [severity, confidence] =
      points >= 3 ? (['critical', 'high'] as const)
      : rawIp || got.includes('wallet secrets') || got.includes('the .env file') ? (['high', 'high'] as const)
      : points >= 2 && !envOnly ? (['medium', 'medium'] as const)
      : (['low', 'low'] as const);
    if (rawIp) for (const u of urlsIn(rawIp.value)) iocs.push(...urlIocs(u));
    if (rawIp && isPublicIPv4(rawIp.value)) iocs.push({ type: 'ip', value: rawIp.value });
    ctx.report({
      at: { node: send.node },
      message: `Sends host fingerprint (${got.join(', ')}) via ${send.callee}${rawIp ? ` to the raw IP ${clip(rawIp.value, 60)}` : ''}`,
      evidence: clip(js.text.slice(send.node.start, Math.min(send.node.end, send.node.start + 200))),
      severity,
      confidence,
      iocs: iocs.length ? dedupeIocs(iocs) : undefined,
    });
  },
});
