/** Python manifests and lockfiles: requirements*.txt, Pipfile.lock, poetry.lock, uv.lock, pyproject.toml. */
import { parse as parseToml } from 'smol-toml';
import type { DepEntry } from './types.js';

/** PEP 503 normal form. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const PYPI_INDEX = /^https:\/\/(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)\//;

/** A PEP 508 requirement: "name[extra] >=1.0; marker", "name @ https://…", "git+https://…#egg=name". */
export function parseRequirement(line: string): { name: string; spec: string; source: DepEntry['source']; resolved?: string } | null {
  const s = line.trim();
  if (!s) return null;
  const vcs = /^(?:-e\s+)?((?:git|hg|svn|bzr)\+\S+)/.exec(s);
  if (vcs) {
    const egg = /[#&]egg=([\w.-]+)/.exec(vcs[1]!)?.[1] ?? vcs[1]!.replace(/\.git$|[#@].*$/g, '').split('/').pop()!.replace(/\.git$/, '');
    return { name: egg, spec: vcs[1]!, source: 'git', resolved: vcs[1] };
  }
  if (/^(?:-e\s+)?(?:\.{0,2}\/|file:)/.test(s)) return { name: s.replace(/^-e\s+/, ''), spec: s, source: 'file' };
  const url = /^(?:-e\s+)?(https?:\/\/\S+)/.exec(s);
  if (url) {
    const egg = /[#&]egg=([\w.-]+)/.exec(url[1]!)?.[1] ?? (url[1]!.split('/').pop() ?? '').replace(/-\d.*$/, '');
    return { name: egg, spec: url[1]!, source: PYPI_INDEX.test(url[1]!) ? 'registry' : 'url', resolved: url[1] };
  }
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(s);
  if (!m) return null;
  const rest = m[3]!.split(';')[0]!.trim();
  const at = /^@\s*(\S+)/.exec(rest);
  if (at) {
    const target = at[1]!;
    const source: DepEntry['source'] = /^(?:git|hg|svn|bzr)\+/.test(target) ? 'git' : /^file:/.test(target) ? 'file' : PYPI_INDEX.test(target) ? 'registry' : 'url';
    return { name: m[1]!, spec: target, source, resolved: target };
  }
  return { name: m[1]!, spec: rest, source: 'registry' };
}

export function readRequirements(file: string, text: string): DepEntry[] {
  const out: DepEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!.trim();
    if (!line) continue;
    // Index options: an extra index is where dependency confusion starts.
    const idx = /^(--(?:extra-)?index-url|-i|--find-links|-f)\s*=?\s*(\S+)/.exec(line);
    if (idx) {
      if (!PYPI_INDEX.test(idx[2]!)) out.push({ ecosystem: 'pypi', name: `(${idx[1]})`, spec: idx[2]!, resolved: idx[2], source: 'other-index', file, line: i + 1, direct: true });
      continue;
    }
    if (/^-(?:r|c)\s|^--(?:requirement|constraint)/.test(line) || (line.startsWith('-') && !line.startsWith('-e'))) continue;
    const r = parseRequirement(line.replace(/\s--hash=\S+/g, ''));
    if (r) out.push({ ecosystem: 'pypi', ...r, file, line: i + 1, direct: true });
  }
  return out;
}

export function readPipfileLock(file: string, text: string): DepEntry[] {
  const json = JSON.parse(text) as Record<string, any>;
  const out: DepEntry[] = [];
  for (const src of (json._meta?.sources ?? []) as Array<{ url?: string }>) {
    if (typeof src.url === 'string' && !PYPI_INDEX.test(src.url)) out.push({ ecosystem: 'pypi', name: '(source)', spec: src.url, resolved: src.url, source: 'other-index', file, needle: src.url, direct: true });
  }
  for (const section of ['default', 'develop']) {
    for (const [name, v] of Object.entries((json[section] ?? {}) as Record<string, any>)) {
      const git = typeof v?.git === 'string' ? v.git : undefined;
      const urlish = typeof v?.file === 'string' ? v.file : typeof v?.path === 'string' ? v.path : undefined;
      const source: DepEntry['source'] = git ? 'git' : urlish ? (/^https?:/.test(urlish) ? 'url' : 'file') : 'registry';
      out.push({ ecosystem: 'pypi', name, spec: String(v?.version ?? ''), resolved: git ?? urlish, source, file, needle: `"${name}"`, direct: false });
    }
  }
  return out;
}

/** poetry.lock and uv.lock: [[package]] tables with a `source`. */
export function readTomlLock(file: string, text: string): DepEntry[] {
  const doc = parseToml(text) as { package?: Array<Record<string, any>> };
  const out: DepEntry[] = [];
  for (const p of doc.package ?? []) {
    if (typeof p.name !== 'string') continue;
    const src = p.source;
    let source: DepEntry['source'] = 'registry';
    let resolved: string | undefined;
    if (src && typeof src === 'object') {
      // poetry: {type = "git"|"url"|"file"|"directory"|"legacy", url = …}; uv: {registry = …} | {git = …} | {url = …} | {path|directory|editable|virtual = …}
      const type = String(src.type ?? '');
      if (type === 'git' || typeof src.git === 'string') [source, resolved] = ['git', String(src.url ?? src.git)];
      else if (type === 'url' || typeof src.url === 'string' && type !== 'legacy') [source, resolved] = ['url', String(src.url)];
      else if (type === 'legacy' || (typeof src.registry === 'string' && !PYPI_INDEX.test(src.registry))) [source, resolved] = ['other-index', String(src.url ?? src.registry)];
      else if (type === 'file' || type === 'directory' || 'path' in src || 'directory' in src || 'editable' in src || 'virtual' in src) source = 'file';
      if (source === 'url' && resolved && PYPI_INDEX.test(resolved)) source = 'registry';
    }
    if (source === 'file') continue; // the project itself and its workspace members
    out.push({ ecosystem: 'pypi', name: p.name, spec: String(p.version ?? ''), resolved, source, file, needle: `name = "${p.name}"`, direct: false });
  }
  return out;
}

export function readPyproject(file: string, text: string): DepEntry[] {
  const doc = parseToml(text) as Record<string, any>;
  const out: DepEntry[] = [];
  const add = (req: string) => {
    const r = parseRequirement(req);
    if (r) out.push({ ecosystem: 'pypi', ...r, file, needle: req, direct: true });
  };
  for (const req of (doc.project?.dependencies ?? []) as unknown[]) if (typeof req === 'string') add(req);
  for (const group of Object.values((doc.project?.['optional-dependencies'] ?? {}) as Record<string, unknown[]>)) for (const req of group ?? []) if (typeof req === 'string') add(req);
  for (const req of (doc['build-system']?.requires ?? []) as unknown[]) if (typeof req === 'string') add(req);
  const poetry = doc.tool?.poetry;
  const tables = [poetry?.dependencies, poetry?.['dev-dependencies'], ...Object.values((poetry?.group ?? {}) as Record<string, any>).map((g) => g?.dependencies)];
  for (const table of tables) {
    for (const [name, v] of Object.entries((table ?? {}) as Record<string, any>)) {
      if (name === 'python') continue;
      const git = typeof v === 'object' && typeof v?.git === 'string' ? v.git : undefined;
      const url = typeof v === 'object' && typeof v?.url === 'string' ? v.url : undefined;
      const path = typeof v === 'object' && typeof v?.path === 'string' ? v.path : undefined;
      out.push({
        ecosystem: 'pypi', name, spec: typeof v === 'string' ? v : String(git ?? url ?? path ?? v?.version ?? ''),
        resolved: git ?? url, source: git ? 'git' : url ? 'url' : path ? 'file' : 'registry', file, needle: name, direct: true,
      });
    }
  }
  return out;
}
