import type { FileFacts, FileKind } from '../core/inputs.js';

const KIND_BY_EXT: Record<string, FileKind> = {
  '.js': 'js', '.cjs': 'js', '.mjs': 'js', '.jsx': 'js',
  '.ts': 'ts', '.tsx': 'ts', '.mts': 'ts', '.cts': 'ts',
  '.json': 'json', '.jsonc': 'json', '.json5': 'json', '.code-workspace': 'json',
  '.py': 'python', '.pyw': 'python', '.pth': 'python',
  '.sh': 'shell', '.bash': 'shell', '.zsh': 'shell', '.bat': 'shell', '.cmd': 'shell', '.ps1': 'shell',
  '.html': 'markup', '.htm': 'markup', '.svg': 'markup', '.xml': 'markup', '.md': 'markup', '.vue': 'markup', '.svelte': 'markup',
};

const VENDORED = /(^|\/)(node_modules|dist|build|vendor|vendors|bower_components|out|\.next|lib\/vendor)\/|\.min\.(js|mjs|cjs)$|[.-]bundle\.js$/;
/** Whether a path is vendored or built output (node_modules, dist, *.min.js …): weighed less, and never decoded. */
export const isVendoredPath = (path: string): boolean => VENDORED.test(path);

export function extOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.endsWith('.code-workspace')) return '.code-workspace';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** A NUL in the first 8 KiB (a native memchr, not a loop the interpreter runs for every file a worker meets cold). */
export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes text; `valid` is false when invalid UTF-8 had to be replaced (worth telling the user). */
export function decodeText(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: utf8Strict.decode(bytes), valid: true };
  } catch {
    return { text: utf8.decode(bytes), valid: false };
  }
}

export function lineStats(text: string): { lineCount: number; maxLineLength: number } {
  let lineCount = 1;
  let max = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i - start > max) max = i - start;
    start = i + 1;
    lineCount++;
  }
  if (text.length - start > max) max = text.length - start;
  return { lineCount, maxLineLength: max };
}

export function computeFacts(path: string, bytes: Uint8Array, text: string | null): FileFacts {
  const ext = extOf(path);
  const binary = text === null;
  let kind: FileKind = KIND_BY_EXT[ext] ?? (binary ? 'binary' : 'text');
  if (!binary && kind === 'text' && text.startsWith('#!')) {
    const first = text.slice(0, 120);
    if (/\bnode\b/.test(first)) kind = 'js';
    else if (/\bpython/.test(first)) kind = 'python';
    else if (/\b(ba|z|da)?sh\b/.test(first)) kind = 'shell';
  }
  const { lineCount, maxLineLength } = binary ? { lineCount: 0, maxLineLength: 0 } : lineStats(text);
  const avg = lineCount ? bytes.length / lineCount : 0;
  return {
    path,
    ext,
    kind,
    size: bytes.length,
    isText: !binary,
    lineCount,
    maxLineLength,
    vendored: isVendoredPath(path),
    // Python is not bundled or minified: a few huge lines in a .py file are a packed payload, not vendor output.
    minified: !binary && kind !== 'python' && bytes.length > 2048 && (avg > 300 || (lineCount <= 3 && maxLineLength > 1000)),
  };
}
