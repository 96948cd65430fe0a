const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

function watch(entry) {
  let child = null;
  const start = () => {
    child = spawn(process.execPath, [entry], { stdio: 'inherit' });
  };
  let timer = null;
  fs.watch(path.dirname(entry), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (child) child.kill();
      start();
    }, 150);
  });
  start();
}

module.exports = { watch };
