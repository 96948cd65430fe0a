#!/usr/bin/env node
'use strict';
const { spawn } = require('child_process');
const readline = require('readline');
const { listHosts } = require('../lib/parse');

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('-')) || '';
const hosts = listHosts().filter((h) => h.alias.includes(filter) || (h.hostname || '').includes(filter));

if (args.includes('--json')) {
  process.stdout.write(JSON.stringify(hosts, null, 2) + '\n');
  process.exit(0);
}

if (!hosts.length) {
  console.error('no matching hosts');
  process.exit(1);
}

hosts.forEach((h, i) => {
  const target = `${h.user ? h.user + '@' : ''}${h.hostname || h.alias}${h.port ? ':' + h.port : ''}`;
  console.log(`${String(i + 1).padStart(2)}  ${h.alias.padEnd(24)} ${target}${h.known ? '' : '  (host key not in known_hosts)'}`);
});

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question('connect to #: ', (answer) => {
  rl.close();
  const host = hosts[Number(answer) - 1];
  if (!host) process.exit(1);
  const child = spawn('ssh', [host.alias], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
});
