const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseConfig } = require('../lib/parse');

test('parses Host blocks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sshpick-'));
  const cfg = path.join(dir, 'config');
  fs.writeFileSync(cfg, 'Host web\n  HostName 192.0.2.10\n  User deploy\nHost *\n  ServerAliveInterval 30\n');
  const hosts = parseConfig(cfg);
  assert.strictEqual(hosts[0].options.hostname, '192.0.2.10');
  assert.deepStrictEqual(hosts[1].patterns, ['*']);
});
