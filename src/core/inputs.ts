/** Shapes handed to rules. Produced by engine/analyzers, consumed by rules; plain data only. */
import type { Node as PyNode } from 'web-tree-sitter';
import type { AutorunEntry } from './autorun.js';

export type FileKind =
  | 'js' // .js .cjs .mjs .jsx
  | 'ts' // .ts .tsx .mts .cts
  | 'json'
  | 'python'
  | 'shell'
  | 'markup' // html, svg, xml, md
  | 'text'
  | 'binary'
  | 'other';

export interface FileFacts {
  /** Relative path, forward slashes. */
  path: string;
  /** Lowercased extension with the dot ('' if none). */
  ext: string;
  kind: FileKind;
  size: number;
  /** True when the text contains no NUL in its first 8 KiB and decodes as UTF-8 (possibly with replacements). */
  isText: boolean;
  lineCount: number;
  maxLineLength: number;
  /** Under node_modules/, dist/, build/, vendor/, or a *.min.js: code the author did not write by hand. */
  vendored: boolean;
  /** Few, very long lines: a bundle or minified file. */
  minified: boolean;
}

export interface TextFile {
  facts: FileFacts;
  bytes: Uint8Array;
  /** null for binary files. */
  text: string | null;
}

export interface JsFile {
  facts: FileFacts;
  text: string;
  /** ESTree Program with `start`/`end` offsets on every node (meriyah/acorn shape). */
  ast: any;
  /** True when the parser had to recover from errors (acorn-loose): the tree may be partial. */
  recovered: boolean;
}

export interface PyFile {
  facts: FileFacts;
  text: string;
  /** tree-sitter-python root node; indices are UTF-16 offsets into `text`. Valid only during the rule's check. */
  root: PyNode;
  /** True when the parser had to recover from errors (Python 2, broken code): the tree may hold ERROR nodes. */
  recovered: boolean;
}

export interface ProjectView {
  /** Every file in the target (facts only, no contents). */
  files: FileFacts[];
  /** Reads a small text file of the target (≤ 2 MiB); null when absent, binary or too large. */
  readText(path: string): string | null;
  /** The autorun map, built before project rules run. */
  autorun: AutorunEntry[];
  /** Online mode only: registry lookups of the direct dependencies. */
  registry?: RegistryFacts;
}

/**
 * What the package registries said about the project's direct dependencies (online mode only: `scan --online`).
 * Looked up before the project rules run, so the rules stay pure. Names that could not be looked up are absent;
 * the scan lists them as errors (incomplete), never as clean.
 */
export interface RegistryFacts {
  /** When the lookups were made (ISO 8601): ages are measured against this, not the clock. */
  checkedAt: string;
  /** By `${ecosystem}:${name}` (PyPI names in PEP 503 form). */
  packages: Record<string, RegistryPackage>;
}

export interface RegistryPackage {
  ecosystem: 'npm' | 'pypi';
  name: string;
  /** The document that was read (packument / PyPI JSON URL). */
  url: string;
  /** found; missing (404); removed (the name exists but every version is gone); security-placeholder (npm's `0.0.1-security`). */
  state: 'found' | 'missing' | 'removed' | 'security-placeholder';
  /** When the name was first published (npm `time.created`; PyPI: the earliest upload). */
  created?: string;
  versionCount?: number;
  latest?: string;
  /** The version the declared range (or the lockfile) picks, and when it was published. */
  picked?: string;
  pickedPublished?: string;
  /** The oldest publish time among the versions the declared range allows (all young: a freshly pushed takeover?). */
  oldestMatchingPublished?: string;
  /** The exact version the manifest or lockfile pins, when the registry no longer serves it (unpublished or never published). */
  missingVersion?: string;
  /** When that version had been published, if the registry still remembers (npm keeps `time` of unpublished versions). */
  missingVersionPublished?: string;
  /** Set when the document was larger than the size limit: only a long history makes one that big, so no age is known. */
  truncated?: boolean;
}
