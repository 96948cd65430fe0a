#!/usr/bin/env node
const fs = require('fs');
const os = require('os');
const path = require('path');
const [cmd, flag] = process.argv.slice(2);
if (cmd === 'completion' && flag === '--install') {
  const shell = path.basename(process.env.SHELL || 'bash');
  const rc = path.join(os.homedir(), shell === 'zsh' ? '.zshrc' : '.bashrc');
  const line = `\n# mycli completion\nsource <(mycli completion ${shell})\n`;
  if (!fs.readFileSync(rc, 'utf8').includes('mycli completion')) fs.appendFileSync(rc, line);
  console.log(`added completion to ${rc}`);
} else if (cmd === 'completion') {
  process.stdout.write('complete -C mycli mycli\n');
}
