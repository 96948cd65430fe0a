'use strict';
const path = require('path');
const binding = require('node-gyp-build')(path.join(__dirname, '..'));

function toBuffer(input) {
  if (Buffer.isBuffer(input)) return input;
  if (input instanceof Uint8Array) return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return Buffer.from(String(input), 'utf8');
}

function hash64(input, seed = 0) {
  return binding.hash64(toBuffer(input), seed);
}

module.exports = { hash64 };
