'use strict';
const fs = require('fs');
const path = require('path');

const TS = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean' };
const ZOD = { string: 'z.string()', integer: 'z.number().int()', number: 'z.number()', boolean: 'z.boolean()' };

function tsType(s) {
  if (s.$ref) return s.$ref.split('/').pop();
  if (s.type === 'array') return `${tsType(s.items)}[]`;
  if (s.type === 'object') {
    const req = new Set(s.required || []);
    return `{ ${Object.entries(s.properties || {}).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${tsType(v)}`).join('; ')} }`;
  }
  return TS[s.type] || 'unknown';
}

function zodType(s) {
  if (s.$ref) return `${s.$ref.split('/').pop()}Schema`;
  if (s.type === 'array') return `z.array(${zodType(s.items)})`;
  if (s.type === 'object') {
    const req = new Set(s.required || []);
    return `z.object({ ${Object.entries(s.properties || {}).map(([k, v]) => `${k}: ${zodType(v)}${req.has(k) ? '' : '.optional()'}`).join(', ')} })`;
  }
  return ZOD[s.type] || 'z.unknown()';
}

exports.generate = (doc, { out, zod }) => {
  const schemas = doc.components?.schemas || {};
  fs.mkdirSync(out, { recursive: true });
  const types = Object.entries(schemas).map(([n, s]) => `export type ${n} = ${tsType(s)};`).join('\n');
  fs.writeFileSync(path.join(out, 'types.ts'), types + '\n');
  if (zod) {
    const body = Object.entries(schemas).map(([n, s]) => `export const ${n}Schema = ${zodType(s)};`).join('\n');
    fs.writeFileSync(path.join(out, 'schemas.ts'), `import { z } from 'zod';\n\n${body}\n`);
  }
};
