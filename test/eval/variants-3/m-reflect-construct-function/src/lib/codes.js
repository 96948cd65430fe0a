const { customAlphabet } = require('nanoid');
const flags = require('../config/flags');

const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function newCode() {
  return customAlphabet(alphabet, flags.codeLength)();
}

module.exports = { newCode };
