'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function expandHome(p) {
  return p.startsWith('~') ? path.join(os.homedir(), p.slice(1)) : p;
}

function globFiles(pattern, baseDir) {
  const abs = path.isAbsolute(expandHome(pattern)) ? expandHome(pattern) : path.join(baseDir, pattern);
  if (!abs.includes('*')) return fs.existsSync(abs) ? [abs] : [];
  const dir = path.dirname(abs);
  const re = new RegExp('^' + path.basename(abs).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f)) : [];
}

function parseConfig(file = path.join(os.homedir(), '.ssh', 'config'), seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(file)) return [];
  seen.add(file);
  const hosts = [];
  let current = null;
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const m = /^(\S+)\s*=?\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].replace(/^"(.*)"$/, '$1');
    if (key === 'include') {
      for (const inc of value.split(/\s+/)) {
        for (const f of globFiles(inc, path.join(os.homedir(), '.ssh'))) hosts.push(...parseConfig(f, seen));
      }
    } else if (key === 'host') {
      current = { patterns: value.split(/\s+/), options: {}, source: file };
      hosts.push(current);
    } else if (current) {
      current.options[key] = value;
    }
  }
  return hosts;
}

function knownHosts(file = path.join(os.homedir(), '.ssh', 'known_hosts')) {
  const names = new Set();
  if (!fs.existsSync(file)) return names;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const first = line.split(' ')[0];
    if (first && !first.startsWith('|')) for (const n of first.split(',')) names.add(n.replace(/^\[|\]:\d+$/g, ''));
  }
  return names;
}

function listHosts() {
  const known = knownHosts();
  return parseConfig()
    .flatMap((h) => h.patterns.filter((p) => !/[*?!]/.test(p)).map((alias) => ({ alias, ...h.options })))
    .map((h) => ({ ...h, known: known.has(h.hostname || h.alias) }));
}

module.exports = { parseConfig, knownHosts, listHosts };
