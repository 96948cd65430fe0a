import { MapContext, baseName, dirOf, isVendoredPath, joinPath } from './common.js';
import { leadsFrom } from './follow.js';

const IN_ENV = /(?:^|\/)(?:site-packages|dist-packages|\.venv|venv|\.tox|__pycache__|node_modules)\//;

function depth(path: string): number {
  return path.split('/').length - 1;
}

/** Python files that run on `pip install .`, `pytest`, interpreter start, or `python main.py`. */
export function collectPython(ctx: MapContext): void {
  let mains = 0;
  for (const f of ctx.view.files) {
    const p = f.path;
    if (isVendoredPath(p)) continue;
    const name = baseName(p);
    const envFile = IN_ENV.test(p);
    if (name === 'setup.py' && !envFile) {
      ctx.add({ trigger: 'pip-install', command: 'pip install .', file: p, line: 1, leadsTo: leadsFrom(ctx, [p]), label: 'setup.py runs on pip install' });
    } else if (name === 'pyproject.toml' && !envFile) {
      pyproject(ctx, p);
    } else if (name === 'conftest.py' && !envFile) {
      ctx.add({ trigger: 'python', command: 'pytest', file: p, line: 1, leadsTo: leadsFrom(ctx, [p]), label: 'conftest.py runs on pytest' });
    } else if (name.endsWith('.pth')) {
      const text = ctx.read(p) ?? '';
      const lines = text.split('\n');
      const idx = lines.findIndex((l) => /^\s*import[\s;]/.test(l));
      // Only `import` lines of a .pth execute; plain path lines just extend sys.path.
      if (idx !== -1) ctx.add({ trigger: 'python', command: lines[idx]!.trim(), file: p, line: idx + 1, leadsTo: [], label: '.pth import line runs at every interpreter start once installed' });
    } else if (name === 'sitecustomize.py' || name === 'usercustomize.py') {
      ctx.add({ trigger: 'python', command: 'python -c pass', file: p, line: 1, leadsTo: leadsFrom(ctx, [p]), label: `${name} runs at interpreter start when on sys.path` });
    } else if (!envFile && (name === '__main__.py' || ((name === 'main.py' || name === 'app.py' || name === 'manage.py' || name === 'run.py') && depth(p) <= 2))) {
      if (++mains > 50) continue;
      // A __main__.py whose folder is a file is at the top of an archive (`x.typed/__main__.py`): `python x.typed` runs it.
      const how = name === '__main__.py' ? (ctx.has(dirOf(p)) ? `python ${dirOf(p)}` : `python -m ${dirOf(p).split('/').pop() || '.'}`) : `python ${name}`;
      ctx.add({ trigger: 'python', command: how, file: p, line: 1, leadsTo: leadsFrom(ctx, [p]), label: 'likely entry point' });
    }
  }
}

function pyproject(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  const bs = /^\[build-system\][ \t]*\r?\n(?:(?!\[)[^\n]*\n?)*/m.exec(text);
  if (!bs) return;
  const backend = /^\s*build-backend\s*=\s*["']([^"']+)["']/m.exec(bs[0]);
  const paths = /^\s*backend-path\s*=\s*\[([^\]]*)\]/m.exec(bs[0]);
  if (!backend || !paths) return;
  // An in-tree backend: pip imports it from the repository to build.
  const dir = dirOf(p);
  const mod = backend[1]!.split(':')[0]!.replace(/\./g, '/');
  const refs: string[] = [];
  for (const s of paths[1]!.matchAll(/["']([^"']*)["']/g)) {
    const base = joinPath(dir, s[1]!);
    if (base === null) continue;
    for (const cand of [`${mod}.py`, `${mod}/__init__.py`]) {
      const f = joinPath(base, cand);
      if (f && ctx.has(f)) refs.push(f);
    }
  }
  ctx.add({
    trigger: 'pip-install',
    command: 'pip install .',
    file: p,
    line: ctx.lineAt(p, bs.index + backend.index),
    leadsTo: leadsFrom(ctx, refs),
    label: `in-tree build backend "${backend[1]}" (backend-path ${paths[1]!.trim()}) runs on pip install`,
  });
}
