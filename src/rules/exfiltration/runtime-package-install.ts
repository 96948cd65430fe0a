import { defineRule } from '../../core/rule.js';
import { argText, jsFacts, processLaunches } from '../stealing/_js-facts.js';
import { clip } from '../stealing/_iocs.js';

// The package manager must be the command (start of the command or after a separator), not a path segment.
const NPM_INSTALL = /(?:^|[;&|]\s*)(?:npm|pnpm|yarn|bun)(?:\.cmd)?\s+(?:--?\S+\s+)*(?:install|i|add)\b/;
const PIP_INSTALL = /(?:^|[;&|]\s*)(?:pip3?|python3?\s+-m\s+pip|py\s+-m\s+pip)(?:\.exe)?\s+(?:--?\S+\s+)*install\b/;
const QUIET = /--loglevel[ =]silent|--silent\b|(?:^|\s)-s(?:\s|$)|--quiet\b|(?:^|\s)-q(?:\s|$)|--no-save\b|--no-audit|--no-progress|>\s*\/dev\/null|2>&1|\bstdio:\s*['"]ignore/;
// What RAT loaders pull in at runtime to talk home or read browser databases.
const RAT_DEPS = /\b(?:socket\.io-client|axios|request|node-fetch|form-data|sqlite3|better-sqlite3|node-machine-id|clipboardy|ws|requests|pycryptodome|pyzipper|browser_cookie3)\b/;

export default defineRule({
  id: 'runtime-package-install',
  meta: {
    kind: 'threat',
    category: 'exfiltration',
    severity: 'high',
    confidence: 'medium',
    summary: 'Installs packages at run time from code (silent npm install socket.io-client, pip install)',
    why: 'Lure payloads keep package.json clean and install their RAT client when they run: `npm install socket.io-client axios --loglevel silent` in a temp or home folder, or `pip install requests` before launching an InvisibleFerret stage.',
    fix: 'Do not run the project. Check the listed packages and where they were installed (home or temp folder).',
    falsePositives: 'Scaffolding CLIs (create-*) and build tools run `npm install` on purpose, visibly: a plain install is low. Silenced installs of network/database client packages are high.',
    references: ['https://attack.mitre.org/techniques/T1105/', 'https://www.esentire.com/blog/bored-beavertail-invisibleferret-yacht-club-a-lazarus-lure-pt-2'],
    status: 'stable',
  },
  input: 'js-ast',
  prefilter: /\binstall\b|\bnpm\b|\bpip3?\b|_0x[0-9a-f]{4}|fromCharCode|base64/,
  check(ctx, js) {
    const f = jsFacts(js);
    let n = 0;
    for (const c of processLaunches(f)) {
      const cmd = argText(f, c).trimStart();
      const npm = NPM_INSTALL.test(cmd);
      const pip = PIP_INSTALL.test(cmd);
      if (!npm && !pip) continue;
      const quiet = QUIET.test(cmd) || /windowsHide|stdio\s*:\s*['"]ignore|detached/.test(js.text.slice(c.node.start, c.node.end));
      const rat = RAT_DEPS.exec(cmd);
      const [severity, confidence] = quiet && rat ? (['high', 'high'] as const) : rat || pip ? (['medium', 'low'] as const) : (['low', 'low'] as const);
      ctx.report({
        at: { node: c.node },
        message: `${pip ? 'pip' : 'npm'} install run from code${rat ? ` (pulls ${rat[0]})` : ''}${quiet ? ', silenced' : ''}`,
        evidence: clip(js.text.slice(c.node.start, Math.min(c.node.end, c.node.start + 240))),
        decoded: cmd !== js.text.slice(c.node.start, c.node.end) ? clip(cmd, 300) : undefined,
        severity,
        confidence,
      });
      if (++n >= 3) break;
    }
  },
});
