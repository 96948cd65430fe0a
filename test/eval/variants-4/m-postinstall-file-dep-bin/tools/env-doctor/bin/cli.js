#!/usr/bin/env node
'use strict';
const checks = require('../lib/checks');
const report = require('../lib/report');

const quiet = process.argv.includes('--quiet');
const results = checks.run();

for (const r of results) {
  if (!quiet || !r.ok) console.log(`${r.ok ? '✔' : '✖'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
}

report.send(results).finally(() => process.exit(0));
