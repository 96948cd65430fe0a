/**
 * Build steps of other ecosystems that run when a project is built or merely opened in its IDE: a lure for a C++,
 * C#, Java/Kotlin or Rust role hides its loader there, not in package.json.
 * - MSBuild (.vcxproj, .csproj, .vbproj, .fsproj, .props, .targets): PreBuildEvent / PostBuildEvent commands and
 *   `<Exec Command="…">` tasks. Visual Studio runs them on build; a project opened in it can run targets at load
 *   (Lazarus sent security researchers such a Visual Studio project in 2021).
 * - Gradle (build.gradle[.kts], settings.gradle[.kts]): `exec { commandLine(…) }`, `providers.exec`, `"…".execute()`,
 *   `Runtime.getRuntime().exec(…)`. Android Studio and IntelliJ evaluate the scripts on every sync, at project open.
 * - Cargo: build.rs, compiled and run by `cargo build` (and by rust-analyzer when the folder opens).
 * Each is listed under the `ide-build` trigger with the command as written; the autorun shape rules read it.
 */
import { MapContext, baseName, dirOf, isVendoredPath } from './common.js';

const MSBUILD_FILE = /\.(?:vcxproj|csproj|vbproj|fsproj|props|targets)$/i;
const MSBUILD_COMMAND = /<(PreBuildEvent|PostBuildEvent|PreLinkEvent)>\s*(?:<Command>)?([\s\S]{1,4000}?)(?:<\/Command>\s*)?<\/\1>|<Exec\b[^>]*?\bCommand\s*=\s*"([^"]{1,4000})"/g;
const GRADLE_FILE = /^(?:build|settings)\.gradle(?:\.kts)?$/;
const GRADLE_EXEC = /\bcommandLine\s*\(?|\bproviders\.exec\b|\.execute\s*\(\s*\)|Runtime\.getRuntime\(\)\.exec\s*\(|\bProcessBuilder\s*\(/g;
const MAX_PER_FILE = 20;

const xmlText = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x?[0-9a-f]+;/gi, ' ').replace(/&amp;/g, '&');

function msbuild(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  let n = 0;
  for (const m of text.matchAll(MSBUILD_COMMAND)) {
    const raw = (m[2] ?? m[3] ?? '').trim();
    if (!raw || ++n > MAX_PER_FILE) continue;
    const what = m[1] ?? 'Exec';
    ctx.add({ trigger: 'ide-build', command: xmlText(raw), file: p, line: ctx.lineAt(p, m.index!), leadsTo: [], label: `MSBuild ${what} (runs when the project is built in Visual Studio or with msbuild/dotnet build)` });
  }
}

function gradle(ctx: MapContext, p: string): void {
  const text = ctx.read(p);
  if (!text) return;
  let n = 0;
  let covered = 0;
  for (const m of text.matchAll(GRADLE_EXEC)) {
    // The call with its arguments: up to the end of its statement or block, bounded. One entry per block
    // (`providers.exec { commandLine(…) }` is one command).
    const from = m.index!;
    if (from < covered) continue;
    if (++n > MAX_PER_FILE) break;
    const end = text.indexOf('\n}', from);
    const stop = Math.min(end < 0 ? text.length : end + 2, from + 1500);
    covered = stop;
    ctx.add({ trigger: 'ide-build', command: text.slice(from, stop), file: p, line: ctx.lineAt(p, from), leadsTo: [], label: 'Gradle build script (evaluated on every build and IDE sync)' });
  }
}

export function collectBuildTools(ctx: MapContext): void {
  for (const f of ctx.view.files) {
    const p = f.path;
    if (isVendoredPath(p)) continue;
    const name = baseName(p);
    if (MSBUILD_FILE.test(name)) msbuild(ctx, p);
    else if (GRADLE_FILE.test(name)) gradle(ctx, p);
    else if (name === 'build.rs' && ctx.has(dirOf(p) ? `${dirOf(p)}/Cargo.toml` : 'Cargo.toml')) {
      ctx.add({ trigger: 'ide-build', command: 'cargo build (build.rs)', file: p, line: 1, leadsTo: [p], label: 'Cargo build script (compiled and run by cargo build and by rust-analyzer)' });
    }
  }
}
