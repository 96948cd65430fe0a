import { defineRule } from '../../core/rule.js';
import { atWordStart } from '../../analyzers/js/hints.js';
import { argText, fileWrites, jsFacts, networkSends, processLaunches, type Str, evidenceOf } from '../stealing/_js-facts.js';
import { clip, dedupeIocs, isLocalHost, isPublicIPv4, urlIocs, urlsIn, type IocArg } from '../stealing/_iocs.js';

// Drop locations and archive names of the BeaverTail → InvisibleFerret chain (and look-alikes).
const MARKERS: Array<[string, RegExp]> = [
  ['/pdown route', /(?:^|[\\/])pdown\b/],
  ['p.zip / p2.zip archive', /(?:^|[\\/])p2?\.zip$/],
  ['~/.pyp portable Python', /(?:^|[\\/])\.pyp(?:[\\/]|$)/],
  ['~/.npl payload', /(?:^|[\\/])\.npl$/],
  ['~/.n2/.n3 payload', /(?:^|[\\/])\.n[23](?:[\\/]|$)/],
  ['portable python.exe', /[\\/]python\.exe$/i],
  ['curl -Lo download', /\bcurl\s+(?:-\w+\s+)*-[a-zA-Z]*[Lo][a-zA-Z]*o?\s/],
  ['family log line', /Download Python Success/],
];
const RUNNER = /\b(?:python3?|node|sh|bash|cmd(?:\.exe)?|powershell|chmod\s+\+x|tar\s+-?x|unzip|Expand-Archive|start\s+\/b)\b/i;

export default defineRule({
  id: 'second-stage-download',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'critical',
    confidence: 'high',
    summary: 'Downloads a second stage (portable Python, p.zip, ~/.npl) and runs it',
    why: 'BeaverTail fetches `/pdown` (p.zip: a portable Python) into `~/.pyp/python.exe` and `/client/<id>` into `~/.npl`, `~/.n2`, `~/.n3`, then runs it: that second stage (InvisibleFerret) is the backdoor, keylogger and AnyDesk installer.',
    fix: 'Do not run the project. If it ran, look for ~/.pyp, ~/.npl, ~/.n2, ~/.n3 and running python/node processes from them; treat the machine as compromised.',
    falsePositives: 'Installers (esbuild, prebuild-install, playwright) download a binary, write it and run it to check its version: a generic download → write → execute from a known host is low. Stage markers, or a raw-IP source, make it high.',
    references: ['https://unit42.paloaltonetworks.com/two-campaigns-by-north-korea-bad-actors-target-job-hunters/', 'https://attack.mitre.org/techniques/T1105/'],
    status: 'stable',
  },
  input: 'js-ast',
  // The /pdown marker needs `pdown` after a path separator, so the second condition asks for it starting a word
  // (atWordStart): `dropdown` in a UI bundle no longer costs a parse.
  prefilter: [
    /pdown|p2?\.zip|\.pyp|\.npl|\.n[23]\b|python\.exe|curl|writeFile|createWriteStream|_0x[0-9a-f]{4}|fromCharCode|base64/,
    [atWordStart('pdown'), /p2?\.zip|\.pyp|\.npl|\.n[23]\b|python\.exe|curl|writeFile|createWriteStream|_0x[0-9a-f]{4}|fromCharCode|base64/],
  ],
  check(ctx, js) {
    const f = jsFacts(js);
    const marks: Array<{ name: string; s: Str }> = [];
    for (const s of f.strings) {
      if (s.value.length > 2000) continue;
      for (const [name, re] of MARKERS) if (re.test(s.value) && !marks.some((m) => m.name === name)) marks.push({ name, s });
    }
    const launches = processLaunches(f);
    const runs = launches.filter((c) => RUNNER.test(argText(f, c)) || c.callee.endsWith('execFile') || c.callee.endsWith('execFileSync') || c.callee.endsWith('fork'));
    // Loading a native addon runs its code in this process: process.dlopen(module, file) of a downloaded .node.
    const dlopens = f.calls.filter((c) => c.callee === 'process.dlopen' && c.args.length >= 2);
    runs.push(...dlopens);
    const writes = fileWrites(f);
    const gets = networkSends(f).length > 0 || f.calls.some((c) => /^(?:fetch|axios(?:\.get)?|request(?:\.get)?|https?\.get|got|needle\.get|\?\.get)$/.test(c.callee));
    const iocs: IocArg[] = [];
    let rawIp = false;
    for (const s of f.strings) {
      if (s.value.length > 2000) continue;
      for (const u of urlsIn(s.value)) if (!isLocalHost(u.host) && isPublicIPv4(u.host)) { rawIp = true; iocs.push(...urlIocs(u)); }
    }
    const chain = gets && writes.length > 0 && runs.length > 0;
    // The file it writes is the file it runs (same path expression): a dropper's shape, not a probe of a package binary.
    const argSrc = (n: (typeof writes)[number]['args'][number] | undefined) => (n ? js.text.slice(n.start, n.end).replace(/\s+/g, '') : '');
    const runsWritten = chain && runs.some((r) => {
      const target = argSrc(r.callee === 'process.dlopen' ? r.args[1] : r.args[0]);
      return target.length > 0 && writes.some((w) => argSrc(w.args[0]) === target) && !/['"`]--?(?:version|v|help)['"`]/.test(js.text.slice(r.node.start, r.node.end));
    });
    const stageMarks = marks.filter((m) => m.name !== 'curl -Lo download' && m.name !== 'portable python.exe');
    let severity: 'critical' | 'high' | 'medium' | 'low';
    let confidence: 'high' | 'medium' | 'low';
    if (stageMarks.length >= 2 || (stageMarks.length && (chain || runs.length))) [severity, confidence] = ['critical', 'high'];
    else if (runsWritten && rawIp) [severity, confidence] = ['critical', 'high'];
    else if (stageMarks.length || (chain && (rawIp || marks.length))) [severity, confidence] = ['high', 'medium'];
    else if (chain) [severity, confidence] = ['low', 'low'];
    else return;
    const at = marks[0]?.s ?? runs[0]!.node;
    ctx.report({
      at: { node: at },
      message: `Second-stage download${marks.length ? ` (${marks.map((m) => m.name).join(', ')})` : ''}${chain ? ': fetched, written to disk and executed' : runs.length ? ', with a process launch in the same file' : ''}${rawIp ? ' from a raw IP' : ''}`,
      evidence: clip(evidenceOf(js, at)),
      decoded: marks.find((m) => m.s.folded)?.s.value,
      severity,
      confidence,
      iocs: dedupeIocs([...iocs, ...marks.filter((m) => /[\\/.]/.test(m.s.value)).map((m) => ({ type: 'path' as const, value: clip(m.s.value, 160) }))]).slice(0, 20),
    });
  },
});
