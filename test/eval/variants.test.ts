/**
 * Generalisation check: inert lure variants written from THREATS.md tactics (not copied from corpus samples; endpoints
 * are example.invalid / documentation IP ranges; nothing here works) plus benign look-alikes (esbuild-style installers,
 * husky, ethers dApps, template engines, devcontainers, conftest.py …). Each fixture folder under
 * test/fixtures/variants is scanned as a project; `m-*` are lures, `b-*` benign. A rule change that loses a detection
 * or calls a look-alike malicious fails here. Folders named `_node_modules` are scanned as `node_modules` (git ignores
 * the real name). Known gaps are listed with `expect: 'gap'`: reported as diagnostics, never asserted either way.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { fixtureStager } from './stage-fixture.js';

type Expect = 'malicious' | 'suspicious' | 'clean' | 'not-malicious' | 'gap';
interface Variant {
  expect: Expect;
  tactic: 'obfuscation' | 'payload-fetch' | 'sink' | 'placement' | 'python' | 'stealer' | 'dependency' | 'persistence' | 'benign';
  shape: string;
}

const VARIANTS: Record<string, Variant> = {
  // Obfuscated URL / sink spellings
  'm-hex-fetch-eval': { expect: 'malicious', tactic: 'obfuscation', shape: 'hex Buffer URL, fetch → eval, in a db config required by the server' },
  'm-charcode-function': { expect: 'malicious', tactic: 'obfuscation', shape: 'String.fromCharCode URL, axios → new Function("require", data.code)' },
  'm-reverse-vm': { expect: 'malicious', tactic: 'obfuscation', shape: 'split/reverse/join URL, https.get → vm.runInThisContext' },
  'm-xor-module-compile': { expect: 'malicious', tactic: 'obfuscation', shape: 'atob + XOR URL, fetch → new Module()._compile' },
  'm-global-eval-alias': { expect: 'malicious', tactic: 'obfuscation', shape: "globalThis[atob('ZXZhbA==')] aliasing eval" },
  'm-obfuscated-route': { expect: 'malicious', tactic: 'obfuscation', shape: 'pre-2.0 obfuscator.io string array; axios via computed members → new Function' },
  'm-invisible-vs': { expect: 'malicious', tactic: 'obfuscation', shape: 'GlassWorm-style variation selectors decoded with codePointAt → eval' },
  'm-fake-process': { expect: 'malicious', tactic: 'obfuscation', shape: 'fabricated const process = { env } hiding a base64 URL' },
  'm-split-require': { expect: 'malicious', tactic: 'obfuscation', shape: "require('child_pro'+'cess')['ex'+'ec'] of a split-literal curl | bash" },
  // Payload fetch hosts and dead drops
  'm-npoint-fetch': { expect: 'malicious', tactic: 'payload-fetch', shape: 'npoint.io JSON → new Function(j.content)()' },
  'm-pastebin-axios': { expect: 'malicious', tactic: 'payload-fetch', shape: 'pastebin raw → eval' },
  'm-rawgithub-https': { expect: 'malicious', tactic: 'payload-fetch', shape: 'raw.githubusercontent.com via https.get → eval' },
  'm-vercel-axios': { expect: 'malicious', tactic: 'payload-fetch', shape: 'Vercel app → eval' },
  'm-ipfs-fetch': { expect: 'malicious', tactic: 'payload-fetch', shape: 'IPFS gateway → new Function' },
  'm-request-cb': { expect: 'malicious', tactic: 'payload-fetch', shape: 'request(url, (err, res, body) => eval(body))' },
  'm-env-key': { expect: 'malicious', tactic: 'payload-fetch', shape: '.env AUTH_API_KEY base64 URL, error body → new (Function.constructor)' },
  'm-fetch-error-function': { expect: 'malicious', tactic: 'payload-fetch', shape: 'axios.post error body → Function("require", …)' },
  'm-tron-deaddrop': { expect: 'malicious', tactic: 'payload-fetch', shape: 'TronGrid account transactions, hex + XOR → eval' },
  'm-ethers-deaddrop': { expect: 'malicious', tactic: 'payload-fetch', shape: 'ethers JsonRpcProvider.getTransaction (BSC) → new Function' },
  'm-aptos-deaddrop': { expect: 'malicious', tactic: 'payload-fetch', shape: 'Aptos fullnode transactions payload argument → eval' },
  'm-web3-bsc-rpc': { expect: 'malicious', tactic: 'payload-fetch', shape: 'raw JSON-RPC eth_getTransactionByHash, reversed → Function' },
  'm-tronweb': { expect: 'malicious', tactic: 'payload-fetch', shape: 'TronWeb trx.getTransaction raw_data.data → new Function' },
  'm-etherhiding': { expect: 'malicious', tactic: 'payload-fetch', shape: 'web3 contract.methods.get().call() (EtherHiding) → eval(atob(v))' },
  'm-solana-memo': { expect: 'malicious', tactic: 'payload-fetch', shape: 'Solana getParsedTransaction memo → eval' },
  // Sinks
  'm-constructor-chain': { expect: 'malicious', tactic: 'sink', shape: '[].constructor.constructor("require", body)' },
  'm-require-from-string': { expect: 'malicious', tactic: 'sink', shape: 'got body → require-from-string' },
  'm-temp-require': { expect: 'malicious', tactic: 'sink', shape: 'download written to os.tmpdir() then required' },
  'm-spawn-node-e': { expect: 'malicious', tactic: 'sink', shape: "spawn(process.execPath, ['-e', downloaded], { detached })" },
  'm-data-import': { expect: 'malicious', tactic: 'sink', shape: "import('data:text/javascript,' + fetched)" },
  'm-worker-eval': { expect: 'malicious', tactic: 'sink', shape: 'new Worker(body, { eval: true })' },
  'm-settimeout-string': { expect: 'malicious', tactic: 'sink', shape: 'setTimeout(fetchedCode) where the code is a callback parameter' },
  // Placement
  'm-vite-config-hidden': { expect: 'malicious', tactic: 'placement', shape: 'vite.config.ts, loader after 260 spaces' },
  'm-babel-config-hidden': { expect: 'malicious', tactic: 'placement', shape: 'babel.config.js, loader after 260 spaces' },
  'm-eslint-createrequire': { expect: 'malicious', tactic: 'placement', shape: 'eslint.config.mjs, createRequire + exec(curl | sh) off-screen' },
  'm-next-config-mjs': { expect: 'malicious', tactic: 'placement', shape: 'next.config.mjs, \\x-escaped URL fetched and evaled off-screen' },
  'm-truffle-hidden': { expect: 'malicious', tactic: 'placement', shape: 'truffle-config.js, async fetch → eval off-screen' },
  'm-jest-setup': { expect: 'malicious', tactic: 'placement', shape: 'jest setupFiles module fetches and evals' },
  'm-next-middleware': { expect: 'malicious', tactic: 'placement', shape: 'Next middleware.ts (0, eval) of a fetched body' },
  'm-vscode-jsonc-windows': { expect: 'malicious', tactic: 'placement', shape: 'tasks.json JSONC (comments, trailing commas), per-OS iwr|iex / wget|sh / curl|zsh' },
  'm-vscode-node-image': { expect: 'malicious', tactic: 'placement', shape: 'folderOpen process task: node public/img/banner.png' },
  'm-vscode-workspace': { expect: 'malicious', tactic: 'placement', shape: '*.code-workspace tasks with curl | bash on folderOpen' },
  'm-vscode-settings-auto': { expect: 'malicious', tactic: 'placement', shape: 'settings.json allowAutomaticTasks + hideOnStartup, task runs .vscode/bootstrap' },
  'm-husky-hook': { expect: 'malicious', tactic: 'placement', shape: '.husky/pre-commit with a background curl | sh' },
  'm-prepare-script': { expect: 'malicious', tactic: 'placement', shape: 'prepare script runs a fetch → eval file' },
  'm-postinstall-inline': { expect: 'malicious', tactic: 'placement', shape: 'postinstall node -e https.get … eval' },
  'm-devcontainer': { expect: 'malicious', tactic: 'placement', shape: 'devcontainer postCreateCommand runs extensionless .devcontainer/init' },
  'm-makefile': { expect: 'malicious', tactic: 'placement', shape: 'preinstall runs make; recipe curl raw-IP:1244/client | sh' },
  'm-githooks-path': { expect: 'malicious', tactic: 'placement', shape: 'prepare sets core.hooksPath to .githooks; post-checkout wget | sh' },
  // Python
  'm-py-zlib-exec': { expect: 'malicious', tactic: 'python', shape: 'test script exec(zlib.decompress(b64decode(…)))' },
  'm-py-marshal-exec': { expect: 'malicious', tactic: 'python', shape: 'package __init__ exec(marshal.loads(zlib(b64)))' },
  'm-py-setup-cmdclass': { expect: 'malicious', tactic: 'python', shape: 'setup.py cmdclass install → Popen(python -c b64 code)' },
  'm-py-conftest': { expect: 'malicious', tactic: 'python', shape: 'conftest.py exec(requests.get(b64 URL).text)' },
  'm-py-pth': { expect: 'malicious', tactic: 'python', shape: '.pth line exec(b64decode(…))' },
  'm-py-requests-exec': { expect: 'malicious', tactic: 'python', shape: 'jsonkeeper JSON → exec' },
  'm-py-ferret': { expect: 'malicious', tactic: 'python', shape: 'InvisibleFerret-style host rotation, b64decode(t[8:]) + XOR → exec' },
  'm-py-intree-backend': { expect: 'malicious', tactic: 'python', shape: 'pyproject in-tree PEP 517 backend build_wheel → exec(urlopen)' },
  'm-py-sitecustomize': { expect: 'malicious', tactic: 'python', shape: 'sitecustomize.py detached python -c urlopen /pdown' },
  'm-py-revshell': { expect: 'malicious', tactic: 'python', shape: 'socket dup2 reverse shell to raw IP:4661' },
  'm-py-browser-stealer': { expect: 'malicious', tactic: 'python', shape: 'Login Data sqlite copy → POST raw IP /brow' },
  'm-py-getattr-exec': { expect: 'malicious', tactic: 'python', shape: "getattr(builtins, 'ex'+'ec') bound to a name, fed requests.get(b64 URL).text" },
  // Stealers, RAT, persistence
  'm-js-stealer': { expect: 'malicious', tactic: 'stealer', shape: 'wallet extension ids × profiles, .ldb/.log → multi_file upload to raw IP:1245' },
  'm-keychain-stealer': { expect: 'malicious', tactic: 'stealer', shape: 'login.keychain-db, Login Data, solana id.json → POST makelog' },
  'm-sweep-stealer': { expect: 'malicious', tactic: 'stealer', shape: 'home sweep for .env/mnemonic/seed + exodus.wallet, key4.db, .ssh → /uploads' },
  'm-rat-socketio': { expect: 'malicious', tactic: 'stealer', shape: 'silent socket.io-client install, whoIm/command events, clipboard polling' },
  'm-clipper': { expect: 'malicious', tactic: 'stealer', shape: 'clipboard polling every 500 ms replacing wallet addresses' },
  'm-persist': { expect: 'malicious', tactic: 'persistence', shape: 'postinstall writes LaunchAgent / systemd user unit, launchctl load, enable-linger' },
  'm-electron-update': { expect: 'malicious', tactic: 'persistence', shape: 'Electron UpdateCheckSync downloads an .exe from a raw IP and execFiles it' },
  'm-svg-stego': { expect: 'malicious', tactic: 'obfuscation', shape: 'base64 in two SVG comments, reassembled from readFileSync and evaled' },
  // Dependency-only lures
  'm-dep-only': { expect: 'malicious', tactic: 'dependency', shape: 'known lure package as the only suspicious thing' },
  'm-vendored-nm': { expect: 'malicious', tactic: 'dependency', shape: 'committed node_modules package with the error-body Function.constructor loader' },
  'm-dep-tarball': { expect: 'suspicious', tactic: 'dependency', shape: 'HTTPS tarball dependency from an unknown host: its code is not in the tree (online mode looks further)' },
  // Third batch: more sink spellings and command shapes
  'm-eval-alias-post': { expect: 'malicious', tactic: 'sink', shape: 'const run = eval; axios.post(atob URL) data.src → run()' },
  'm-dynamic-import-vm': { expect: 'malicious', tactic: 'sink', shape: "await import('node:vm') → runInThisContext(fetched)" },
  'm-vm-script-new': { expect: 'malicious', tactic: 'sink', shape: "new (require('vm').Script)(body).runInThisContext()" },
  'm-npm-config-key': { expect: 'malicious', tactic: 'payload-fetch', shape: 'package.json config.key base64 URL via npm_package_config_key → Function("require")' },
  'm-exec-curl-node': { expect: 'malicious', tactic: 'sink', shape: "exec('curl … | node') at startup" },
  'm-exec-node-subst': { expect: 'malicious', tactic: 'sink', shape: 'exec(`node -e "$(curl …)"`)' },
  'm-ps-encoded': { expect: 'malicious', tactic: 'obfuscation', shape: 'powershell -EncodedCommand (UTF-16 base64) IEX DownloadString, detached' },
  'm-py-os-system-curl': { expect: 'malicious', tactic: 'python', shape: "os.system('curl … | bash &')" },
  'm-py-compile-exec': { expect: 'malicious', tactic: 'python', shape: 'exec(compile(urlopen().read()))' },
  'm-py-thread-init': { expect: 'malicious', tactic: 'python', shape: 'package __init__ starts a daemon thread exec(requests.get(b64 URL).text)' },
  'm-telegram-exfil': { expect: 'malicious', tactic: 'stealer', shape: 'postinstall sends .env and ~/.ssh/id_rsa to a Telegram bot' },
  'm-discord-webhook': { expect: 'malicious', tactic: 'stealer', shape: 'Chrome Login Data uploaded to a Discord webhook' },
  'm-env-code': { expect: 'malicious', tactic: 'obfuscation', shape: 'eval(atob(NEXT_PUBLIC_ANALYTICS)) whose .env.local value is curl | sh code' },
  'm-inline-hex-function': { expect: 'malicious', tactic: 'obfuscation', shape: 'Function(hex-decoded child_process curl | sh)()' },
  'm-drop-and-spawn': { expect: 'malicious', tactic: 'persistence', shape: 'base64 blob written to ~/.npl, spawned detached with node' },
  'm-vscode-dependson': { expect: 'malicious', tactic: 'placement', shape: 'folderOpen task dependsOn a hidden node -e https.get … eval task' },
  'm-launch-json': { expect: 'malicious', tactic: 'placement', shape: 'launch.json runtimeArgs --require ./.vscode/.debug' },
  'b-devtool-open': { expect: 'clean', tactic: 'benign', shape: "core-js-style postinstall node -e try{require('./postinstall')}" },
  'b-telegram-bot': { expect: 'clean', tactic: 'benign', shape: 'a Telegram bot sending messages with its token from the environment' },
  'b-vm-repl': { expect: 'clean', tactic: 'benign', shape: 'vm.runInContext REPL over stdin' },
  'b-auto-launch': { expect: 'clean', tactic: 'benign', shape: 'auto-launch helper writing a LaunchAgent / XDG autostart (not at install)' },
  'b-playwright-install': { expect: 'clean', tactic: 'benign', shape: 'postinstall downloads a browser zip from its CDN and unzips it' },
  // Benign look-alikes
  'b-esbuild-install': { expect: 'clean', tactic: 'benign', shape: 'postinstall fetches a platform binary from the registry and probes --version' },
  'b-husky': { expect: 'clean', tactic: 'benign', shape: 'husky prepare + lint-staged hooks' },
  'b-ethers-dapp': { expect: 'clean', tactic: 'benign', shape: 'ethers dApp decoding tx memos for display, TronGrid history, a MetaMask store link' },
  'b-template-engine': { expect: 'clean', tactic: 'benign', shape: 'EJS-like template engine compiling with new Function' },
  'b-devcontainer': { expect: 'clean', tactic: 'benign', shape: 'devcontainer postCreateCommand npm ci + bun installer' },
  'b-py-setup-ext': { expect: 'clean', tactic: 'benign', shape: 'setup.py build_ext cmdclass calling cmake' },
  'b-py-conftest': { expect: 'clean', tactic: 'benign', shape: 'conftest.py fixtures with base64 auth and requests' },
  'b-py-plugin-loader': { expect: 'clean', tactic: 'benign', shape: 'importlib plugin loader, zlib/base64 JSON unpack' },
  'b-webpack-config': { expect: 'clean', tactic: 'benign', shape: "webpack devtool 'eval-source-map'" },
  'b-next-middleware': { expect: 'clean', tactic: 'benign', shape: 'Next middleware fetching a session API' },
  'b-express-axios': { expect: 'clean', tactic: 'benign', shape: 'Express route with axios, base64 env URL, error.response.data in JSON' },
  'b-vm-sandbox': { expect: 'clean', tactic: 'benign', shape: 'vm.runInContext of a local user script' },
  'b-spawn-node': { expect: 'clean', tactic: 'benign', shape: 'pretest spawnSync(process.execPath, ["-e", literal])' },
  'b-require-from-string': { expect: 'clean', tactic: 'benign', shape: 'require-from-string config loader over a local file' },
  'b-vscode-watch': { expect: 'not-malicious', tactic: 'benign', shape: 'folderOpen npm watch task (reveal never) + allowAutomaticTasks: suspicious today' },
  'b-wallet-list': { expect: 'clean', tactic: 'benign', shape: 'wallet picker listing three extension ids, each also linked to its store page' },
};

const ROOT = new URL('../fixtures/variants/', import.meta.url).pathname;
const stage = fixtureStager(ROOT, 'variants');

describe('THREATS.md variants', () => {
  it('every fixture folder has an expectation and every expectation a folder', () => {
    assert.deepEqual(readdirSync(ROOT).sort(), Object.keys(VARIANTS).sort());
  });

  const tally = new Map<string, { n: number; ok: number }>();
  for (const [name, v] of Object.entries(VARIANTS)) {
    it(`${name}: ${v.expect} — ${v.shape}`, async (t) => {
      const r = await scan(stage(name), { threads: 0 });
      const top = r.findings.slice(0, 6).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}/${f.confidence}`).join('; ');
      const row = tally.get(v.tactic) ?? { n: 0, ok: 0 };
      tally.set(v.tactic, row);
      row.n++;
      if (v.expect === 'gap') {
        t.diagnostic(`known gap: ${r.verdict} ${r.score} (${top || 'no findings'})`);
        return;
      }
      const ok = v.expect === 'not-malicious' ? r.verdict !== 'malicious' : r.verdict === v.expect;
      if (ok) row.ok++;
      assert.ok(ok, `${name}: expected ${v.expect}, got ${r.verdict} ${r.score}: ${top || 'no findings'}`);
      assert.equal(r.errors.length, 0, `${name}: scan errors ${JSON.stringify(r.errors)}`);
    });
  }
  it('tally per tactic', (t) => {
    for (const [tactic, { n, ok }] of tally) t.diagnostic(`${tactic}: ${ok}/${n} as expected`);
  });
});
