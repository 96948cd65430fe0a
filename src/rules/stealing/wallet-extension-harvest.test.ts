import { ruleTest } from '../../testing/rule-tester.js';
import rule from './wallet-extension-harvest.js';

ruleTest(rule, {
  clean: [
    {
      name: 'dApp linking MetaMask in the Chrome Web Store',
      file: 'src/components/ConnectWallet.jsx',
      code: `const METAMASK_URL = 'https://chromewebstore.google.com/detail/metamask/nkbihfbeogaeaoehlefnkodbefgpgknn';
export function Install() { return <a href={METAMASK_URL}>Install MetaMask</a>; }
`,
    },
    {
      name: 'wallet modal with three store links',
      file: 'src/wallets.ts',
      code: `export const wallets = [
  { name: 'MetaMask', install: 'https://chrome.google.com/webstore/detail/nkbihfbeogaeaoehlefnkodbefgpgknn' },
  { name: 'Phantom', install: 'https://chrome.google.com/webstore/detail/bfnaelmomeimhlpmgjnjophhpkkoljpa' },
  { name: 'Coinbase', install: 'https://chrome.google.com/webstore/detail/hnfanknocfeofbddgcijnmhnfnkdnaad' },
];
`,
    },
    {
      name: 'single bare MetaMask id (provider detection)',
      file: 'src/detect.js',
      code: `const METAMASK_ID = 'nkbihfbeogaeaoehlefnkodbefgpgknn';
export const isMetaMask = (p) => Boolean(p && p.isMetaMask && METAMASK_ID);
`,
    },
    {
      name: 'solana wallet adapter listing wallet names',
      file: 'src/adapters.ts',
      code: `import { PhantomWalletAdapter, SolflareWalletAdapter } from '@solana/wallet-adapter-wallets';
export const wallets = [new PhantomWalletAdapter(), new SolflareWalletAdapter()];
`,
    },
    {
      name: 'wallet picker: each bare id also linked to its store page',
      file: 'src/wallets.js',
      code: "export const wallets = [\n  { id: 'nkbihfbeogaeaoehlefnkodbefgpgknn', url: 'https://chromewebstore.google.com/detail/nkbihfbeogaeaoehlefnkodbefgpgknn' },\n  { id: 'bfnaelmomeimhlpmgjnjophhpkkoljpa', url: 'https://chromewebstore.google.com/detail/bfnaelmomeimhlpmgjnjophhpkkoljpa' },\n  { id: 'acmacodkjbdgmoleebolmdjonilkdbch', url: 'https://chromewebstore.google.com/detail/acmacodkjbdgmoleebolmdjonilkdbch' },\n];\n",
    },
  ],
  flagged: [
    {
      name: 'id list joined with extension storage path',
      file: 'server/utils/sync.js',
      code: `const fs = require('fs');
const ids = ['nkbihfbeogaeaoehlefnkodbefgpgknn', 'ejbalbakoplchlghecdalmeeeajnimhm', 'bfnaelmomeimhlpmgjnjophhpkkoljpa', 'ibnejdfjmmkpcnlpebklmnkoeoihofec'];
for (const id of ids) {
  const dir = base + '/Local Extension Settings/' + id;
  if (fs.existsSync(dir)) fs.readdirSync(dir).filter((f) => f.endsWith('.ldb'));
}
`,
      findings: [{ line: 2, severity: 'critical', confidence: 'high', message: /4 wallet extension ids \(MetaMask, MetaMask \(Edge\), Phantom, TronLink\)/ }],
    },
    {
      name: 'split (obfuscator-style) id with storage path',
      file: 'config.js',
      code: `const p = h + '/Local Extension Settings/' + ('nkbihfbeog' + 'aeaoehlefnkodbefgpgknn');\n`,
      findings: [{ line: 1, severity: 'critical', decoded: /nkbihfbeogaeaoehlefnkodbefgpgknn$/ }],
    },
    {
      name: 'bare id list without paths (medium)',
      file: 'x.js',
      code: `module.exports = ['acmacodkjbdgmoleebolmdjonilkdbch', 'dmkamcknogkgcdfhhbddcghachkejeap', 'egjidjbpglichdcondbcbdnbeeppgdph'];\n`,
      findings: [{ line: 1, severity: 'high', confidence: 'medium' }],
    },
    {
      name: 'store links as decoys next to extension storage paths are still a harvest',
      file: 'lib/x.js',
      code: "const fs = require('fs');\nconst ws = [\n  { id: 'nkbihfbeogaeaoehlefnkodbefgpgknn', url: 'https://chromewebstore.google.com/detail/nkbihfbeogaeaoehlefnkodbefgpgknn' },\n  { id: 'bfnaelmomeimhlpmgjnjophhpkkoljpa', url: 'https://chromewebstore.google.com/detail/bfnaelmomeimhlpmgjnjophhpkkoljpa' },\n  { id: 'acmacodkjbdgmoleebolmdjonilkdbch', url: 'https://chromewebstore.google.com/detail/acmacodkjbdgmoleebolmdjonilkdbch' },\n];\nfor (const w of ws) fs.readdirSync(`${process.env.HOME}/.config/google-chrome/Default/Local Extension Settings/${w.id}`);\n",
      findings: [{ line: 3, severity: 'critical', confidence: 'high' }],
    },
  ],
});
