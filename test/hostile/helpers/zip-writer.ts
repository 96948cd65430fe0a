import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A tiny zip writer for hostile fixtures that real tools refuse to make: `../` and absolute names, symlink and
 * device modes, sizes that lie. Built at test time; nothing big is committed.
 */
export interface RawEntry {
  name: string;
  data?: Uint8Array | string;
  /** Unix mode in the upper 16 bits of the external attributes (0o120777 symlink, 0o020644 char device). */
  mode?: number;
  /** Pre-deflated bytes (method 8) with the sizes to declare, for bombs. */
  deflated?: { bytes: Uint8Array; declaredSize: number; crc?: number };
  /** Point the central record at an earlier entry's local data (overlapping entries, as in non-recursive bombs). */
  sameDataAs?: number;
}

export function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data ?? new Uint8Array(0));
    const method = e.deflated ? 8 : 0;
    const body = e.deflated ? Buffer.from(e.deflated.bytes) : raw;
    const size = e.deflated ? e.deflated.declaredSize : raw.length;
    const crc = e.deflated ? (e.deflated.crc ?? 0) : crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    offsets.push(offset);
    if (e.sameDataAs !== undefined) {
      central.writeUInt32LE(offsets[e.sameDataAs]!, 42);
      centrals.push(central, name);
      continue;
    }
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A raw deflate stream of `mib` MiB of zeros without allocating them: one full-flushed 1 MiB block (the compressor
 * state resets, so the bytes are reusable) repeated, then an empty final block.
 */
export function deflatedZeros(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const parts: Buffer[] = new Array(mib).fill(block);
  parts.push(Buffer.from([0x03, 0x00])); // BFINAL=1, fixed Huffman, end-of-block
  return Buffer.concat(parts);
}
