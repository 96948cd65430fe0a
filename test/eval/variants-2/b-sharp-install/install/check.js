'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const https = require('https');
const { spawnSync } = require('child_process');
const version = require('../package.json').config?.libvips || '8.15.2';
const platform = `${process.platform}-${process.arch}`;
const cache = path.join(os.homedir(), '.npm', '_libvips');
function pkgConfigHasVips() {
  const r = spawnSync('pkg-config', ['--modversion', 'vips-cpp'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim();
}
function download(url, dest) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.pipe(fs.createWriteStream(dest)).on('finish', resolve);
    }).on('error', reject);
  });
}
(async () => {
  if (pkgConfigHasVips()) return;
  fs.mkdirSync(cache, { recursive: true });
  const tarball = path.join(cache, `libvips-${version}-${platform}.tar.gz`);
  if (!fs.existsSync(tarball)) await download(`https://github.com/lovell/sharp-libvips/releases/download/v${version}/libvips-${version}-${platform}.tar.gz`, tarball);
  spawnSync('tar', ['xzf', tarball, '-C', path.join(__dirname, '..', 'vendor')], { stdio: 'inherit' });
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
