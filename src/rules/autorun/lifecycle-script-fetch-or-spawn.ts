import type { Confidence, Severity } from '../../core/finding.js';
import { defineRule, type RuleContext } from '../../core/rule.js';
import { dirOf } from '../../analyzers/autorun/common.js';
import { CommandFollower, packageAt } from '../../analyzers/autorun/follow.js';
import { programName, splitCommands, stripWrappers, tokenize } from '../../analyzers/autorun/shell.js';
import { downloadToShell, locate, mapContext, urlIocs } from './_shapes.js';

interface Hit {
  severity: Severity;
  confidence: Confidence;
  what: string;
  evidence: string;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
/** Scripts that start the application: reaching one from an install hook runs the app (and its backend) on `npm i`. */
const APP_SCRIPTS = /^(?:start|dev|develop|serve|server|preview|watch|client|backend|api|start:.*|dev:.*|serve:.*)$/;
const SERVER_FILE = /(?:^|\/)(?:server|app|backend|api|www|main|bootstrap)(?:\/|\.[cm]?[jt]s$|$)|(?:^|\/)(?:server|backend|api)\//i;
const FETCHERS = new Set(['curl', 'wget', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod', 'certutil', 'bitsadmin', 'nc', 'ncat', 'netcat', 'ftp', 'tftp', 'scp', 'aria2c']);
const DNS = new Set(['nslookup', 'dig', 'host', 'ping']);
const HOST_SUBST = /`[^`]*`|\$\([^)]*\)|%(?:USERNAME|COMPUTERNAME|USERDOMAIN)%|\$(?:HOSTNAME|USER|HOME)\b/i;
const SHELL_C = new Set(['sh', 'bash', 'zsh', 'dash']);
const WIN_SHELL = new Set(['powershell', 'pwsh', 'cmd', 'osascript', 'mshta', 'wscript', 'cscript', 'rundll32', 'regsvr32']);
const RISKY_INLINE = /https?:|require\(\s*['"`](?:node:)?(?:https?|net|tls|dgram|dns|child_process)['"`]|child_process|\bexec(?:Sync)?\(|\bspawn(?:Sync)?\(|\beval\(|Function\s*\(|Buffer\.from|atob\(|\bfetch\(|os\.homedir/;

/** Inline install-time code that both reaches the network and runs a string or a process: a downloader, never a build step. */
const INLINE_NET = /https?:\/\/|require\(\s*['"`](?:node:)?(?:https?|net|tls)['"`]|\bfetch\(|\baxios\b|urlopen|requests\.(?:get|post)/;
const INLINE_RUN = /\beval\s*\(|\bFunction\s*\(|\bexec(?:Sync)?\s*\(|\bspawn(?:Sync)?\s*\(|runInThisContext|_compile\s*\(|\bexec\s*\(/;

function worse(a: Hit | null, b: Hit): Hit {
  return !a || RANK[b.severity] > RANK[a.severity] || (RANK[b.severity] === RANK[a.severity] && b.confidence === 'high' && a.confidence !== 'high') ? b : a;
}

/** Classifies one simple command of an install-time chain. */
function classify(raw: string, via: string | undefined, vendored: boolean): Hit | null {
  const argv = stripWrappers(tokenize(raw));
  if (!argv.length) return null;
  const prog = programName(argv[0]!);
  const args = argv.slice(1);
  const evidence = raw.trim();
  if (FETCHERS.has(prog)) return { severity: 'high', confidence: 'high', what: `fetches from the network (${prog})`, evidence };
  if (DNS.has(prog) && HOST_SUBST.test(raw)) return { severity: 'high', confidence: 'high', what: 'sends host details out in a DNS lookup', evidence };
  if (WIN_SHELL.has(prog)) return { severity: 'high', confidence: 'medium', what: `spawns ${prog}`, evidence };
  if (SHELL_C.has(prog) && args.includes('-c')) return { severity: 'medium', confidence: 'medium', what: `spawns a shell (${prog} -c)`, evidence };
  if ((prog === 'node' || prog === 'bun' || /^python/.test(prog)) && args.some((a) => a === '-e' || a === '--eval' || a === '-c' || a === '-p')) {
    const code = args.slice(args.findIndex((a) => /^(?:-e|--eval|-c|-p)$/.test(a)) + 1).join(' ');
    if (INLINE_NET.test(code) && INLINE_RUN.test(code)) return { severity: 'critical', confidence: 'high', what: 'runs inline code that downloads and executes code', evidence };
    return RISKY_INLINE.test(code) ? { severity: 'high', confidence: 'medium', what: 'runs inline code that reaches the network, a process or eval', evidence } : null;
  }
  if (['nodemon', 'pm2', 'forever', 'concurrently', 'http-server', 'live-server', 'serve', 'electron', 'webpack-dev-server'].includes(prog)) {
    return { severity: 'high', confidence: 'high', what: `starts a long-running process (${prog})`, evidence };
  }
  const sub = args.find((a) => !a.startsWith('-'));
  if ((prog === 'vite' && (sub === undefined || sub === 'dev' || sub === 'serve' || sub === 'preview')) || (['next', 'nuxt', 'nuxi', 'astro', 'gatsby', 'remix'].includes(prog) && (sub === 'dev' || sub === 'start' || sub === 'develop')) || (['react-scripts', 'craco', 'vue-cli-service', 'webpack'].includes(prog) && (sub === 'start' || sub === 'serve'))) {
    return { severity: 'high', confidence: 'high', what: `starts the application's dev server (${prog}${sub ? ` ${sub}` : ''})`, evidence };
  }
  if (['node', 'nodejs', 'ts-node', 'tsx', 'bun', 'babel-node'].includes(prog)) {
    const file = args.find((a) => !a.startsWith('-'));
    if (file && SERVER_FILE.test(file.replace(/\\/g, '/')) && !/(?:^|\/)(?:scripts?|tools|install)\//.test(file)) {
      return { severity: 'high', confidence: 'high', what: `starts the application (${prog} ${file})`, evidence };
    }
    if (!vendored && file && !via) return { severity: 'low', confidence: 'low', what: `runs ${file} from the package`, evidence };
    return null;
  }
  if ((prog === 'npm' || prog === 'pnpm' || prog === 'yarn' || prog === 'bun') && /^(?:i|install|add)$/.test(args[0] ?? '')) {
    const named = args.slice(1).filter((a) => !a.startsWith('-'));
    if (named.length) return { severity: 'medium', confidence: 'medium', what: `installs ${named.join(', ')} while being installed`, evidence };
  }
  return null;
}

/** `.npmrc` lines that make every npm script and install run something of the repository's choosing. */
function npmrc(ctx: RuleContext, text: string | null, file: string, line: number, command: string, leadsTo: string[]): void {
  const key = command.slice(0, command.indexOf('=')).trim().toLowerCase();
  const value = command.slice(command.indexOf('=') + 1).trim();
  let what: string | null = null;
  if (key === 'node-options') what = `makes every node that npm starts preload ${leadsTo[0] ?? value}`;
  else if ((key === 'script-shell' || key === 'shell') && (leadsTo.length || /[|;&]|\.(?:js|sh|ps1)\b/.test(value))) what = `replaces the shell npm runs scripts with by ${leadsTo[0] ?? value}`;
  else if (key === 'onload-script' || key === 'init-module') what = `makes npm load ${leadsTo[0] ?? value}`;
  if (!what) return;
  ctx.report({ file, at: locate(text, line, command), message: `.npmrc ${what}, for install and every npm run`, evidence: command, severity: 'high', confidence: leadsTo.length ? 'high' : 'medium' });
}

export default defineRule({
  id: 'lifecycle-script-fetch-or-spawn',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'high',
    confidence: 'high',
    summary: 'An install script (preinstall/install/postinstall/prepare) fetches, spawns a shell, or starts the application; or .npmrc preloads repository code',
    why: 'A lure makes `npm install` enough: `postinstall: npm run dev` starts the backend that fetches the payload; malicious packages run `curl`, `powershell`, `node x.js &` or leak the host name through `nslookup` at install.',
    fix: 'Install with `npm install --ignore-scripts` (or not at all) and read the scripts the install would run before anything else.',
    falsePositives: 'Native builds (node-gyp rebuild, prebuild-install), husky install, prisma generate, patch-package, tsc and plain `npm run build` chains, esbuild/sharp `node install.js` are not flagged; a root package running its own node script is reported at low only.',
    references: ['https://docs.npmjs.com/cli/v10/using-npm/scripts#life-cycle-scripts', 'https://attack.mitre.org/techniques/T1195/002/', 'CWE-506'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const map = mapContext(view);
    for (const e of view.autorun) {
      if (e.trigger === 'npm-install' && e.label?.startsWith('.npmrc')) {
        npmrc(ctx, view.readText(e.file), e.file, e.line, e.command, e.leadsTo);
        continue;
      }
      if (e.trigger !== 'npm-install' || !e.label?.startsWith('scripts.') || !e.file.endsWith('package.json')) continue;
      const dir = dirOf(e.file);
      const vendored = e.file.includes('node_modules/');
      const chain: Array<{ command: string; via?: string }> = [{ command: e.command }];
      const f = new CommandFollower(map);
      f.out.scripts.push(`${dir}|${e.label.slice('scripts.'.length)}`);
      f.follow(e.command, dir);
      let appVia: string | undefined;
      for (const key of f.out.scripts.slice(1)) {
        const bar = key.lastIndexOf('|');
        const name = key.slice(bar + 1);
        const s = packageAt(map, key.slice(0, bar))?.scripts.get(name);
        if (s) chain.push({ command: s.command, via: name });
        if (APP_SCRIPTS.test(name)) appVia ??= name;
      }
      let hit: Hit | null = null;
      for (const c of chain) {
        if (downloadToShell(c.command)) continue; // autorun-pipes-download-to-shell reports it, at critical.
        for (const simple of splitCommands(c.command)) {
          const h = classify(simple, c.via, vendored);
          if (h) hit = worse(hit, { ...h, what: c.via ? `${h.what}, via script "${c.via}"` : h.what });
        }
        // A single `&` leaves the process running after npm returns.
        if (/[^&>]&\s*$|[^&>]&\s*[^&\s>]/.test(c.command.replace(/&&/g, ' ').replace(/[0-9]?>&[0-9]/g, ' '))) {
          hit = worse(hit, { severity: 'high', confidence: 'medium', what: `leaves a process running in the background${c.via ? `, via script "${c.via}"` : ''}`, evidence: c.command.trim() });
        }
      }
      if (appVia && (!hit || RANK[hit.severity] < RANK.high)) {
        hit = { severity: 'high', confidence: 'high', what: `starts the application on install (script "${appVia}")`, evidence: e.command.trim() };
      }
      if (!hit) continue;
      const name = e.label.slice('scripts.'.length);
      ctx.report({
        file: e.file,
        at: locate(view.readText(e.file), e.line, e.command),
        message: `"${name}" runs on npm install${vendored ? ' of this vendored dependency' : ''} and ${hit.what}`,
        evidence: hit.evidence === e.command.trim() ? hit.evidence : `${e.command.trim()} → ${hit.evidence}`,
        severity: hit.severity,
        confidence: hit.confidence,
        iocs: urlIocs(hit.evidence),
      });
    }
  },
});
