import { GIT_HOOK_NAMES, MapContext, baseName, dirOf, joinPath } from './common.js';
import { CommandFollower, leadsFrom } from './follow.js';
import { scriptBody } from './shell.js';

export interface GitConfigSetting {
  section: string;
  subsection?: string;
  key: string;
  value: string;
  offset: number;
}

/** Minimal git-config reader: `[section "sub"]` headers and `key = value` lines (continuations joined). */
export function parseGitConfig(text: string): GitConfigSetting[] {
  const out: GitConfigSetting[] = [];
  let section = '';
  let subsection: string | undefined;
  const re = /^[ \t]*(?:\[([A-Za-z0-9.-]+)(?:[ \t]+"((?:[^"\\]|\\.)*)")?\]|([A-Za-z][A-Za-z0-9-]*)[ \t]*(?:=[ \t]*((?:[^\n\\]|\\[^\n]|\\\n)*))?)/gm;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) {
      const dot = m[1].indexOf('.');
      section = (dot === -1 ? m[1] : m[1].slice(0, dot)).toLowerCase();
      subsection = m[2] ?? (dot === -1 ? undefined : m[1].slice(dot + 1));
      continue;
    }
    if (!section || m[3] === undefined) continue;
    let value = (m[4] ?? 'true').replace(/\\\n/g, '').trim();
    // Strip an inline comment outside quotes and the surrounding quotes.
    if (!value.startsWith('"')) value = value.replace(/[ \t]+[#;].*$/, '');
    value = value.replace(/^"([\s\S]*)"$/, '$1');
    out.push({ section, subsection, key: m[3].toLowerCase(), value, offset: m.index! });
  }
  return out;
}

/** Settings git runs as a command (or that make it run the tree's files) — the zipped-repo attack surface. */
export function executingSetting(s: GitConfigSetting): string | null {
  const k = `${s.section}.${s.key}`;
  const v = s.value;
  if (k === 'core.fsmonitor') return /^(?:true|false|yes|no|on|off|1|0)$/i.test(v) ? null : 'runs on every git status (editors call it on open)';
  if (k === 'core.hookspath') return 'points git hooks at a folder of the repository';
  if (k === 'core.sshcommand') return 'runs on every fetch/push/clone over ssh';
  if (k === 'core.pager' || k === 'pager.log' || k === 'pager.diff' || s.section === 'pager') return /^(?:less|more|cat|true|false|delta|diff-so-fancy)(?:\s|$)/.test(v) ? null : 'runs when git pages output';
  if (k === 'core.editor' || k === 'sequence.editor') return /^(?:vim?|nano|emacs|code --wait|subl -w|notepad)(?:\s|$)/.test(v) ? null : 'runs when git opens an editor';
  if (k === 'core.askpass' || k === 'credential.helper') return /^(?:store|cache|osxkeychain|manager(?:-core)?|wincred|libsecret)(?:\s|$)/.test(v) ? null : 'runs when git needs credentials';
  if (k === 'core.gitproxy') return 'runs on git:// fetches';
  // git-lfs installs its filter into every working copy that uses it.
  if (s.section === 'filter' && /^git[- ]lfs (?:clean|smudge|filter-process)\b/.test(v)) return null;
  if (s.section === 'filter' && ['clean', 'smudge', 'process'].includes(s.key)) return `filter driver "${s.subsection ?? ''}" runs on checkout/add of matching files`;
  if (s.section === 'diff' && (s.key === 'textconv' || s.key === 'command')) return `diff driver "${s.subsection ?? ''}" runs on git diff/log`;
  if (s.section === 'merge' && s.key === 'driver') return `merge driver "${s.subsection ?? ''}" runs on merges`;
  if (s.section === 'alias' && v.startsWith('!')) return 'shell alias';
  if (s.section === 'uploadpack' && s.key === 'packobjectshook') return 'runs on fetch from this repo';
  if (k === 'core.worktree' || k === 'include.path' || k === 'includeif.path' || s.section === 'includeif') return 'loads configuration from elsewhere';
  return null;
}

export function collectGit(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    const m = /^(.*?)(?:^|\/)\.git\/(config|hooks\/[^/]+)$/.exec(f.path);
    if (!m) continue;
    const repo = m[1] ?? '';
    if (m[2] === 'config') {
      const text = ctx.read(f.path);
      if (!text) continue;
      const attrs = ctx.read(repo ? `${repo}/.gitattributes` : '.gitattributes') ?? '';
      for (const s of parseGitConfig(text)) {
        const why = executingSetting(s);
        if (!why) continue;
        let note = why;
        if (s.section === 'filter' || s.section === 'diff' || s.section === 'merge') {
          const re = new RegExp(`\\b${s.section}=${(s.subsection ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
          const patterns = attrs.split('\n').filter((l) => re.test(l)).map((l) => l.trim().split(/\s+/)[0]);
          if (patterns.length) note += `; .gitattributes applies it to ${patterns.slice(0, 5).join(', ')}`;
        }
        const fol = new CommandFollower(ctx).follow(s.value.replace(/^!/, ''), repo);
        const refs = [...fol.out.files];
        if (s.key === 'hookspath') {
          const hooks = joinPath(repo, s.value);
          if (hooks !== null) for (const h of ctx.view.files) if (dirOf(h.path) === hooks) refs.push(h.path);
        }
        const name = `${s.section}${s.subsection !== undefined ? `.${s.subsection}` : ''}.${s.key}`;
        ctx.add({ trigger: 'git', command: s.value, file: f.path, line: ctx.lineAt(f.path, s.offset), leadsTo: leadsFrom(ctx, refs), label: `${name} (${note})` });
      }
    } else {
      const name = baseName(f.path);
      if (name.endsWith('.sample')) continue;
      const text = ctx.read(f.path) ?? '';
      const body = scriptBody(text);
      const fol = new CommandFollower(ctx).follow(body.command, repo);
      ctx.add({ trigger: 'git', command: body.command, file: f.path, line: body.line, leadsTo: leadsFrom(ctx, [f.path, ...fol.out.files]), label: `git hook ${name}` });
    }
  }
  scriptHooksPath(ctx);
}

const SET_HOOKS_PATH = /\bgit\s+(?:-C\s+\S+\s+)?config\s+(?:--(?:local|worktree)\s+)?core\.hooks[Pp]ath\s+(['"]?)([^\s'"&;|]+)\1/g;

/**
 * `"prepare": "git config core.hooksPath .githooks"`: npm install points git at a folder of the repository, so its
 * hook files run on the next checkout/commit/merge as if they sat in .git/hooks. (.husky is mapped by its own reader.)
 */
function scriptHooksPath(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    if (baseName(f.path) !== 'package.json' || f.path.includes('node_modules/')) continue;
    const text = ctx.read(f.path);
    if (!text || !/hooks[Pp]ath/.test(text)) continue;
    const root = dirOf(f.path);
    for (const m of text.matchAll(SET_HOOKS_PATH)) {
      const dir = joinPath(root, m[2]!);
      if (dir === null || /(?:^|\/)\.husky(?:\/|$)/.test(dir)) continue;
      for (const h of ctx.view.files) {
        if (dirOf(h.path) !== dir || !GIT_HOOK_NAMES.has(baseName(h.path))) continue;
        const body = scriptBody(ctx.read(h.path) ?? '');
        if (!body.command) continue;
        const fol = new CommandFollower(ctx).follow(body.command, root);
        ctx.add({ trigger: 'git', command: body.command, file: h.path, line: body.line, leadsTo: leadsFrom(ctx, [h.path, ...fol.out.files]), label: `git hook ${baseName(h.path)} (core.hooksPath ${m[2]} set by ${f.path})` });
      }
    }
  }
}
