import { defineRule } from '../../core/rule.js';
import { sniffCode } from './_code-sniff.js';
import { EXPECTED, OPAQUE_BINARY, describeExt, sniff } from './_magic.js';

/** Folders that hold media, where a script without an extension is out of place. */
const ASSET_DIR = /(?:^|\/)(?:icons?|images?|img|imgs|fonts?|assets|static|media|pictures|sounds|audio|video)\//i;
const BASE64_BLOB = /^[A-Za-z0-9+/=\r\n]{1024,}$/;

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** At most a few NULs and control bytes in the first 4 KiB: text with a little junk, not a binary format. */
function looksMostlyText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  return bad * 50 < n;
}

function firstLines(text: string, max = 200): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^(?:\/\/|#(?!!)|REM\b|::)/i.test(l));
  return lines.join(' ⏎ ').slice(0, max);
}

export default defineRule({
  id: 'file-type-mismatch',
  meta: {
    kind: 'threat',
    category: 'file-type',
    severity: 'high',
    confidence: 'high',
    summary: 'A font, image, media, archive or data file whose bytes are actually a script or an executable',
    why: 'Lures hide their loader in public/fonts/fa-solid-400.woff2 or a .png and start it with `node <font>` from a VS Code task or a package script: nobody reviews a font. Payload hosts keep extension-less shell/batch stagers in icons/ folders.',
    fix: 'Do not run the project. Open the file as text: a real font or image starts with its binary signature, not with `require(` or `#!/bin/bash`. Find what executes it (tasks.json, package.json scripts).',
    falsePositives:
      'Real files are recognised by their magic bytes (PNG, JPEG, GIF, WebP, ICO, BMP, WOFF/WOFF2/TTF/OTF/EOT, MP3/MP4/WebM/Ogg/WAV, ZIP/gzip/7z/rar/tar, ...); a mislabelled image (a JPEG named .png) is harmless and ignored. Git LFS pointer files, empty files and SVG/HTML saved under an image name are ignored. Text that is not clearly code (prose, CSV) under a binary name is not reported; unknown binary content under a format extension is reported at low severity only.',
    references: ['https://github.com/zeekay/petshop-of-horrors', 'https://www.aikido.dev/blog', 'CWE-434', 'CWE-506'],
    status: 'stable',
  },
  input: 'file',
  appliesTo: (f) => f.size > 0 && (f.ext in EXPECTED || OPAQUE_BINARY.has(f.ext) || (f.ext === '' && f.isText && ASSET_DIR.test(f.path))),
  check(ctx, file) {
    const { facts, bytes, text } = file;
    const ext = facts.ext;
    const name = facts.path.slice(facts.path.lastIndexOf('/') + 1);
    const expected = EXPECTED[ext];
    const what = describeExt(ext);
    const claimed = ext ? `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} file (${ext})` : 'an asset';
    const found = sniff(bytes);

    if (found?.family === 'executable') {
      ctx.report({
        at: { line: 1 },
        message: `"${name}" is named like ${claimed} but is a ${found.description}`,
        evidence: `${facts.path}: ${found.description}`,
        severity: expected ? 'high' : 'medium',
        confidence: 'high',
      });
      return;
    }
    if (found && expected?.includes(found.family)) return;

    if (!found && (text !== null || looksMostlyText(bytes))) {
      // A NUL or two in a comment makes a script look "binary" to naive checks; judge by what the bytes say.
      const body = text ?? utf8.decode(bytes.subarray(0, 64 * 1024)).replace(/\0/g, '');
      const code = sniffCode(body);
      if (code) {
        const where = ext ? `named like ${claimed}` : `an extension-less file in an asset folder`;
        ctx.report({
          at: { line: 1 },
          message: `"${name}" is ${where} but its content is ${code.lang} (${code.hits.join(', ')})${code.danger.length ? `; it uses ${code.danger.join(', ')}` : ''}`,
          evidence: firstLines(body),
          severity: ext ? (code.danger.length ? 'critical' : 'high') : code.danger.length ? 'high' : 'medium',
          confidence: 'high',
        });
        return;
      }
      if (expected && BASE64_BLOB.test(body.slice(0, 64 * 1024).trim())) {
        ctx.report({
          at: { line: 1 },
          message: `"${name}" is named like ${claimed} but holds base64 text (an encoded payload kept where nobody looks)`,
          evidence: body.slice(0, 120),
          severity: 'medium',
          confidence: 'medium',
        });
      }
      if (text !== null) return;
    }

    if (!expected) return;
    if (found && (found.family === 'archive' || found.family === 'bytecode' || found.family === 'document')) {
      ctx.report({
        at: { line: 1 },
        message: `"${name}" is named like ${claimed} but is a ${found.description}`,
        evidence: `${facts.path}: ${found.description}`,
        severity: 'medium',
        confidence: 'medium',
      });
      return;
    }
    if (!found && text === null) {
      const head = [...bytes.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
      ctx.report({
        at: { line: 1 },
        message: `"${name}" does not start with any ${describeExt(ext)} signature (encrypted or packed data under a harmless name?)`,
        evidence: `${facts.path}: first bytes ${head}`,
        severity: 'low',
        confidence: 'low',
      });
    }
  },
});
