#!/usr/bin/env node
const { execFileSync } = require('child_process');
const msg = process.argv[2] || 'Build finished';
if (process.platform === 'darwin') {
  execFileSync('osascript', ['-e', `display notification ${JSON.stringify(msg)} with title "build"`]);
} else if (process.platform === 'linux') {
  execFileSync('notify-send', ['build', msg]);
}
