#!/usr/bin/env node
/* eslint-disable */
// yarn 4.1.0 (release bundle, trimmed for the fixture)
const path = require('path');
const { spawnSync } = require('child_process');
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'cli', 'run.cjs'), ...args], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
