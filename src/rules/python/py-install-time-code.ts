import { defineRule } from '../../core/rule.js';
import { modelOf, resolveCallee, type PyCall } from '../../analyzers/python/model.js';
import { evaluate } from '../../analyzers/python/static-eval.js';
import { extractIocs } from '../../analyzers/python/iocs.js';
import { isExecSink } from '../../analyzers/python/payload.js';
import { at, clip, isNetworkCall, isProcessCall } from './_util.js';

// setuptools/distutils commands a package can override through cmdclass: they run during pip install.
const INSTALL_COMMANDS = /(?:^|\.)(?:install|develop|egg_info|build_py|build_ext|build|sdist|bdist_egg|bdist_wheel|easy_install|install_lib|install_scripts)$/i;
// Commands build scripts legitimately run.
const BUILD_TOOL = /^\s*[\[(]?\s*['"]?(?:git|make|cmake|ninja|gcc|g\+\+|cc|c\+\+|clang|cl|link|nvcc|swig|cython|pkg-config|protoc|npm|yarn|pnpm|node|cargo|rustc|go|meson|autoreconf|\.\/configure|sh\s+\.\/configure|xcrun|xcode-select|msbuild|ldconfig|uname|which|where|sys\.executable|python\d?(?:\.\d+)?)\b/;
// Commands that fetch or send: never part of building a package.
const NET_TOOL = /\b(?:curl|wget|nc|ncat|netcat|powershell|pwsh|certutil|bitsadmin|mshta|scp|ftp|tftp)\b|\/dev\/tcp\/|bash\s+-i\b/i;
// Installing a package never needs a window-less, detached process.
const HIDDEN = /(?:^|["'(\s])start\s+(?!\/wait)|\bCREATE_NO_WINDOW\b|\bDETACHED_PROCESS\b|\b0x0*8000000\b|\b0x0*8\b|\b134217728\b|\bpythonw\b|-WindowStyle\s+Hidden|\bnohup\b|\bstart\s+\/(?:b|min)\b/i;
const SETUP = /(?:^|\/)setup\.py$/;
const STARTUP = /(?:^|\/)(?:sitecustomize|usercustomize)\.py$|\.pth$/;
const INIT = /(?:^|\/)__init__\.py$/;
// pytest imports every conftest.py before running a single test: "just run the tests" runs it.
const CONFTEST = /(?:^|\/)conftest\.py$/;

export default defineRule({
  id: 'py-install-time-code',
  meta: {
    kind: 'threat',
    category: 'autorun',
    severity: 'critical',
    confidence: 'high',
    summary: 'setup.py (or a .pth/sitecustomize/__init__ import hook) reaches the network, spawns commands or execs code while installing or importing',
    why: 'pip runs setup.py, including cmdclass overrides of install/develop/egg_info, when a package is installed; .pth and sitecustomize run at every interpreter start; __init__.py runs on import. Malicious packages put their dropper there so `pip install` alone infects the machine.',
    fix: 'Do not pip install it. Read the flagged code: installing a library never needs to download or execute anything else.',
    falsePositives: 'Build commands (git describe, make, cmake, compilers, sys.executable helpers) in setup.py are not flagged; reading the version with exec(open(...).read()) is not flagged.',
    references: ['https://attack.mitre.org/techniques/T1195/002/', 'https://blog.phylum.io/tag/pypi/', 'CWE-506'],
    status: 'stable',
  },
  input: 'py-ast',
  appliesTo: (f) => SETUP.test(f.path) || STARTUP.test(f.path) || INIT.test(f.path) || CONFTEST.test(f.path),
  prefilter: /\b(?:import|exec|eval|system|popen|Popen|subprocess|urlopen|requests|socket)\b/,
  check(ctx, py) {
    const model = modelOf(py);
    const setup = SETUP.test(py.facts.path);
    const conftest = CONFTEST.test(py.facts.path);
    const init = INIT.test(py.facts.path) || conftest;
    const where = setup ? 'at install time' : conftest ? 'when pytest collects the tests' : init ? 'when the package is imported' : 'at every Python start';
    // Which functions run at install/import: module level, install-command overrides, and local functions they call.
    const hookClasses = new Set(model.classes.filter((c) => c.bases.some((b) => INSTALL_COMMANDS.test(resolveCallee(model, b)))).map((c) => c.name));
    const running = new Set<string>();
    const key = (c: PyCall) => `${c.cls}::${c.func}`;
    const isRunning = (c: PyCall) => (c.func === '' && c.cls === '' && (!c.deferred || setup)) || (setup && hookClasses.has(c.cls)) || running.has(key(c));
    for (let pass = 0; pass < 4; pass++) {
      for (const c of model.calls) {
        if (!isRunning(c)) continue;
        const callee = c.callee.startsWith('self.') ? `${c.cls}::${c.callee.slice(5)}` : `::${c.callee}`;
        if (model.funcs.has(callee.split('::')[1]!)) running.add(callee);
      }
    }
    let reports = 0;
    for (const c of model.calls) {
      if (reports >= 5 || !isRunning(c)) continue;
      const viaHook = hookClasses.has(c.cls) ? ` (in ${c.cls}.${c.func}, an override of a setuptools command)` : '';
      // git.Repo.clone_from(url, path) (GitPython): downloads a repository, which setup.py then usually runs.
      if (isNetworkCall(model, c) || /(?:^|\.)Repo\.clone_from$/.test(resolveCallee(model, c.callee))) {
        const v = evaluate(c.args[0], { model });
        reports++;
        // socket.gethostbyname('pkg.x.attacker.example') whose answer is thrown away: the lookup itself is the message
        // (dependency-confusion callbacks announce each install through DNS).
        const dnsBeacon =
          /^socket\.(?:gethostbyname(?:_ex)?|getaddrinfo)$/.test(resolveCallee(model, c.callee)) &&
          c.node.parent?.type === 'expression_statement' &&
          !!v && /^(?=[^/:]*\.[a-z]{2,}$)[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/i.test(v.value) && !/(?:^|\.)(?:localhost|local|internal|example\.(?:com|org|net))$/i.test(v.value);
        if (dnsBeacon) {
          ctx.report({
            at: at(c.node),
            message: `DNS beacon ${where}${viaHook}: looks up ${clip(v!.value, 80)} and ignores the answer`,
            evidence: clip(c.node.text),
            severity: 'critical',
            confidence: 'high',
            iocs: [{ type: 'domain', value: v!.value }],
          });
          continue;
        }
        ctx.report({
          at: at(c.node),
          message: `Network request ${where}${viaHook}`,
          evidence: clip(c.node.text),
          severity: setup || !init ? 'critical' : 'high',
          confidence: setup || !init ? 'high' : 'medium',
          iocs: v ? extractIocs(v.value) : [],
        });
      } else if (isProcessCall(model, c)) {
        const first = c.args[0];
        const v = evaluate(first, { model });
        const cmd = v?.value ?? first?.text ?? '';
        const fullArgs = c.node.childForFieldName('arguments')?.text ?? '';
        // python running a file from the home/temp folder, or python -c: not a build step.
        const OUT = /expanduser|~\/|HOME|APPDATA|LOCALAPPDATA|USERPROFILE|(?:^|[^a-zA-Z])_*[Tt]+[Ee]?[Mm][Pp](?:(?![a-zA-Z])|(?=dir|file|name|DIR|FILE))|gettempdir|['"]-c['"]|\s-c\s/;
        const outOfTree =
          OUT.test(fullArgs) ||
          [...fullArgs.slice(0, 2000).matchAll(/\b[A-Za-z_]\w*\b/g)].some((m) => (model.assigns.get(m[0]) ?? []).some((v) => OUT.test(v.text.slice(0, 500))));
        if (!outOfTree && (BUILD_TOOL.test(cmd) || (first?.type === 'list' && BUILD_TOOL.test(first.namedChild(0)?.text ?? '')))) continue;
        // A command kept encoded (base64, hex, zlib, xor…) so the reader cannot see it: no build step hides its command line.
        // Popen([python, "-c", "from dep import x"]) left running (output not read, never waited for): install goes on while
        // inline code imports a module in the background.
        const inline = first?.type === 'list' ? first.namedChildren.map((el) => (el ? evaluate(el, { model })?.value ?? '' : '')) : [];
        const inlineCode = inline[inline.indexOf('-c') + 1];
        const bound = c.node.parent?.type === 'assignment' ? c.node.parent.childForFieldName('left')?.text : undefined;
        const background =
          (setup || STARTUP.test(py.facts.path)) &&
          resolveCallee(model, c.callee) === 'subprocess.Popen' &&
          inline.includes('-c') &&
          !!inlineCode && /\b(?:import|exec|eval)\b/.test(inlineCode) &&
          !/\bPIPE\b/.test(fullArgs) &&
          !(bound && new RegExp(`\\b${bound}\\.(?:wait|communicate)\\s*\\(`).test(py.text));
        if (background) {
          reports++;
          ctx.report({
            at: at(c.node),
            message: `Starts a background Python one-liner ${where}${viaHook}: ${clip(inlineCode, 120)}`,
            evidence: clip(c.node.text),
            severity: 'critical',
            confidence: 'high',
          });
          continue;
        }
        const decodedBy = (v?.steps ?? []).filter((st) => st !== 'slice' && st !== 'reverse');
        const hidden = decodedBy.length && v!.value.trim() ? [...new Set(decodedBy)].join(' → ') : '';
        reports++;
        ctx.report({
          at: at(c.node),
          evidence: clip(c.node.text),
          decoded: v && v.steps.length ? clip(v.value, 1000) : undefined,
          iocs: extractIocs(cmd),
          ...(hidden
            ? { severity: 'critical' as const, confidence: 'high' as const, message: `Runs a command hidden by ${hidden} ${where}${viaHook}` }
            : NET_TOOL.test(cmd) || /https?:\/\/|\b\d{1,3}(?:\.\d{1,3}){3}\b/.test(cmd)
            ? { severity: 'critical' as const, confidence: 'high' as const, message: `Runs a network command ${where}${viaHook}` }
            : HIDDEN.test(fullArgs)
            ? { severity: 'critical' as const, confidence: 'high' as const, message: `Starts a hidden or detached process ${where}${viaHook}` }
            : { severity: setup || !init ? ('high' as const) : ('medium' as const), confidence: 'medium' as const, message: `Starts a command ${where}${viaHook}` }),
        });
      } else {
        const sink = isExecSink(model, c);
        if (!sink || sink === 'compile') continue;
        const arg = c.args[0];
        if (!arg || arg.type === 'string') continue;
        // exec(open('pkg/version.py').read()) / exec(f.read(), ns): reading the package's own files.
        if (/\bopen\s*\(|\.read\s*\(|read_text\s*\(|\bcompile\s*\(/.test(arg.text) && !/b64|decompress|fromhex|urlopen|requests/.test(arg.text)) continue;
        if (arg.type === 'identifier' && (model.assigns.get(arg.text) ?? []).every((v) => /\bopen\s*\(|\.read\s*\(|read_text/.test(v.text))) continue;
        reports++;
        ctx.report({
          at: at(c.node),
          message: `${sink}() of computed code ${where}${viaHook}`,
          evidence: clip(c.node.text),
          severity: 'high',
          confidence: 'medium',
        });
      }
    }
  },
});
