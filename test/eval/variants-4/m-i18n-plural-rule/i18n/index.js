'use strict';
// Tiny i18n: each locale JSON carries its CLDR plural rule as a JS expression of `n`.
const fs = require('fs');
const path = require('path');

const DIR = path.join(__dirname, '..', 'locales');
const catalogs = {};

function compilePlural(rule) {
  // eslint-disable-next-line no-new-func
  return new Function('n', 'return (' + rule + ');');
}

function init() {
  for (const file of fs.readdirSync(DIR)) {
    if (!file.endsWith('.json')) continue;
    const lang = path.basename(file, '.json');
    const data = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
    const plural = compilePlural(data._plural || 'n == 1 ? 0 : 1');
    plural(1); // validate the rule once
    catalogs[lang] = { ...data, plural };
  }
  return Object.keys(catalogs);
}

function t(lang, key, vars = {}) {
  const cat = catalogs[lang] || catalogs.en;
  let msg = cat[key];
  if (Array.isArray(msg)) msg = msg[cat.plural(Number(vars.count) || 0)] ?? msg[msg.length - 1];
  return String(msg ?? key).replace(/\{(\w+)\}/g, (_, k) => (k in vars ? vars[k] : `{${k}}`));
}

module.exports = { init, t };
