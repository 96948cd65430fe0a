import { defineRule } from '../../core/rule.js';

/**
 * Formats that are ZIP files by design (office documents, Java/Android/Python packages, model weights, browser and
 * editor extensions …): a ZIP under these names is what it says.
 */
const ZIP_CONTAINERS = new Set(
  (
    '.zip .jar .war .ear .jmod .whl .egg .pyz .pyzw .apk .aab .aar .xpi .crx .vsix .nupkg .docx .xlsx .pptx .docm .xlsm .pptm ' +
    '.odt .ods .odp .odg .epub .ipa .appx .msix .xap .npz .pt .pth .ckpt .keras .mar .kmz .3mf .usdz .sketch .fig .xmind ' +
    '.cbz .key .pages .numbers .sb3 .pkpass .ora .mpk .vsdx .idml .maff .gadget .asice .bundle .zipx .love'
  ).split(' '),
);
/** What makes an archive a program rather than data: code or executables inside it. */
const CODE_ENTRY = /\.(?:py|pyc|pyw|js|mjs|cjs|ts|sh|bash|bat|cmd|ps1|vbs|exe|dll|so|dylib|node|scr|jar)$/i;
const MAX_ENTRIES = 5000;

/** Entry names from the ZIP central directory (bounded; a damaged directory yields what could be read). */
export function zipEntryNames(b: Uint8Array): string[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = Math.min(dv.getUint16(eocd + 10, true), MAX_ENTRIES);
  let p = dv.getUint32(eocd + 16, true);
  const names: string[] = [];
  const dec = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count && p + 46 <= b.length; n++) {
    if (dv.getUint32(p, true) !== 0x02014b50) break;
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > b.length) break;
    names.push(dec.decode(b.subarray(p + 46, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

export default defineRule({
  id: 'disguised-archive',
  meta: {
    kind: 'threat',
    category: 'file-type',
    severity: 'high',
    confidence: 'high',
    summary: 'A ZIP archive of code hidden under a name that is not an archive (a Python zip app named like a data file)',
    why: 'Python runs any ZIP that holds a __main__.py (`python _websocket.typed` works), and loaders unpack code from archives named .dat, .typed or .txt so that reviewers and scanners skip them. A coding test has no reason to ship code inside a file that pretends to be something else.',
    fix: 'Do not run the project. List the archive (`unzip -l <file>`) and read what it holds; find what opens or runs it (setup.py, package scripts, a subprocess call).',
    falsePositives:
      'Formats that are ZIP files by design (.docx/.xlsx, .jar/.apk/.whl/.egg, .vsix/.xpi, PyTorch .pt/.pth and NumPy .npz weights, .epub, .sketch …) are not reported, nor are ZIPs that hold no code (data, images, documents). A ZIP of code under an unusual name is medium; one Python would run as a program is high.',
    references: ['https://docs.python.org/3/library/zipapp.html', 'https://attack.mitre.org/techniques/T1027/', 'CWE-506'],
    status: 'preview',
  },
  input: 'file',
  appliesTo: (f) => f.size >= 22 && !ZIP_CONTAINERS.has(f.ext),
  check(ctx, file) {
    const b = file.bytes;
    if (!(b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4)) return;
    const names = zipEntryNames(b);
    const code = names.filter((n) => CODE_ENTRY.test(n));
    if (!code.length) return;
    const name = file.facts.path.slice(file.facts.path.lastIndexOf('/') + 1);
    const runnable = names.includes('__main__.py') || names.includes('__main__.pyc');
    const shown = [...new Set([...(runnable ? ['__main__.py'] : []), ...code])].slice(0, 8);
    ctx.report({
      at: { line: 1 },
      message: runnable
        ? `"${name}" is a ZIP archive with a top-level __main__.py: \`python ${name}\` runs it as a program whatever its name`
        : `"${name}" is a ZIP archive holding ${code.length} code file(s) under a name that is not an archive`,
      evidence: `${file.facts.path}: ZIP archive, ${names.length} entries: ${shown.join(', ')}${code.length > shown.length ? ', …' : ''}`,
      severity: runnable ? 'high' : 'medium',
      confidence: runnable ? 'high' : 'medium',
      iocs: [{ type: 'path', value: file.facts.path }],
    });
  },
});
