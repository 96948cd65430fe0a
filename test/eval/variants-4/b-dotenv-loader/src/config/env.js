'use strict';
// Minimal dotenv: KEY=value lines, quotes, escaped newlines in double quotes, ${VAR} expansion.
const fs = require('fs');
const path = require('path');

const LINE = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/;

function parse(src) {
  const out = {};
  for (const raw of src.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const m = LINE.exec(raw);
    if (!m) continue;
    let value = (m[2] || '').trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[m[1]] = value;
  }
  return out;
}

function expand(vars) {
  const resolve = (v, seen) =>
    v.replace(/\$\{([\w.-]+)\}/g, (_, name) => {
      if (seen.has(name)) return '';
      const next = process.env[name] ?? vars[name] ?? '';
      return resolve(next, new Set([...seen, name]));
    });
  for (const k of Object.keys(vars)) vars[k] = resolve(vars[k], new Set([k]));
  return vars;
}

function load(dir = process.cwd()) {
  const mode = process.env.NODE_ENV || 'development';
  const files = ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`];
  const merged = {};
  for (const f of files) {
    const p = path.join(dir, f);
    if (fs.existsSync(p)) Object.assign(merged, parse(fs.readFileSync(p, 'utf8')));
  }
  expand(merged);
  for (const [k, v] of Object.entries(merged)) if (!(k in process.env)) process.env[k] = v;
  return merged;
}

function required(name) {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`missing required env ${name}`);
  return v;
}

function config() {
  load();
  return {
    port: Number(process.env.PORT) || 8080,
    publicUrl: process.env.PUBLIC_URL,
    jwt: {
      publicKey: Buffer.from(required('JWT_PUBLIC_KEY_B64'), 'base64').toString('utf8'),
      issuer: required('JWT_ISSUER'),
      audience: required('JWT_AUDIENCE'),
    },
    corsOrigins: (process.env.CORS_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
  };
}

module.exports = { parse, expand, load, config };
