import type { Confidence, Severity } from '../../core/finding.js';
import { defineRule } from '../../core/rule.js';
import { isPublicIPv4 } from '../stealing/_iocs.js';
import { autorunCommands, cap, downloadToShell, locate, paddedPayload, triggerPhrase, urlIocs } from './_shapes.js';

/** How bad a fetch-and-run is depends on where it runs: on open/install on the host, or inside a container build. */
function weight(trigger: string, label: string | undefined): [Severity, Confidence] {
  switch (trigger) {
    case 'vscode-folder-open':
    case 'npm-install':
    case 'git':
    case 'vscode-settings':
    case 'husky':
    case 'direnv':
    // A build step of a Visual Studio, Gradle or Cargo project: building it (or opening it, for a Gradle sync) runs it.
    case 'ide-build':
      return ['critical', 'high'];
    case 'npm-start':
    case 'npm-run':
    case 'vscode-launch':
    case 'python':
    case 'pip-install':
      return ['high', 'high'];
    case 'devcontainer':
      return /initializeCommand/.test(label ?? '') ? ['high', 'medium'] : ['medium', 'medium'];
    case 'make':
      return ['medium', 'low'];
    default:
      // Dockerfile RUN lines install tools this way all the time, inside a throwaway build container.
      return ['low', 'low'];
  }
}

/** A public IPv4 address as the download host (loopback, private, link-local and documentation ranges excluded). */
const RAW_IP_URL = /\b(?:https?|ftp):\/\/(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/?#\s'"]|$)/i;
function publicIpHost(evidence: string): boolean {
  const m = RAW_IP_URL.exec(evidence);
  return !!m && isPublicIPv4(m[1]!);
}

/**
 * Tool installers in containers and Makefiles download from a named host (get.docker.com, sh.rustup.rs, bun.sh); a
 * shell fed from a bare public IP address is a C2 server wherever the command sits.
 */
function weighHost(w: [Severity, Confidence], evidence: string, encoded?: boolean): [Severity, Confidence] {
  // A command hidden in base64 or -EncodedCommand: one step worse wherever it runs, and no longer a guess.
  if (encoded) w = [w[0] === 'low' ? 'medium' : w[0] === 'medium' ? 'high' : 'critical', 'high'];
  if (!publicIpHost(evidence)) return w;
  return [w[0] === 'critical' ? 'critical' : 'high', 'high'];
}

const SHELL_FILE = /\.(?:sh|bash|zsh|ps1|psm1|bat|cmd)$|(?:^|\/)(?:\.husky|\.git\/hooks)\/[^/.]+$/i;

export default defineRule({
  id: 'autorun-pipes-download-to-shell',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'critical',
    confidence: 'high',
    summary: 'A command that runs by itself downloads code and pipes it into a shell (curl | sh, iwr | iex, powershell -enc)',
    why: 'Lures put `curl …/settings/mac | bash`, `wget -qO- … | sh` or `curl … | cmd` in folder-open tasks, install scripts and hooks: the second stage never sits in the repository, so only this line shows it.',
    fix: 'Do not open the folder in VS Code (or disable automatic tasks) and do not install or run it. Fetch the URL only from a sandbox to see what it serves.',
    falsePositives: 'Dockerfiles, Makefiles and devcontainers legitimately install tools with `curl | sh` inside containers; those are reported at low/medium weight. Install scripts and folder-open tasks have no such benign use.',
    references: ['https://attack.mitre.org/techniques/T1059/004/', 'https://www.fbi.gov/contact-us/field-offices/springfield/news/north-korea-aggressively-targeting-crypto-industry-with-well-disguised-social-engineering-attacks', 'CWE-494'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const reported = new Set<string>();
    const commands = autorunCommands(view);
    // `"preinstall": "make setup"`: the Makefile's recipes run on npm install, and weigh as such.
    const installRunsMake = commands.some((c) => c.entry.trigger === 'npm-install' && /(?:^|[;&|(]\s*)make\b/.test(c.command));
    const triggerOf = (t: string) => (t === 'make' && installRunsMake ? 'npm-install' : t);
    for (const c of commands) {
      const hit = downloadToShell(c.command);
      if (!hit) continue;
      const key = `${c.file}\0${c.line}\0${hit.evidence}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const [severity, confidence] = weighHost(weight(triggerOf(c.entry.trigger), c.entry.label), hit.evidence, hit.encoded);
      const pad = paddedPayload(c.command);
      ctx.report({
        file: c.file,
        at: locate(view.readText(c.file), c.line, hit.evidence),
        message: `${cap(hit.what)} — it ${triggerPhrase(c.entry, c.via)}${pad ? ` — hidden after ${pad.pad} blank characters` : ''}`,
        evidence: hit.evidence,
        decoded: hit.decoded,
        severity,
        confidence,
        iocs: urlIocs(`${hit.evidence} ${hit.decoded ?? ''}`),
      });
    }
    // Shell scripts an autorun entry runs (`bash scripts/setup.sh`, hook bodies): the fetch may sit one file deeper.
    for (const e of view.autorun) {
      for (const file of e.leadsTo) {
        if (!SHELL_FILE.test(file)) continue;
        const text = view.readText(file);
        if (!text || text.length > 1_000_000) continue;
        const lines = text.split('\n');
        let hits = 0;
        for (let i = 0; i < lines.length; i++) {
          const hit = downloadToShell(lines[i]!);
          if (!hit) continue;
          const key = `${file}\0${i + 1}\0${hit.evidence}`;
          if (reported.has(key)) continue;
          reported.add(key);
          hits++;
          const [severity, confidence] = weighHost(weight(triggerOf(e.trigger), e.label), hit.evidence, hit.encoded);
          ctx.report({
            file,
            at: locate(text, i + 1, hit.evidence),
            message: `${cap(hit.what)} — this script ${triggerPhrase(e)}`,
            evidence: hit.evidence,
            decoded: hit.decoded,
            severity,
            confidence,
            iocs: urlIocs(hit.evidence),
          });
        }
        // A download on one line and its run on the next (`curl -o /tmp/p URL`, `chmod +x /tmp/p`, `/tmp/p &`).
        if (hits) continue;
        const script = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).join(' ; ');
        const hit = downloadToShell(script);
        if (!hit) continue;
        const line = Math.max(0, lines.findIndex((l) => l.includes(hit.evidence.slice(0, 40).trim()))) + 1;
        const key = `${file}\0${line}\0${hit.evidence}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const [severity, confidence] = weighHost(weight(triggerOf(e.trigger), e.label), hit.evidence, hit.encoded);
        ctx.report({
          file,
          at: { line },
          message: `${cap(hit.what)} — this script ${triggerPhrase(e)}`,
          evidence: hit.evidence.replace(/ ; /g, '\n'),
          severity,
          confidence,
          iocs: urlIocs(hit.evidence),
        });
      }
    }
  },
});
