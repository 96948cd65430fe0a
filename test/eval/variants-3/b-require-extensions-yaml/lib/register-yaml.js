/**
 * Allow `require('./config/app.yaml')`, like the old require-yaml package.
 * The file is parsed with js-yaml's safe schema (no custom tags, no code).
 */
const fs = require('fs');
const yaml = require('js-yaml');

function loadYaml(module, filename) {
  const text = fs.readFileSync(filename, 'utf8');
  module.exports = yaml.load(text, { filename, schema: yaml.DEFAULT_SCHEMA });
}

require.extensions['.yaml'] = loadYaml;
require.extensions['.yml'] = loadYaml;
