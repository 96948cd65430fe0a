import { defineRule } from '../../core/rule.js';
import { atWordStart, SPLIT_MODULE_HINT } from '../../analyzers/js/hints.js';
import { argText, jsFacts, processLaunches, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, isLocalHost, isPublicIPv4, urlIocs, urlsIn } from '../stealing/_iocs.js';
import { decodeB64Literal } from '../autorun/_shapes.js';

// curl/wget output piped into an interpreter, PowerShell download-and-invoke, and the same for cmd/node/python.
const PIPE = /\b(?:curl|wget)\b[^|\n]{0,400}\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\b(?:curl|wget)\b[^|\n]{0,400}\|\s*(?:node|python3?|perl|ruby|cmd(?:\.exe)?|powershell|pwsh)\b|\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|\(New-Object\s+Net\.WebClient\)\.Download(?:String|File))\b[^\n]{0,400}(?:\|\s*iex\b|\bIEX\b|Invoke-Expression)|\bIEX\s*\(\s*\(?New-Object\s+Net\.WebClient/i;

// `node -e "$(curl …)"`, `sh -c "$(wget -O- …)"`, `eval "$(curl …)"`: the download substituted in as program text.
/**
 * A download saved, made executable or started in the same command (`curl -o /tmp/.x URL && chmod +x /tmp/.x && nohup
 * /tmp/.x &`, `wget -qO f URL && chmod +x f`, `certutil -urlcache -f URL x.exe && start x.exe`): curl | sh with a file
 * in between. A checksum step or an unpack is not a run.
 */
const FETCH_RUN = /\b(?:curl|wget)\b[^\n|]{0,400}?(?:&&|;)\s*(?:sudo\s+)?(?:chmod\s+(?:[ugoa]*\+x|0?[0-7]?[1357][0-7]{2})\b|nohup\b)|\bcertutil(?:\.exe)?\s+[-/]urlcache\b|\bbitsadmin(?:\.exe)?\s+\/transfer\b[^\n]{0,400}(?:&&|&)\s*start\b/i;
const SUBST = /\b(?:node|python[\d.]*|(?:ba|z|da)?sh)\s+(?:-\w+\s+)*-[ec]\s+["']?\$\(\s*(?:curl|wget)\b[^)\n]{0,400}\)|\beval\s+["']?\$\(\s*(?:curl|wget)\b[^)\n]{0,400}\)/i;
const PS_ENCODED = /\s-(?:e|ec|enc|enco|encodedcommand)\s+([A-Za-z0-9+/=]{16,})/i;
/** Installers pipe into sh/bash from a named host; piping into node, a hidden or decoded command, or a raw-IP host is a loader. */
const LOADER_SINK = /\|\s*node\b|\$\(\s*(?:curl|wget)/i;

/** A command split into pieces joined back (`['cur', 'l -s', …].join('')`): the folder joins them, the prefilter cannot. */
const JOINED_PIECES = /\]\s*\.join\(\s*(?:''|""|``)\s*\)/;
function decodePs(b64: string): string | null {
  const s = Buffer.from(b64, 'base64').toString('utf16le');
  return /^[\x09\x0a\x0d\x20-\x7e]+$/.test(s) ? s : null;
}

export default defineRule({
  id: 'curl-pipe-shell-in-code',
  meta: {
    kind: 'threat',
    category: 'persistence',
    severity: 'high',
    confidence: 'high',
    summary: 'Runs `curl … | sh` (or wget|bash, iwr|iex, curl|node, or a download saved then made executable or started: curl -o f && chmod +x f, certutil -urlcache) from code',
    why: 'Piping a download straight into an interpreter runs whatever the server sends today, with no file left to inspect; lure tasks and loaders use it for their per-OS stage (`curl …/settings/mac?flag=8 | bash`).',
    fix: 'Do not run the project. Fetch the URL in a sandbox if you need to see the stage; block the host.',
    falsePositives: 'CLIs print install one-liners (`curl -fsSL https://bun.sh/install | bash`) in help text: a one-liner that is not passed to exec/spawn is low.',
    references: ['https://attack.mitre.org/techniques/T1059/004/', 'https://attack.mitre.org/techniques/T1105/'],
    status: 'stable',
  },
  input: 'js-ast',
  // Every PIPE match starts one of these words at a word boundary of a string's value, so the second condition asks
  // the same of the source (atWordStart): `confirm`, `docUrl`, `viewGet` in a bundle no longer cost a parse.
  // A split module name (`require('child_pro' + 'cess')`) usually splits the command too: parse those files as well.
  prefilter: [
    [/curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|WebClient|IEX|_0x[0-9a-f]{4}|fromCharCode|base64|EncodedCommand|-enc\b/i, SPLIT_MODULE_HINT, JOINED_PIECES],
    [atWordStart('curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod|WebClient|IEX', 'i'), /_0x[0-9a-f]{4}|fromCharCode|base64|EncodedCommand|-enc\b/i, SPLIT_MODULE_HINT, JOINED_PIECES],
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const launched = new Map<Str, string>();
    const hidden: Str[] = [];
    const strong = new Set<Str>();
    for (const c of processLaunches(f)) {
      let cmd = argText(f, c);
      const enc = PS_ENCODED.exec(cmd);
      const ps = enc ? decodePs(enc[1]!) : null;
      if (ps && PIPE.test(ps)) cmd = ps;
      if (PIPE.test(cmd) || SUBST.test(cmd) || FETCH_RUN.test(cmd)) {
        const hit = (v: string) => PIPE.test(v) || SUBST.test(v) || FETCH_RUN.test(v);
        // In the call, else the string the command variable was built as (`const cmd = [...].join('')`: its decoding counts).
        const s = ps ? { value: ps, start: c.node.start, end: c.node.end, folded: true } : f.strings.find((x) => x.start >= c.node.start && x.end <= c.node.end && hit(x.value)) ??
          f.strings.find((x) => x.value === cmd && x.start < c.node.start) ?? { value: cmd, start: c.node.start, end: c.node.end, folded: true };
        launched.set(s, ps ? `${c.callee} (PowerShell -EncodedCommand)` : c.callee);
        // Decoded (not merely concatenated): base64/hex/charCode spelled the command. A raw public IP anywhere in the
        // command (not only its first URL) is a loader's host, as in the sibling rules.
        if (ps || s.decoded || s.deob || LOADER_SINK.test(s.value) || urlsIn(s.value).some((u) => !isLocalHost(u.host) && isPublicIPv4(u.host))) strong.add(s);
      }
    }
    // A download-to-shell one-liner kept as a base64 literal that the folder could not follow to its launch (a plugin's
    // option decoded in another method: `exec(Buffer.from(this.options.probe, 'base64').toString())`). Nobody encodes
    // an install one-liner for a reason they could show: with a process launch that decodes base64 in the file it
    // is the command that launch runs; without one, a hidden command all the same.
    if (!launched.size) {
      const decodingLaunch = processLaunches(f).find((c) => /\bbase64\b/.test(argText(f, c)));
      for (const x of f.strings) {
        if (x.folded || x.decoded) continue;
        const text = decodeB64Literal(x.value);
        if (!text || !(PIPE.test(text) || SUBST.test(text))) continue;
        const s: Str = { value: text, start: x.start, end: x.end, decoded: true, folded: true };
        if (decodingLaunch) {
          launched.set(s, `${decodingLaunch.callee} (decoded from base64)`);
          strong.add(s);
        } else hidden.push(s);
      }
    }
    const seen = new Set<string>();
    let n = 0;
    const report = (s: Str, via: string | undefined) => {
      if (seen.has(s.value) || n >= 3) return;
      seen.add(s.value);
      n++;
      ctx.report({
        at: { node: s },
        message: via
          ? `${PIPE.test(s.value) || SUBST.test(s.value) ? 'Download piped into an interpreter' : 'Download saved to a file and started'}, run via ${via}`
          : 'Download-and-run one-liner in a string (not seen passed to a process launch)',
        evidence: clip(evidenceOf(js, s)),
        decoded: s.folded ? clip(s.value, 300) : undefined,
        severity: via ? (strong.has(s) ? 'critical' : 'high') : 'low',
        confidence: via ? 'high' : 'low',
        iocs: dedupeIocs(urlsIn(s.value).slice(0, 3).flatMap(urlIocs)),
      });
    };
    for (const [s, via] of launched) report(s, via);
    for (const s of hidden) {
      if (seen.has(s.value) || n >= 3) continue;
      seen.add(s.value);
      n++;
      ctx.report({
        at: { node: s },
        message: 'Download-and-run one-liner hidden in a base64 literal (not seen passed to a process launch)',
        evidence: clip(evidenceOf(js, s)),
        decoded: clip(s.value, 300),
        severity: 'medium',
        confidence: 'medium',
        iocs: dedupeIocs(urlsIn(s.value).slice(0, 3).flatMap(urlIocs)),
      });
    }
    for (const s of f.strings) if (s.value.length < 4000 && (PIPE.test(s.value) || SUBST.test(s.value))) report(s, undefined);
  },
});
