import { createHash } from 'node:crypto';
import { filesRunByAutorun, type AutorunEntry } from '../core/autorun.js';
import type { Finding, Ioc } from '../core/finding.js';
import type { FileFacts, ProjectView } from '../core/inputs.js';
import { SCHEMA_VERSION, type Report, type ScanError } from '../core/report.js';
import type { AnyRule, RuleMeta } from '../core/rule.js';
import { locationNote, scoreFindings } from '../core/score.js';
import { buildAutorunMapWithErrors } from '../analyzers/autorun/index.js';
import { extOf, isVendoredPath } from '../analyzers/file-facts.js';
import { Engine, type RuleSelection } from '../engine/pool.js';
import { factsBeforeAnalysis, runProjectRules, runProjectRulesEarly } from '../engine/project.js';
import { DEFAULT_LIMITS, expandLateArchives, openTarget, type OpenOptions, type Target } from '../targets/index.js';
import type { OnlineOptions } from '../online/index.js';
import { readFileForScan } from '../targets/read.js';
import { selectRules } from '../rules/index.js';
import { summarize } from './summary.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions extends OpenOptions {
  rules?: RuleSelection;
  /** Worker threads (default: one per core, one for tiny targets). 0 analyses in-process: faster to start, but a file that makes a rule spin cannot be stopped — for trusted inputs and tests. */
  threads?: number;
  fileTimeoutMs?: number;
  /** Files over this many bytes are analysed reduced: the AST rules see a quarter of the limit at each end, the text rules all of it (default 4 MB). */
  parseMaxBytes?: number;
  onProgress?: (p: { doneBytes: number; totalBytes: number; doneFiles: number; totalFiles: number }) => void;
  /** Online mode (off by default): look the direct dependencies up on their registries; `deep` scans them too. */
  online?: OnlineOptions;
}

const PROJECT_READ_LIMIT = 2 << 20;

/** Scans a folder, archive or package without executing any of it, and returns the self-contained report. */
export async function scan(targetSpec: string, options: ScanOptions = {}): Promise<Report> {
  const started = performance.now();
  // Started first: the worker threads load the rules while the target is opened and walked.
  const engine = Engine.start({ threads: options.threads });
  let target: Target;
  const maxFileBytes = options.limits?.maxFileBytes ?? 128 << 20;
  // How every file is analysed: early (zip streaming), in the main pass and in the pass over late-opened archives.
  const analysisOpts = { maxFileBytes, ruleSelection: options.rules ?? {}, fileTimeoutMs: options.fileTimeoutMs ?? 20_000, parseMaxBytes: options.parseMaxBytes };
  try {
    // A zip's big JavaScript files are analysed while the rest of it unpacks (Engine.early).
    const onFile = (f: { rel: string; abs: string; size: number }) => {
      engine.early(f, analysisOpts);
    };
    target = await openTarget(targetSpec, { ...options, onFile, onSize: (bytes, files) => engine.expect(bytes, files) });
  } catch (e) {
    await engine.close();
    throw e;
  }
  try {
    // Obfuscated files start decoding now, while the workers load and the autorun map is built.
    engine.prepare(target.files, { ruleSelection: options.rules ?? {}, maxFileBytes });
    let totalBytes = target.files.reduce((n, f) => n + f.size, 0);
    const absByRel = new Map(target.files.map((f) => [f.rel, f.abs]));
    const textCache = new Map<string, string | null>();
    const readText = (rel: string): string | null => {
      if (textCache.has(rel)) return textCache.get(rel)!;
      const abs = absByRel.get(rel);
      let text: string | null = null;
      if (abs) {
        const read = readFileForScan(abs, PROJECT_READ_LIMIT);
        if (read.ok && !read.bytes.subarray(0, 8192).includes(0)) text = Buffer.from(read.bytes).toString('utf8');
      }
      textCache.set(rel, text);
      return text;
    };
    // The autorun map needs only paths and readText, so it is built first: the files its entries run with node under
    // a non-JS name (`node public/fonts/fa-solid-400.woff2`, `node .vscode/x`) are then parsed as JavaScript.
    // Its errors (a config that could not be parsed) join the report's: a hidden autorun entry must not look clean.
    const { entries: autorun, errors: autorunErrors } = buildAutorunMapWithErrors({
      files: target.files.map((f) => minimalFacts(f.rel, f.size)),
      readText,
    });
    // Online mode (src/online, loaded only then): the registry lookups run while the files are analysed.
    const onlineRun = options.online ? (await import('../online/index.js')).startOnline({ files: target.files.map((f) => minimalFacts(f.rel, f.size)), readText }, options.online) : undefined;
    const runAsJs = nodeRunNonJs(autorun);
    const refs = runAsJs.size ? target.files.map((f) => (runAsJs.has(f.rel) ? { ...f, parseAsJs: true } : f)) : target.files;
    const analysis = engine.run(refs, {
      ...analysisOpts,
      mustBeWhole: filesRunByAutorun(autorun),
      onProgress: (doneBytes, doneFiles) =>
        options.onProgress?.({ doneBytes, totalBytes, doneFiles, totalFiles: target.files.length }),
    });
    const rules = selectRules(options.rules);
    // While the workers analyse, the main thread runs the project rules that need no per-file facts (see
    // runProjectRulesEarly). Not with online mode (its rules wait for the registry) nor in-process (nothing overlaps).
    const early =
      options.online || options.threads === 0
        ? undefined
        : runProjectRulesEarly(rules, { files: target.files.map((f) => factsBeforeAnalysis(f.rel, f.size)), readText, autorun });
    const { results, errors: fileErrors, skipped: reducedFiles } = await analysis;
    // Archives under code or text names (`x.js` that is a ZIP) are not sniffed by the walk: the analysis found them
    // binary, so they are opened now and their entries analysed in a second pass (not seen by the autorun map).
    if (options.nestedArchives !== false) {
      const binary = new Set(results.filter((r) => !r.facts.isText).map((r) => r.facts.path));
      const late = binary.size ? await expandLateArchives(target, (rel) => binary.has(rel), { ...DEFAULT_LIMITS, ...options.limits }, options.password) : undefined;
      if (late && late.target !== target) {
        target = late.target;
        for (const f of late.added) {
          absByRel.set(f.rel, f.abs);
          totalBytes += f.size;
        }
        const more = await engine.run(late.added, analysisOpts);
        results.push(...more.results);
        fileErrors.push(...more.errors);
        reducedFiles.push(...more.skipped);
      }
    }
    await engine.close();
    const factsByPath = new Map<string, FileFacts>(results.map((r) => [r.facts.path, r.facts]));
    const files = target.files.map((f) => factsByPath.get(f.rel) ?? minimalFacts(f.rel, f.size));
    const view: ProjectView = { files, readText, autorun };
    // Online mode (src/online): registry facts land on view.registry for the project rules; deep adds dependency findings.
    const online = onlineRun
      ? await onlineRun.finish(view, (spec, fetchers) => scan(spec, { ...options, ...fetchers, online: undefined, onProgress: undefined }))
      : undefined;
    const project = runProjectRules(rules, view, await early);

    const findings: Finding[] = [...results.flatMap((r) => r.findings), ...project.findings, ...(online?.findings ?? [])];
    // Only the files an entry executes or loads (and a hook, setup.py or .pnpmfile.cjs that is itself the entry): the
    // declaring package.json / tasks.json is not code that runs (else a typosquatted dependency would weigh as if it ran).
    const reached = filesRunByAutorun(autorun);
    for (const f of findings) if (reached.has(f.file)) f.autorun = true;
    const metas = ruleMetas(rules);
    for (const f of findings) f.weightNote ??= locationNote(f, factsByPath.get(f.file), metas[f.ruleId]);
    const scored = scoreFindings(findings, metas);
    const errors: ScanError[] = [...target.errors, ...fileErrors, ...results.flatMap((r) => r.errors), ...autorunErrors, ...project.errors, ...(online?.errors ?? [])];
    const usedRules = Object.fromEntries(
      [...new Set(findings.map((f) => f.ruleId))].sort().map((id) => [id, { id, ...metas[id]! }]),
    );
    const report: Report = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'lurescan', version: TOOL_VERSION },
      target: target.display,
      verdict: scored.verdict,
      score: scored.score,
      summary: '',
      autorun,
      findings: scored.ranked,
      iocs: collectIocs(scored.ranked),
      skipped: [...target.skipped, ...reducedFiles],
      errors,
      stats: {
        files: target.files.length,
        bytes: totalBytes,
        durationMs: Math.round(performance.now() - started),
        parsedFiles: results.filter((r) => r.parsed).length,
      },
      rules: usedRules,
      incomplete: errors.length > 0,
      fileHashes: { ...hashFilesWithFindings(scored.ranked, absByRel, maxFileBytes), ...online?.fileHashes },
      ...(target.archives?.length ? { archives: target.archives } : {}),
    };
    report.summary = summarize(report);
    return report;
  } finally {
    await engine.close();
    await target.cleanup();
  }
}

function ruleMetas(rules: readonly AnyRule[]): Record<string, RuleMeta> {
  return Object.fromEntries(rules.map((r) => [r.id, r.meta]));
}

function collectIocs(findings: Finding[]): Ioc[] {
  const seen = new Set<string>();
  const out: Ioc[] = [];
  for (const f of findings) {
    for (const i of f.iocs ?? []) {
      const key = `${i.type}\u0000${i.value}\u0000${i.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(i);
    }
  }
  return out;
}

/** SHA-256 of the files that carry findings (read again, bounded by the same size limit; unreadable ones are left out). */
function hashFilesWithFindings(findings: Finding[], absByRel: Map<string, string>, maxBytes: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of [...new Set(findings.map((f) => f.file))].sort()) {
    const abs = absByRel.get(rel);
    if (!abs) continue;
    const read = readFileForScan(abs, maxBytes);
    if (read.ok) out[rel] = createHash('sha256').update(read.bytes).digest('hex');
  }
  return out;
}

/** Names node runs as code anyway; and data/other-language files an entry loads but never runs with node. */
const NOT_DISGUISED = /\.(?:[cm]?[jt]sx?|json5?|jsonc|node|wasm|py[cdw]?|sh|bash|zsh|bat|cmd|ps1|css|scss|sass|less|html?|svg|xml|md|markdown|ya?ml|toml|ini|env|lock|map|csv|txt|vue|svelte|d\.ts)$/i;

/** Files of the target that autorun entries lead to under a name that is not JavaScript's (fonts, extension-less). */
function nodeRunNonJs(autorun: AutorunEntry[]): Set<string> {
  const out = new Set<string>();
  for (const e of autorun) {
    // npm scripts and VS Code tasks/launch configs are where `node <file>` runs; git hooks, make, docker run shells.
    if (!/^(?:npm-|vscode-)/.test(e.trigger)) continue;
    for (const p of e.leadsTo) {
      const base = p.slice(p.lastIndexOf('/') + 1);
      if (!NOT_DISGUISED.test(base) && !/(?:^|\/)\.git\//.test(p)) out.add(p);
    }
  }
  return out;
}

/** Facts of a file the analysis could not read: those of its path (as computeFacts gives them), nothing of its content. */
function minimalFacts(path: string, size: number): FileFacts {
  return { path, ext: extOf(path), kind: 'other', size, isText: false, lineCount: 0, maxLineLength: 0, vendored: isVendoredPath(path), minified: false };
}

