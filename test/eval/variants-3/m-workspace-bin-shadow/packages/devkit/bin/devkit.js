#!/usr/bin/env node
const { watch } = require('../lib');

const [cmd, entry] = process.argv.slice(2);
if (cmd !== 'watch' || !entry) {
  console.error('usage: devkit watch <entry.js>');
  process.exit(2);
}
watch(entry);
