/**
 * Hold-out generalisation set 2 (session 4): 53 inert lure variants and 24 benign look-alikes in shapes that
 * test/eval/variants.test.ts does not cover, written from THREATS.md and public write-ups (Contagious Interview /
 * BeaverTail / OtterCookie / FlexibleFerret, Shai-Hulud workflows, LiteLLM-style .pth, invisible-identifier
 * backdoors, direnv/devcontainer/npmrc/yarnPath/pnpmfile/lefthook autorun surfaces). Endpoints are example.invalid
 * or TEST-NET addresses (192.0.2/24, 198.51.100/24, 203.0.113/24); nothing here works or is ever executed.
 *
 * HOLD-OUT RESULT, recorded before any rule was changed for this set (HEAD 96e2344, 2026-11-26):
 *   lures 53: 20 malicious, 11 suspicious, 22 clean (38% called malicious, 58% suspicious or worse)
 *   look-alikes 24: 0 malicious, 2 suspicious (b-lockfile-registry, b-vscode-tsc-watch), 22 clean
 * Each row keeps its first-scan verdict in `holdout`; `expect` is the verdict asserted today. Rows marked `todo`
 * are known gaps whose fix lies in a file another engineer owns: they assert today's verdict, so a fix (or a
 * regression) makes them fail until the row is updated.
 *
 * Fixtures live in test/eval/variants-2/<name>/ and are scanned as projects. Folders named `_node_modules` / `_git`
 * are staged as `node_modules` / `.git` (git will not store those names).
 */
import { holdoutSuite, type Variant } from './holdout-suite.js';

const VARIANTS: Record<string, Variant> = {
  'b-aes-config': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "AES-encrypted local config decrypted and JSON.parsed" },
  'b-completion-install': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "CLI `completion --install` appends source <(mycli completion) to ~/.bashrc on request" },
  'b-dockerfile-installers': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "Dockerfile nodesource / uv installers piped to sh, devcontainer initializeCommand docker network" },
  'b-envrc': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "direnv .envrc: use nix, layout python3, dotenv, PATH_add" },
  'b-gha-ci': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "release workflow: golangci-lint install.sh | sh, NPM_TOKEN secret, Slack webhook" },
  'b-ipynb': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "notebook !pip install -r requirements.txt, !wget a CSV" },
  'b-lockfile-registry': { expect: 'clean', holdout: 'suspicious', tactic: 'benign', shape: "package-lock from registry.npmjs.org and GitHub Packages (npm.pkg.github.com)" },
  'b-lodash-template': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "lodash-style template compiled with Function(…sourceURL…) from a local file" },
  'b-npmrc-yarnrc': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: ".npmrc node-options max-old-space-size, yarnPath release stub spawning its cli" },
  'b-osascript-notify': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "osascript display notification after a build" },
  'b-pnpmfile': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: ".pnpmfile.cjs readPackage widening a peer dependency" },
  'b-prisma-husky9': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "postinstall prisma generate, husky 9 prepare, lint-staged/commitlint hooks" },
  'b-py-conftest-docker': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "conftest session fixture: docker compose up, health-check polling" },
  'b-py-distutils-pth': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "setuptools-style distutils-precedence .pth (__import__ shim)" },
  'b-py-hatch-msgfmt': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "hatch build hook compiling .po files with msgfmt" },
  'b-py-pickle-cache': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "pickle load/dump of a local cache file" },
  'b-py-pynput-hotkeys': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "pynput GlobalHotKeys media-player shortcuts" },
  'b-py-setup-npm-build': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "setup.py build_py runs npm ci/build for the UI, git describe version" },
  'b-sharp-install': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "sharp-style install: pkg-config probe, libvips tarball from GitHub releases, tar, node-gyp fallback" },
  'b-telemetry-opt-in': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "postinstall anonymous install telemetry (platform, versions) with CI/opt-out" },
  'b-vscode-terminal-profile': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "settings.json terminal profiles zsh -l / node repl, PATH env" },
  'b-vscode-tsc-watch': { expect: 'clean', holdout: 'suspicious', tactic: 'benign', shape: "folderOpen `npx tsc -w` task, reveal silent, no automatic-tasks setting" },
  'b-wagmi-dapp': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "viem dApp: eth_requestAccounts, readContract tokenURI decoded for display, MetaMask store link" },
  'b-ws-chat': { expect: 'clean', holdout: 'clean', tactic: 'benign', shape: "WebSocket chat client JSON.parse + handler table" },
  'm-aes-decipher-eval': { expect: 'malicious', holdout: 'suspicious', tactic: 'obfuscation', shape: "eval of an AES-decrypted embedded blob (key and IV in the file)" },
  'm-authorized-keys': { expect: 'malicious', holdout: 'clean', tactic: 'persistence', shape: "postinstall appends an SSH key to ~/.ssh/authorized_keys" },
  'm-base64-pipe-sh': { expect: 'malicious', holdout: 'clean', tactic: 'obfuscation', shape: "postinstall `echo <base64> | base64 -d | sh`" },
  'm-camera-fix-sh': { expect: 'clean', holdout: 'clean', tactic: 'payload-fetch', shape: "\"camera fix\" shell script: curl zip to /tmp, unzip, chmod, open the .app (FlexibleFerret)", todo: 'by design: a script the README asks the user to run is not autorun; nothing runs it by itself' },
  'm-charcode-map-eval': { expect: 'malicious', holdout: 'malicious', tactic: 'obfuscation', shape: "[…char codes].map(String.fromCharCode).join URL, axios → globalThis.eval" },
  'm-crontab': { expect: 'malicious', holdout: 'malicious', tactic: 'persistence', shape: "postinstall adds a crontab line curl | sh" },
  'm-devcontainer-dockerfile': { expect: 'clean', holdout: 'clean', tactic: 'placement', shape: "devcontainer build Dockerfile RUN wget raw-IP:1224 | bash", todo: 'fixture artefact: a Dockerfile curl | sh is low unless the host is a public raw IP; TEST-NET 203.0.113.x is (rightly) not public' },
  'm-devcontainer-initialize': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: "devcontainer initializeCommand (runs on the host) echo base64 | base64 -d | bash" },
  'm-env-exfil': { expect: 'clean', holdout: 'clean', tactic: 'stealer', shape: "postinstall POSTs JSON.stringify(process.env) to raw IP:1245", todo: 'by design for now: host-fingerprint-upload keeps an env-only send low (tuned on benign npm, 0b52d35); with a public raw-IP destination it could be high, but TEST-NET fixtures cannot show that' },
  'm-envrc': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: ".envrc eval \"$(curl …)\" (direnv)" },
  'm-file-dep-install': { expect: 'malicious', holdout: 'malicious', tactic: 'dependency', shape: "file: dependency whose postinstall fetches and evals" },
  'm-font-require': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: "server requires public/fonts/*.woff2 that is JavaScript" },
  'm-generator-ctor': { expect: 'malicious', holdout: 'malicious', tactic: 'sink', shape: "GeneratorFunction constructor (Object.getPrototypeOf(function*(){}).constructor) of a fetched body" },
  'm-gha-secrets': { expect: 'malicious', holdout: 'clean', tactic: 'stealer', shape: "GitHub Actions step POSTs toJSON(secrets) to an outside host (Shai-Hulud style)" },
  'm-git-fsmonitor': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: "shipped .git/config core.fsmonitor running curl | sh" },
  'm-git-hook-python': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: "shipped .git/hooks/post-checkout python3 -c exec(urlopen())" },
  'm-hangul-filler': { expect: 'malicious', holdout: 'suspicious', tactic: 'obfuscation', shape: "invisible U+3164 identifier destructured from req.query and executed (invisible backdoor)" },
  'm-js-reverse-shell': { expect: 'malicious', holdout: 'clean', tactic: 'stealer', shape: "net.Socket to raw IP:4666 piped into a spawned /bin/sh (JS reverse shell)" },
  'm-json-hidden-payload': { expect: 'malicious', holdout: 'suspicious', tactic: 'obfuscation', shape: "base64 payload in a package.json field, read back and evaled" },
  'm-lefthook': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: "lefthook.yml post-checkout curl | sh, installed by prepare" },
  'm-lockfile-resolved': { expect: 'suspicious', holdout: 'suspicious', tactic: 'dependency', shape: "package-lock resolves express to a tarball on a raw IP", todo: 'by design: a lockfile tarball on a raw IP is high/high (suspicious) offline' },
  'm-module-name-var': { expect: 'malicious', holdout: 'clean', tactic: 'obfuscation', shape: "module name joined from pieces and held in a variable, cp['ex'+'ec'](base64 curl | sh) at postinstall" },
  'm-npmrc-node-options': { expect: 'malicious', holdout: 'suspicious', tactic: 'placement', shape: ".npmrc node-options=--require a dot-file loader (every npm run)" },
  'm-offscreen-route': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: "Express route file: loader pushed off-screen after `const router = …` (not a config)" },
  'm-osascript-phish': { expect: 'malicious', holdout: 'clean', tactic: 'stealer', shape: "osascript \"display dialog … with hidden answer\" password prompt sent to raw IP" },
  'm-percent-url-vm': { expect: 'malicious', holdout: 'clean', tactic: 'sink', shape: "percent-encoded URL, https.get chunks → Buffer.concat → vm.runInNewContext with require" },
  'm-pnpmfile': { expect: 'suspicious', holdout: 'suspicious', tactic: 'placement', shape: ".pnpmfile.cjs (runs on pnpm install) exec curl | sh", todo: "fixture artefact: the .pnpmfile.cjs is now weighed as autorun code (score 79), but curl | sh from code is critical only for a public raw IP or a decoded URL, and TEST-NET 203.0.113.x is (rightly) not public" },
  'm-py-dmm-test': { expect: 'malicious', holdout: 'clean', tactic: 'python', shape: "\"pre-employment test\": download p.zip from raw IP /pdown, extract to ~/.cache, Popen detached" },
  'm-py-extra-index': { expect: 'suspicious', holdout: 'suspicious', tactic: 'dependency', shape: "requirements.txt --extra-index-url on a raw IP + typosquat reqeusts", todo: 'by design: dependency confusion needs the registry to judge (online mode)' },
  'm-py-hatch-hook': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: "hatch custom build hook exec(urlopen(b64 URL))" },
  'm-py-hex-exec': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: "pre-employment test script exec(bytes.fromhex(…))" },
  'm-py-keylogger': { expect: 'malicious', holdout: 'suspicious', tactic: 'stealer', shape: "pynput keyboard listener, keys POSTed to raw IP /keys every minute" },
  'm-py-notebook': { expect: 'suspicious', holdout: 'clean', tactic: 'python', shape: "Jupyter notebook cells: !curl | bash and exec(b64decode(…))", todo: 'a notebook runs on Run All, weighed like npm run (high/high): suspicious' },
  'm-py-pickle-net': { expect: 'malicious', holdout: 'suspicious', tactic: 'python', shape: "pickle.loads(requests.get(raw IP).content) at import" },
  'm-py-pth-popen': { expect: 'malicious', holdout: 'suspicious', tactic: 'python', shape: ".pth line Popen(python -c exec(b64decode(env exfil))) (LiteLLM-style)" },
  'm-py-pytest-configure': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: "conftest pytest_configure subprocess.run(b64 curl | bash, shell=True)" },
  'm-py-rot13-exec': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: "package __init__ exec(codecs.decode(…, 'rot13'))" },
  'm-py-setup-download-exe': { expect: 'malicious', holdout: 'malicious', tactic: 'python', shape: "setup.py top level urlretrieve .exe from raw IP, Popen detached" },
  'm-py-winreg-run': { expect: 'malicious', holdout: 'malicious', tactic: 'persistence', shape: "downloads an .exe to APPDATA, Run key, os.startfile" },
  'm-reflect-apply-eval': { expect: 'malicious', holdout: 'clean', tactic: 'sink', shape: "Reflect.apply(eval, globalThis, [axios data]) with an atob URL" },
  'm-remote-command-poll': { expect: 'malicious', holdout: 'clean', tactic: 'payload-fetch', shape: "setInterval polls raw IP:1244/task/<host>, exec(data.cmd) (OtterCookie-style remote shell)" },
  'm-rot13-url': { expect: 'malicious', holdout: 'malicious', tactic: 'obfuscation', shape: "rot13-decoded URL, https.get → new Function" },
  'm-shell-rc': { expect: 'malicious', holdout: 'clean', tactic: 'persistence', shape: "postinstall appends (curl | sh &) to ~/.bashrc and ~/.zshrc" },
  'm-startup-vbs': { expect: 'malicious', holdout: 'clean', tactic: 'persistence', shape: "postinstall writes a .vbs (powershell iwr | iex) into the Windows Startup folder" },
  'm-tag-chars': { expect: 'malicious', holdout: 'malicious', tactic: 'obfuscation', shape: "Unicode tag characters (U+E0000 block) decoded with codePointAt → eval at postinstall" },
  'm-token-stealer': { expect: 'malicious', holdout: 'clean', tactic: 'stealer', shape: "postinstall reads ~/.npmrc, gh hosts.yml, .aws/credentials, docker config → POST" },
  'm-vm-compilefunction': { expect: 'malicious', holdout: 'malicious', tactic: 'sink', shape: "vm.compileFunction(fetched code, [require, module])" },
  'm-vscode-args-array': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: "folderOpen task with command + args arrays (bash -c curl | bash; powershell -w hidden iwr | iex)" },
  'm-vscode-terminal-profile': { expect: 'malicious', holdout: 'malicious', tactic: 'placement', shape: "settings.json terminal profiles whose args run curl | sh" },
  'm-workspace-prepare-sh': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: "workspace package prepare runs a .sh: curl -o /tmp/.p, chmod +x, run in background" },
  'm-ws-message-eval': { expect: 'malicious', holdout: 'malicious', tactic: 'payload-fetch', shape: "ws WebSocket message handler → eval (raw IP:6168)" },
  'm-yarnrc-path': { expect: 'malicious', holdout: 'clean', tactic: 'placement', shape: ".yarnrc.yml yarnPath to a committed \"yarn release\" that fetches and evals" },
  'm-zlib-eval': { expect: 'malicious', holdout: 'suspicious', tactic: 'obfuscation', shape: "eval(zlib.inflateSync(base64 blob)) hiding child_process curl | sh" },
};

holdoutSuite('hold-out variants 2', new URL('./variants-2/', import.meta.url), VARIANTS);
