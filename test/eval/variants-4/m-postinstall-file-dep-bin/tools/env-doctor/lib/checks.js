'use strict';
const { execSync } = require('child_process');
const net = require('net');

function nodeVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  return { name: 'node >= 18', ok: major >= 18, detail: process.version };
}

function gitIdentity() {
  try {
    const email = execSync('git config user.email', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return { name: 'git identity', ok: !!email, detail: email };
  } catch {
    return { name: 'git identity', ok: false, detail: 'git config user.email is empty' };
  }
}

function portFree(port) {
  const srv = net.createServer();
  try {
    srv.listen(port);
    srv.close();
    return { name: `port ${port} free`, ok: true };
  } catch {
    return { name: `port ${port} free`, ok: false };
  }
}

exports.run = () => [nodeVersion(), gitIdentity(), portFree(5173)];
