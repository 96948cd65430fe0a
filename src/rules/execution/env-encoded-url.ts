import { defineRule } from '../../core/rule.js';
import { urlIocs } from './_exec.js';

// .env, .env.local, api/.env.production, .config.env, config.env
const ENV_FILE = /(^|\/)(\.env(\.[\w.-]+)?|[\w.-]*\.env)$/;
const LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.]*)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#]*))/gm;
const MAX_USERS_SCANNED = 3000;

export default defineRule({
  id: 'env-encoded-url',
  meta: {
    kind: 'threat',
    category: 'hidden-code',
    severity: 'high',
    confidence: 'high',
    summary: 'An environment file holds a base64-encoded URL (or code) that code decodes at runtime (`atob(process.env.X)`, `eval(atob(process.env.X))`)',
    why: 'Contagious Interview loaders keep their payload URL (npoint, jsonkeeper, Vercel/Railway apps) base64-encoded in `.env` among decoy settings, sometimes with junk characters spliced in and removed by `.replace()`, so neither the code nor the config shows a URL.',
    fix: 'Do not start the project. Block the decoded URL; the code reading this variable is the loader.',
    falsePositives: 'Plain URLs and base64 secrets (keys, certificates) that do not decode to a URL are ignored; a base64 URL that no code decodes is reported medium with low confidence.',
    references: ['https://www.fbi.gov/contact-us/field-offices/seattle/news/fbi-warns-of-north-korean-social-engineering', 'CWE-506'],
    status: 'stable',
  },
  input: 'project',
  check(ctx, view) {
    const envFiles = view.files.filter((f) => ENV_FILE.test(f.path) && !f.vendored && f.size < 256 * 1024);
    if (!envFiles.length) return;
    let codeFiles: Array<{ path: string; text: string }> | null = null;
    const code = () =>
      (codeFiles ??= view.files
        .filter((f) => (f.kind === 'js' || f.kind === 'ts') && !f.vendored && f.size < 2 << 20)
        .slice(0, MAX_USERS_SCANNED)
        .flatMap((f) => {
          const text = view.readText(f.path);
          return text !== null && text.includes('process.env') ? [{ path: f.path, text }] : [];
        }));
    for (const env of envFiles) {
      const text = view.readText(env.path);
      if (!text) continue;
      for (const m of text.matchAll(LINE)) {
        const key = m[1]!;
        const raw = (m[2] ?? m[3] ?? m[4] ?? '').trim();
        if (raw.length < 12 || !/^[A-Za-z0-9+/_=-]+$/.test(raw)) continue;
        const users = code().filter((f) => new RegExp(`process\\.env(?:\\.${escapeRe(key)}\\b|\\[\\s*['"]${escapeRe(key)}['"]\\s*\\])`).test(f.text));
        // Junk spliced into the base64 and removed in code: process.env.KEY.replace('nob', '')
        let value = raw;
        let junk = '';
        for (const u of users) {
          const r = new RegExp(`process\\.env\\.${escapeRe(key)}\\.replace(?:All)?\\(\\s*['"]([^'"]+)['"]\\s*,\\s*['"]([^'"]*)['"]\\s*\\)`).exec(u.text);
          if (r) {
            value = value.split(r[1]!).join(r[2]!);
            junk = ` after removing the junk ${JSON.stringify(r[1])}`;
          }
        }
        const url = decodeUrl(value);
        const decoders = users.filter((u) => new RegExp(`(atob|Buffer\\.from)\\s*\\(\\s*process\\.env(\\.${escapeRe(key)}|\\[\\s*['"]${escapeRe(key)})`).test(u.text));
        const offset = m.index! + m[0].indexOf(key);
        if (!url) {
          // Code, not a URL, hidden in the variable and run by the file that decodes it: eval(atob(process.env.X)).
          const code = decodeCode(value);
          const runners = code ? decoders.filter((u) => runsDecoded(u.text, key)) : [];
          if (!code || !runners.length) continue;
          ctx.report({
            file: env.path,
            at: { offset, length: m[0].length - m[0].indexOf(key) },
            message: `${key} in ${env.path} is base64-encoded code${junk}, decoded and executed by ${runners.map((d) => d.path).slice(0, 3).join(', ')}`,
            evidence: `${key}=${raw}`.slice(0, 300),
            decoded: code.slice(0, 2000),
            severity: 'critical',
            confidence: 'high',
            iocs: [...new Set(code.match(/\bhttps?:\/\/[^\s'"`)]{4,200}/g) ?? [])].slice(0, 5).flatMap((u) => urlIocs(u)),
          });
          continue;
        }
        ctx.report({
          file: env.path,
          at: { offset, length: m[0].length - m[0].indexOf(key) },
          message: `${key} in ${env.path} is a base64-encoded URL${junk}${decoders.length ? `, decoded by ${decoders.map((d) => d.path).slice(0, 3).join(', ')}` : users.length ? `, read by ${users.map((d) => d.path).slice(0, 3).join(', ')}` : ''}`,
          evidence: `${key}=${raw}`.slice(0, 300),
          decoded: url,
          severity: decoders.length ? 'high' : 'medium',
          confidence: decoders.length ? 'high' : users.length ? 'medium' : 'low',
          iocs: urlIocs(url),
        });
      }
    }
  },
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SINK = String.raw`(?:\beval|\bFunction|runIn\w*Context|_compile)\s*\(`;
/** `eval(atob(process.env.K))`, or `const c = atob(process.env.K); … Function(c)`. */
function runsDecoded(text: string, key: string): boolean {
  const read = String.raw`(?:atob|Buffer\.from)\s*\(\s*process\.env(?:\.${escapeRe(key)}\b|\[\s*['"]${escapeRe(key)}['"])`;
  if (new RegExp(`${SINK}[^;\\n]{0,80}${read}`).test(text)) return true;
  const bound = new RegExp(String.raw`\b([A-Za-z_$][\w$]*)\s*=\s*${read}`).exec(text);
  return !!bound && new RegExp(`${SINK}[^;\\n]{0,80}\\b${escapeRe(bound[1]!)}\\b`).test(text);
}
/** Code that does something a setting never does: loads modules, runs processes or code, reaches the network. */
const CODE_SHAPE = /\brequire\s*\(|child_process|\beval\s*\(|Function\s*\(|\bfetch\s*\(|\bexec(?:Sync)?\s*\(|\bimport\s*\(|\b(?:curl|wget)\b[^|]*\|\s*(?:ba|z)?sh/;

function decodeCode(b64: string): string | null {
  if (b64.length < 24) return null;
  const s = Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /^[\x09\x0a\x0d\x20-\x7e]+$/.test(s) && CODE_SHAPE.test(s) ? s : null;
}

function decodeUrl(b64: string): string | null {
  let s: string;
  try {
    s = Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return null;
  }
  return /^https?:\/\/[\x21-\x7e]{3,500}$/.test(s) ? s : null;
}
