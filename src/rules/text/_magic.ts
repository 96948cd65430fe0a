/** Magic-byte sniffing: what a file's first bytes say it is, whatever its name claims. Pure, bounded reads. */

export type FormatFamily = 'image' | 'font' | 'media' | 'archive' | 'executable' | 'document' | 'bytecode' | 'data';

export interface Sniffed {
  family: FormatFamily;
  /** Short name, e.g. 'png', 'elf', 'pe'. */
  format: string;
  /** Human description, e.g. 'ELF 64-bit shared object (x86-64)'. */
  description: string;
}

function ascii(b: Uint8Array, at: number, s: string): boolean {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
}
function u16le(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u16be(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}
function u32le(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

const ELF_MACHINES: Record<number, string> = { 3: 'x86', 40: 'ARM', 62: 'x86-64', 183: 'AArch64', 243: 'RISC-V', 247: 'eBPF', 8: 'MIPS', 21: 'PowerPC64', 20: 'PowerPC' };
const ELF_TYPES: Record<number, string> = { 1: 'relocatable', 2: 'executable', 3: 'shared object', 4: 'core dump' };
const PE_MACHINES: Record<number, string> = { 0x14c: 'x86', 0x8664: 'x86-64', 0xaa64: 'ARM64', 0x1c0: 'ARM', 0x1c4: 'ARMv7' };
const MACHO_CPUS: Record<number, string> = { 7: 'x86', 0x01000007: 'x86-64', 12: 'ARM', 0x0100000c: 'ARM64' };

function sniffExecutable(b: Uint8Array): Sniffed | null {
  if (b.length >= 20 && b[0] === 0x7f && ascii(b, 1, 'ELF')) {
    const le = b[5] !== 2;
    const type = le ? u16le(b, 16) : u16be(b, 16);
    const machine = le ? u16le(b, 18) : u16be(b, 18);
    const bits = b[4] === 2 ? '64-bit' : '32-bit';
    return { family: 'executable', format: machine === 247 ? 'elf-bpf' : 'elf', description: `ELF ${bits} ${ELF_TYPES[type] ?? 'file'} (${ELF_MACHINES[machine] ?? `machine ${machine}`})` };
  }
  if (b.length >= 64 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = u32le(b, 0x3c);
    if (pe > 0 && pe + 24 <= b.length && ascii(b, pe, 'PE\0\0')) {
      const machine = u16le(b, pe + 4);
      const characteristics = u16le(b, pe + 22);
      const dll = (characteristics & 0x2000) !== 0;
      return { family: 'executable', format: 'pe', description: `PE ${dll ? 'DLL' : 'executable'} for Windows (${PE_MACHINES[machine] ?? `machine 0x${machine.toString(16)}`})` };
    }
    // An MZ header whose PE offset points past a truncated copy: still a Windows/DOS executable stub.
    if (b.length >= 0x40 && (u16le(b, 0x18) === 0x40 || pe >= b.length)) return { family: 'executable', format: 'pe', description: 'MS-DOS/Windows executable (MZ)' };
  }
  if (b.length >= 8) {
    const be = u32be(b, 0);
    if (be === 0xfeedface || be === 0xfeedfacf || be === 0xcefaedfe || be === 0xcffaedfe) {
      const le = be === 0xcefaedfe || be === 0xcffaedfe;
      const cpu = le ? u32le(b, 4) : u32be(b, 4);
      const bits = be === 0xfeedfacf || be === 0xcffaedfe ? '64-bit' : '32-bit';
      return { family: 'executable', format: 'macho', description: `Mach-O ${bits} (${MACHO_CPUS[cpu] ?? `cpu ${cpu}`})` };
    }
    if (be === 0xcafebabe) {
      const n = u32be(b, 4);
      // Java class files share the magic; their minor/major version is ≥ 45, a fat Mach-O has a handful of slices.
      if (n > 0 && n < 30) return { family: 'executable', format: 'macho', description: `Mach-O universal binary (${n} architectures)` };
      return { family: 'bytecode', format: 'java-class', description: `Java class file (version ${u16be(b, 6)})` };
    }
  }
  return null;
}

/** What the bytes are, or null when no known signature matches (text, or an unknown/absent format). */
export function sniff(b: Uint8Array): Sniffed | null {
  const exe = sniffExecutable(b);
  if (exe) return exe;
  const s = (family: FormatFamily, format: string, description = format.toUpperCase()): Sniffed => ({ family, format, description });
  if (b.length < 4) return null;
  // Images
  if (b[0] === 0x89 && ascii(b, 1, 'PNG')) return s('image', 'png');
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return s('image', 'jpeg');
  if (ascii(b, 0, 'GIF8')) return s('image', 'gif');
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return s('image', 'webp');
  if (ascii(b, 0, 'BM') && b.length >= 26 && u32le(b, 2) > 0 && u32le(b, 10) < 1 << 20) return s('image', 'bmp');
  if (b[0] === 0 && b[1] === 0 && (b[2] === 1 || b[2] === 2) && b[3] === 0) return s('image', 'ico');
  if (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*')) return s('image', 'tiff');
  if (ascii(b, 0, '8BPS')) return s('image', 'psd');
  if (ascii(b, 4, 'ftyp')) {
    const brand = String.fromCharCode(...b.subarray(8, 12));
    if (/^(avi[fs]|heic|heix|hevc|mif1|msf1)$/.test(brand)) return s('image', 'heif', `HEIF/AVIF image (${brand})`);
    return s('media', 'mp4', `ISO media (${brand.trim()})`);
  }
  if (b[0] === 0x76 && b[1] === 0x2f && b[2] === 0x31 && b[3] === 0x01) return s('image', 'exr');
  if (ascii(b, 0, 'qoif')) return s('image', 'qoi');
  // Fonts
  if (ascii(b, 0, 'wOFF')) return s('font', 'woff');
  if (ascii(b, 0, 'wOF2')) return s('font', 'woff2');
  if ((b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) || ascii(b, 0, 'true') || ascii(b, 0, 'typ1')) return s('font', 'ttf', 'TrueType font');
  if (ascii(b, 0, 'OTTO')) return s('font', 'otf', 'OpenType font');
  if (ascii(b, 0, 'ttcf')) return s('font', 'ttc', 'TrueType collection');
  if (b.length >= 36 && b[34] === 0x4c && b[35] === 0x50) return s('font', 'eot', 'Embedded OpenType font');
  // Audio / video
  if (ascii(b, 0, 'ID3') || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0)) return s('media', 'mp3', 'MPEG audio');
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return s('media', 'webm', 'Matroska/WebM');
  if (ascii(b, 0, 'OggS')) return s('media', 'ogg');
  if (ascii(b, 0, 'fLaC')) return s('media', 'flac');
  if (ascii(b, 0, 'RIFF') && (ascii(b, 8, 'WAVE') || ascii(b, 8, 'AVI '))) return s('media', ascii(b, 8, 'WAVE') ? 'wav' : 'avi');
  if (ascii(b, 0, 'FWS') || ascii(b, 0, 'CWS') || ascii(b, 0, 'ZWS')) return s('media', 'swf', 'Flash');
  // Archives
  if (b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)) return s('archive', 'zip', 'ZIP archive');
  if (b[0] === 0x1f && b[1] === 0x8b) return s('archive', 'gzip');
  if (ascii(b, 0, 'BZh')) return s('archive', 'bzip2');
  if (b[0] === 0xfd && ascii(b, 1, '7zXZ')) return s('archive', 'xz');
  if (b[0] === 0x37 && b[1] === 0x7a && b[2] === 0xbc && b[3] === 0xaf) return s('archive', '7z');
  if (ascii(b, 0, 'Rar!')) return s('archive', 'rar');
  if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return s('archive', 'zstd');
  if (b.length > 262 && ascii(b, 257, 'ustar')) return s('archive', 'tar');
  if (ascii(b, 0, 'MSCF')) return s('archive', 'cab');
  // Documents, bytecode, data
  if (ascii(b, 0, '%PDF')) return s('document', 'pdf');
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return s('document', 'ole', 'OLE compound file (MSI/Office)');
  if (b[0] === 0 && ascii(b, 1, 'asm')) return s('bytecode', 'wasm', 'WebAssembly module');
  if (ascii(b, 0, 'SQLite format 3')) return s('data', 'sqlite');
  return null;
}

/** Extension → the families its bytes may legitimately be (mislabelled images/fonts are common and harmless). */
export const EXPECTED: Record<string, readonly FormatFamily[]> = {};
for (const e of ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.ico', '.cur', '.tif', '.tiff', '.avif', '.heic', '.psd', '.jfif']) EXPECTED[e] = ['image'];
for (const e of ['.woff', '.woff2', '.ttf', '.otf', '.eot', '.ttc']) EXPECTED[e] = ['font'];
for (const e of ['.mp3', '.mp4', '.m4a', '.m4v', '.mov', '.webm', '.mkv', '.ogg', '.oga', '.ogv', '.wav', '.flac', '.avi', '.aac', '.swf']) EXPECTED[e] = ['media'];
for (const e of ['.zip', '.gz', '.tgz', '.rar', '.7z', '.bz2', '.xz', '.tar', '.zst', '.jar', '.cab']) EXPECTED[e] = ['archive'];
EXPECTED['.pdf'] = ['document'];

/** Extensions that promise binary content but no particular format: only "it is actually code" counts there. */
export const OPAQUE_BINARY = new Set(['.dat', '.bin', '.dict', '.db', '.blob', '.pak', '.raw', '.data']);

export function describeExt(ext: string): string {
  const fam = EXPECTED[ext]?.[0];
  return fam === 'media' ? 'audio/video' : fam ?? 'binary data';
}
