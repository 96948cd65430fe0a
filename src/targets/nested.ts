import { isVendoredPath } from '../analyzers/file-facts.js';
import type { ScanError, Skipped } from '../core/report.js';
import { openAsar } from './asar.js';
import { openGzipFile } from './gzip.js';
import { archiveByMagic, type ArchiveKind } from './detect.js';
import { readFileForScan, readFileHead } from './read.js';
import { openTar } from './tar.js';
import type { Target, TargetFile, TargetLimits } from './types.js';

/**
 * Archives inside the target (a loader zipped under `_websocket.typed`, a "test data" .zip, a vendored .tgz, an
 * Electron app.asar) are opened like the target itself and their entries scanned as files under the archive's own
 * path: `pkg/_websocket.typed/__main__.py`, `resources/app.asar/main.js`. The archive file stays listed too (the
 * disguised-archive rule reads it). The same unpackers and limits apply; the total bytes and entry count are shared
 * by the target and everything nested in it, and nesting stops at MAX_NESTING levels. Archives not opened, and why,
 * go to skipped (by design: data formats) or errors (could not be examined: too deep, encrypted, damaged, over limits).
 */
export const MAX_NESTING = 2;
/**
 * In vendored code (node_modules/, dist/ …) one level: packages ship their own tarball, which holds the previous one
 * (aes-js, under every ethers v6 install, nests itself 3 deep). A deeper one there is listed under skipped and the
 * scan stays complete, as with vendored files analysed reduced; anywhere else it is an error.
 */
export const MAX_NESTING_VENDORED = 1;

/**
 * Names never sniffed: the text and code formats that make up nearly every file of a large tree (one open per file
 * would cost ~10 µs each, 1 s on 100k files). An archive under one of these names is found by the analysis, which
 * reads every file anyway (binary where text was expected), and opened after it: see expandLateArchives. The
 * disguised-archive rule reports the ZIP itself.
 */
const NOT_SNIFFED =
  /\.(?:[cm]?[jt]sx?|json5?|jsonc|map|md|mdx|markdown|rst|css|scss|sass|less|styl|html?|vue|svelte|astro|ya?ml|toml|ini|cfg|conf|env|xml|svg|lock|snap|flow|coffee|py|pyi|pyx|pxd|rb|php|go|rs|java|kt|kts|scala|swift|cs|fs|c|h|cc|cpp|cxx|hpp|hh|m|mm|sh|bash|zsh|fish|ps1|bat|cmd|gyp|gypi|patch|diff|csv|tsv|graphql|gql|proto|sql|d\.ts|po|pot|properties|gradle|cmake|mk|tex|bib)$/i;

/** ZIP files by design that hold data or compiled code no rule reads: listed under skipped, entries not unpacked. */
const DATA_ZIP: Record<string, string> = {};
for (const ext of '.docx .xlsx .pptx .docm .xlsm .pptm .dotx .dotm .xltx .xltm .potx .potm .odt .ods .odp .odg .odf .ott .epub .vsdx .idml .pages .numbers .xmind .sketch .fig .ora .cbz .3mf .usdz .kmz .pkpass .sb3 .xps .oxps'.split(' ')) {
  DATA_ZIP[ext] = 'a document/data format that is a ZIP by design';
}
for (const ext of '.npz .pt .pth .ckpt .keras .mar .mpk .nemo'.split(' ')) DATA_ZIP[ext] = 'model weights / array data in a ZIP';
for (const ext of '.jar .war .ear .jmod .aar .apk .aab .ipa .appx .msix .xap'.split(' ')) {
  DATA_ZIP[ext] = 'a compiled Java/Android/iOS/Windows package (class/dex/native files, which no rule reads)';
}

/**
 * Each archive opened costs a private temp folder (~1 ms to make and remove): a tree of 100k tiny zips must not take
 * minutes. Past this many, the rest are counted in one error (their entries were not examined).
 */
export const MAX_NESTED_ARCHIVES = 1000;

const HEAD_BYTES = 4096;
const MIN_ARCHIVE_BYTES = 22; // the smallest ZIP (an empty one) is 22 bytes

interface Opened {
  files: TargetFile[];
  skipped: Skipped[];
  errors: ScanError[];
  cleanup(): Promise<void>;
}

/** Extension as file-facts gives it, plus `.tar.gz`. */
function extOf(rel: string): string {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.tar.gz')) return '.tar.gz';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

/** Whether the file is worth a look at its first bytes: cheap, by name and size only. */
export function sniffCandidate(f: TargetFile): boolean {
  return f.size >= MIN_ARCHIVE_BYTES && !NOT_SNIFFED.test(f.rel);
}

/** What to do with a file whose first bytes were read: open it as `kind`, list it as skipped, or nothing. */
/** An archive format, or `gz`: a gzip that holds one file, not a tar (see gzip.ts). */
type NestedKind = Exclude<ArchiveKind, null> | 'gz';

export function classifyNested(rel: string, head: Uint8Array): { kind: NestedKind } | { skip: string } | null {
  const ext = extOf(rel);
  const kind = archiveByMagic(head, ext === '.tar.gz' || ext === '.tgz' ? `x${ext}` : '');
  if (kind === 'zip') {
    const why = DATA_ZIP[ext];
    return why ? { skip: `ZIP archive not unpacked: ${ext} is ${why}; the file itself is scanned` } : { kind };
  }
  if (kind) return { kind };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'gz' };
  return null;
}

/** Entries at most this large are compared with their twin candidate byte for byte. */
const TWIN_MAX_BYTES = 32 << 20;

/**
 * The tree's own file that an archive's entry duplicates byte for byte, or undefined: a package that ships its own
 * tarball (`pkg/pkg-1.0.0.tgz` holding `package/lib/x.js` beside `pkg/lib/x.js`), a repo committing a zip of itself.
 * Scanning both would only double every finding. Candidates: the entry's path beside the archive, with and without
 * the archive's first folder (npm tarballs put everything under `package/`); same size first, then the bytes.
 */
function twinInTree(entry: TargetFile, dir: string, tree: ReadonlyMap<string, TargetFile>): string | undefined {
  if (entry.size > TWIN_MAX_BYTES) return undefined;
  const slash = entry.rel.indexOf('/');
  for (const rel of [dir + entry.rel, slash > 0 ? dir + entry.rel.slice(slash + 1) : '']) {
    const twin = rel ? tree.get(rel) : undefined;
    if (!twin || twin.size !== entry.size) continue;
    // Unreadable: not a twin; the entry is scanned (and the per-file read reports the tree's file).
    const a = readFileForScan(twin.abs, TWIN_MAX_BYTES);
    const b = a.ok ? readFileForScan(entry.abs, TWIN_MAX_BYTES) : a;
    if (a.ok && b.ok && Buffer.compare(a.bytes, b.bytes) === 0) return twin.rel;
  }
  return undefined;
}

async function openNested(kind: NestedKind, f: TargetFile, limits: TargetLimits, password: string | undefined): Promise<Opened> {
  if (kind === 'gz') return openGzipFile(f.abs, f.rel, limits);
  if (kind === 'zip') return (await import('./zip.js')).openZip(f.abs, f.rel, limits, password);
  if (kind === 'asar') return openAsar(f.abs, f.rel, limits);
  return openTar(f.abs, f.rel, limits, { gzip: kind === 'tgz' });
}

/**
 * Opens the archives among the target's files (by magic bytes, whatever their names) and returns the target with
 * their entries added as files `<archive path>/<entry>`; nested archives in those, up to MAX_NESTING levels.
 */
export async function expandNested(
  target: Target,
  limits: TargetLimits,
  password?: string,
  maxArchives = MAX_NESTED_ARCHIVES,
  /** Only these files (of target.files) are candidates at the first level, whatever their names: see expandLateArchives. */
  first?: readonly TargetFile[],
): Promise<Target> {
  const fromArchive = target.kind !== 'directory' && target.kind !== 'file';
  // What the target's own unpacking, and archives already opened in it, used counts against the shared limits.
  const opened0 = (target.archives ?? []).map((a) => `${a}/`);
  const counted = fromArchive ? target.files : opened0.length ? target.files.filter((f) => opened0.some((a) => f.rel.startsWith(a))) : [];
  let usedBytes = counted.reduce((n, f) => n + f.size, 0);
  let usedEntries = counted.length;
  const added: TargetFile[] = [];
  const skipped: Skipped[] = [];
  const errors: ScanError[] = [];
  const opened: Opened[] = [];
  const openedPaths: string[] = [];
  const treeByRel = new Map(target.files.map((f) => [f.rel, f]));
  const head = Buffer.alloc(HEAD_BYTES);
  let notOpened = 0;
  // Level by level, iteratively: the files of one level's archives are the next level's candidates.
  let level: readonly TargetFile[] = first ?? target.files;
  try {
    for (let depth = 1; level.length; depth++) {
      const next: TargetFile[] = [];
      for (const f of level) {
        if (!(first && depth === 1) && !sniffCandidate(f)) continue;
        // Unreadable here: the per-file read reports it.
        const got = readFileHead(f.abs, head);
        if (!got) continue;
        const what = classifyNested(f.rel, got);
        if (!what) continue;
        if ('skip' in what) {
          skipped.push({ path: f.rel, reason: what.skip });
          continue;
        }
        const vendored = isVendoredPath(f.rel);
        const maxDepth = vendored ? MAX_NESTING_VENDORED : MAX_NESTING;
        if (depth > maxDepth) {
          const message = `nested ${what.kind} archive not unpacked: more than ${maxDepth} archive${maxDepth > 1 ? 's' : ''} deep${vendored ? ' in vendored code' : ''}; its entries were not examined`;
          if (vendored) skipped.push({ path: f.rel, reason: message });
          else errors.push({ path: f.rel, message });
          continue;
        }
        if (opened.length >= maxArchives) {
          notOpened++;
          continue;
        }
        const left = { ...limits, maxTotalBytes: limits.maxTotalBytes - usedBytes, maxEntries: limits.maxEntries - usedEntries };
        if (left.maxTotalBytes <= 0 || left.maxEntries <= 0) {
          errors.push({ path: f.rel, message: `nested ${what.kind} archive not unpacked: the target and its archives already reached the limit (${left.maxEntries <= 0 ? 'maxEntries' : 'maxTotalBytes'}); its entries were not examined` });
          continue;
        }
        let sub: Opened;
        try {
          sub = await openNested(what.kind, f, left, password);
        } catch (e) {
          // TargetError: encrypted without a known password, not a readable archive; anything else: I/O.
          const msg = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
          errors.push({ path: f.rel, message: `nested ${what.kind} archive could not be unpacked (${msg}); its entries were not examined` });
          continue;
        }
        opened.push(sub);
        openedPaths.push(f.rel);
        const prefix = `${f.rel}/`;
        const inside = (p: string) => (p === f.rel ? p : prefix + p);
        const dir = f.rel.slice(0, f.rel.lastIndexOf('/') + 1);
        let twins = 0;
        let firstTwin = '';
        for (const x of sub.files) {
          const twin = twinInTree(x, dir, treeByRel);
          if (twin) {
            twins++;
            firstTwin ||= `${prefix}${x.rel} = ${twin}`;
            continue;
          }
          const file = { rel: prefix + x.rel, abs: x.abs, size: x.size };
          added.push(file);
          next.push(file);
          usedBytes += x.size;
        }
        usedEntries += sub.files.length;
        if (twins) skipped.push({ path: f.rel, reason: `${twins} of its ${sub.files.length} entries are byte-identical to the tree's own files beside it (${firstTwin}): scanned there, not twice` });
        for (const x of sub.skipped) skipped.push({ path: inside(x.path), reason: x.reason });
        for (const x of sub.errors) errors.push({ path: inside(x.path), message: x.message });
      }
      level = next;
    }
  } catch (e) {
    for (const o of opened) await o.cleanup().catch(() => {});
    throw e;
  }
  if (notOpened) {
    errors.push({ path: target.display, message: `${notOpened} more archive${notOpened === 1 ? '' : 's'} inside the target not unpacked (limit: ${maxArchives} nested archives); their entries were not examined` });
  }
  if (!added.length && !skipped.length && !errors.length) return target;
  const files = added.length ? [...target.files, ...added].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0)) : target.files;
  return {
    ...target,
    files,
    ...(opened.length ? { archives: [...(target.archives ?? []), ...openedPaths] } : {}),
    skipped: [...target.skipped, ...skipped],
    errors: [...target.errors, ...errors],
    cleanup: async () => {
      for (const o of opened) await o.cleanup().catch(() => {});
      await target.cleanup();
    },
  };
}

/**
 * Archives the walk did not sniff because of their names (NOT_SNIFFED: a ZIP named `x.js`, a tarball named
 * `data.json`): the analysis reads every file, and those it found binary are opened now, like any nested archive (same
 * limits, the tree for twins). `isBinary` answers from the analysis' facts. Returns the target with their entries added
 * (or the target itself) and the entries added, which the caller analyses in a second pass. One pass: an archive with
 * a code name inside one of these is listed as a file, its own entries not opened.
 */
export async function expandLateArchives(
  target: Target,
  isBinary: (rel: string) => boolean,
  limits: TargetLimits,
  password?: string,
): Promise<{ target: Target; added: TargetFile[] }> {
  const candidates = target.files.filter((f) => f.size >= MIN_ARCHIVE_BYTES && NOT_SNIFFED.test(f.rel) && isBinary(f.rel));
  if (!candidates.length) return { target, added: [] };
  const before = new Set(target.files.map((f) => f.rel));
  const expanded = await expandNested(target, limits, password, MAX_NESTED_ARCHIVES, candidates);
  return { target: expanded, added: expanded.files.filter((f) => !before.has(f.rel)) };
}
