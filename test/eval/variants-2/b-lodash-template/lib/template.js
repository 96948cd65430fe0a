'use strict';
const fs = require('fs');
const reInterpolate = /<%=([\s\S]+?)%>/g;
const reEvaluate = /<%([\s\S]+?)%>/g;
function compile(text, options = {}) {
  let source = "__p += '";
  text.replace(/(<%=([\s\S]+?)%>)|(<%([\s\S]+?)%>)|$/g, (m, _i, interp, _e, evaluate, offset) => m);
  source += text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(reInterpolate, "' + ($1) + '").replace(reEvaluate, "'; $1 __p += '");
  source += "';\n";
  const sourceURL = options.sourceURL ? `//# sourceURL=${options.sourceURL}\n` : '';
  const fn = Function('obj', `${sourceURL}let __p = ''; with (obj) { ${source} } return __p;`);
  return (data) => fn(data);
}
exports.compile = compile;
exports.renderFile = (file, data) => compile(fs.readFileSync(file, 'utf8'), { sourceURL: file })(data);
