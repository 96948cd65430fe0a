import type { Severity } from '../../core/finding.js';
import { defineRule } from '../../core/rule.js';
import { EXPECTED, OPAQUE_BINARY, sniff } from './_magic.js';

const SCRIPT_EXT = new Set(['.bat', '.cmd', '.ps1', '.psm1', '.vbs', '.vbe', '.jse', '.wsf', '.wsh', '.hta', '.reg', '.scpt', '.applescript', '.command', '.lnk']);
const BINARY_EXT = new Set(['.exe', '.dll', '.scr', '.msi', '.com', '.sys', '.cpl', '.ocx', '.so', '.dylib', '.node', '.jar', '.class', '.pyc', '.pyo', '.apk', '.dmg', '.pkg', '.deb', '.rpm', '.appimage', '.elf']);
/** Where compiled artefacts are expected: native addon outputs, prebuilt binaries, test fixtures, examples. */
const EXPECTED_PLACE = /(?:^|\/)(?:prebuilds?|build\/(?:Release|Debug)|test|tests|__tests__|fixtures?|testdata|examples?|samples?|third[_-]?party|vendor)\//i;
/** Build-tool wrappers every Java/Sphinx project commits. */
const KNOWN_WRAPPER = /(?:^|\/)(?:gradlew\.bat|mvnw\.cmd|make\.bat|gradle\/wrapper\/gradle-wrapper\.jar|\.mvn\/wrapper\/maven-wrapper\.jar)$/i;
const SCRIPT_SIGNS: Array<[string, RegExp]> = [
  ['downloads', /\b(?:curl|wget|bitsadmin|Invoke-WebRequest|iwr|Invoke-RestMethod|DownloadFile|DownloadString|Start-BitsTransfer)\b|certutil\s+-urlcache/i],
  ['hidden window', /-w(?:indowstyle)?\s+h(?:idden)?\b|WindowStyle\s*[=:]?\s*['"]?Hidden|CreateNoWindow/i],
  ['encoded command', /\s-e(?:nc(?:odedcommand)?)?\s+[A-Za-z0-9+/=]{40,}/i],
  ['rewrites git history / force-pushes', /git\s+push\b[^\n]*(?:--force\b|\s-f\b)|git\s+commit\b[^\n]*--amend|GIT_(?:COMMITTER|AUTHOR)_DATE/i],
  ['persistence', /\bschtasks\b|CurrentVersion\\Run\b|\breg\s+add\b|\\Startup\\|New-ScheduledTask|LaunchAgents/i],
  ['execution-policy bypass', /-ExecutionPolicy\s+Bypass|Set-ExecutionPolicy\s+(?:Unrestricted|Bypass)/i],
];

/**
 * The layout of a published npm package: the tarball's `package/` root, scanned as the target (`npm:x`, `x.tgz`) or
 * as an archive inside it (`a/x.tgz/package/...`). Packages ship prebuilt binaries for each platform (esbuild, sharp,
 * clipboardy's xsel and clipboard.exe, nodemon's windows-kill.exe): like node_modules, not a take-home repo.
 */
const PUBLISHED_PACKAGE = /^package\/|\.(?:tgz|tar\.gz|tar)\/package\//;

function isNodeModules(path: string): boolean {
  return path.startsWith('node_modules/') || path.includes('/node_modules/');
}

export default defineRule({
  id: 'executable-in-source',
  meta: {
    kind: 'threat',
    category: 'file-type',
    severity: 'medium',
    confidence: 'high',
    summary: 'A native executable (ELF/PE/Mach-O), bytecode or Windows script committed in a source tree',
    why: 'A take-home repo needs source, not binaries: lures ship droppers as .exe/.dll, Mach-O or ELF files, hide stagers in .bat/.ps1/.vbs, and leave campaign helpers (temp_auto_push.bat that amends and force-pushes with forged dates). Bytecode (.pyc, .jar, .class) hides logic from review.',
    fix: 'Ask why the binary is there. Do not run it; check its hash on VirusTotal. For scripts, read them before anything calls them.',
    falsePositives:
      'node_modules is not checked (prebuilt native addons, esbuild and similar binaries belong there). Binaries under prebuilds/, build/Release, test fixtures and examples (e.g. a Solana eBPF program fixture), binaries in a published npm package (the package/ folder of its tarball: esbuild, sharp, clipboardy and nodemon ship per-platform executables) and bytecode are reported at low severity; the Gradle/Maven/Sphinx wrappers (gradlew.bat, mvnw.cmd, make.bat, gradle-wrapper.jar) are ignored unless they download or hide something. Scripts are low unless they download, hide windows, run encoded commands, add persistence or rewrite git history. Fonts/images that are really executables are reported by file-type-mismatch.',
    references: ['https://attack.mitre.org/techniques/T1036/', 'https://attack.mitre.org/techniques/T1204/002/', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  appliesTo: (f) =>
    f.size > 0 &&
    !isNodeModules(f.path) &&
    !(f.ext in EXPECTED) &&
    !OPAQUE_BINARY.has(f.ext) &&
    (!f.isText || SCRIPT_EXT.has(f.ext) || BINARY_EXT.has(f.ext)),
  check(ctx, file) {
    const { facts, bytes, text } = file;
    const path = facts.path;
    const found = sniff(bytes);
    const expectedPlace = EXPECTED_PLACE.test(path);

    if (found && (found.family === 'executable' || found.family === 'bytecode')) {
      if (KNOWN_WRAPPER.test(path)) return;
      const bpf = found.format === 'elf-bpf';
      const wasm = found.format === 'wasm';
      if (wasm) return; // WebAssembly runs sandboxed; it is a build output, not a dropper
      let severity: Severity = 'medium';
      let why = '';
      if (bpf) [severity, why] = ['low', ' (an eBPF program, e.g. a Solana on-chain program: not runnable on the host)'];
      else if (found.family === 'bytecode') [severity, why] = ['low', ' (compiled bytecode hides logic from review)'];
      else if (expectedPlace || facts.ext === '.node') [severity, why] = ['low', ' (in a build/prebuild/test/example folder)'];
      else if (PUBLISHED_PACKAGE.test(path)) [severity, why] = ['low', ' (shipped in a published npm package, as prebuilt binaries are)'];
      ctx.report({
        at: { line: 1 },
        message: `${found.description} committed in the source tree${why}`,
        evidence: `${path}: ${found.description}`,
        severity,
        confidence: 'high',
      });
      return;
    }

    if (BINARY_EXT.has(facts.ext) && !found && text === null) {
      if (facts.ext === '.pyc' || facts.ext === '.pyo') {
        ctx.report({ at: { line: 1 }, message: 'Python bytecode committed in the source tree (its logic cannot be reviewed)', evidence: `${path}: Python bytecode`, severity: 'low', confidence: 'medium' });
      }
      return;
    }

    if (SCRIPT_EXT.has(facts.ext)) {
      const body = text ?? '';
      const signs = SCRIPT_SIGNS.filter(([, re]) => re.test(body));
      if (!signs.length && KNOWN_WRAPPER.test(path)) return;
      const first = signs.length ? body.split('\n').find((l) => signs.some(([, re]) => re.test(l))) : undefined;
      const line = first !== undefined ? body.split('\n').indexOf(first) + 1 : 1;
      ctx.report({
        at: { line },
        message: `Windows/macOS script ${facts.ext} in the source tree${signs.length ? `: it ${signs.map(([n]) => n).join(', ')}` : ''}`,
        evidence: first?.trim().slice(0, 200) ?? `${path}: ${facts.ext} script`,
        severity: signs.length ? 'medium' : 'low',
        confidence: signs.length ? 'high' : 'medium',
      });
    }
  },
});
