/**
 * A small ZIP writer for the DOCX package: every entry dated with the
 * document's fixed date (not the wall clock), in the order given, so the
 * same document gives the same bytes. Parts that are the same in every
 * document can be compressed once (packEntry) and written many times.
 * Only what a DOCX needs: DEFLATE entries, no ZIP64, no encryption.
 *
 * Why not fflate's zipSync (fflate is already a dependency, for reading):
 * it writes DOS dates from the machine's local time (getFullYear, getHours),
 * so the bytes would depend on the time zone of the PC that builds, it
 * throws for dates before 1980 or after 2099 where we clamp, and it has no
 * way to write an entry compressed once for many documents. Reading is
 * fflate's unzipSync (fixed-parts.ts, tests).
 */
import * as zlib from "node:zlib";
import { deflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const DEFLATE = 8;
/** General-purpose flag bit 11: file names are UTF-8. */
const UTF8_NAMES = 0x0800;

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** A compressed entry, ready to be written into any number of zips. */
export interface PackedEntry {
  readonly path: string;
  /** Uncompressed size. */
  readonly size: number;
  readonly crc: number;
  readonly compressed: Uint8Array;
}

/**
 * Level 6 (zlib's default) packs a memo's document.xml about as small as 9
 * and several times faster; below it the parts grow quickly for little gain.
 */
export const DEFLATE_LEVEL = 6;

/** zlib.crc32 is native from Node 20.15; older 20.x use the table below. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return nativeCrc32 !== undefined ? nativeCrc32(data) >>> 0 : tableCrc32(data);
}

function tableCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * MS-DOS date and time fields. They carry no time zone; the UTC fields are
 * used so the bytes do not depend on the machine's zone. DOS dates cannot
 * hold years before 1980 or after 2107, so those are clamped.
 */
export function dosDateTime(date: Date): { readonly date: number; readonly time: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
  };
}

export function packEntry(entry: ZipEntry, level: number = DEFLATE_LEVEL): PackedEntry {
  return { path: entry.path, size: entry.data.length, crc: crc32(entry.data), compressed: deflateRawSync(entry.data, { level }) };
}

/**
 * A text part packed from its UTF-8 bytes, encoded into one buffer kept for
 * the next part: Buffer.from gives every body a new ~60 KB allocation, which
 * cost more than the encoding itself (the bytes are only read by crc32 and
 * deflate, before the buffer is used again). TextEncoder writes what
 * Buffer.from(text, "utf8") writes, a lone surrogate as U+FFFD included.
 * A text may come in pieces, encoded one after the other as the joined text
 * would be (a surrogate pair cut between two pieces is joined first, so it
 * stays one character). Texts past SCRATCH_MAX_CHARS get a buffer of their
 * own, so a rare huge document does not leave megabytes held.
 */
const SCRATCH_MAX_CHARS = 1 << 18;
const textEncoder = new TextEncoder();
let scratch = new Uint8Array(0);

export function packText(path: string, text: string | readonly string[], level: number = DEFLATE_LEVEL): PackedEntry {
  const pieces = typeof text === "string" ? [text] : text;
  let chars = 0;
  for (const piece of pieces) chars += piece.length;
  if (chars > SCRATCH_MAX_CHARS || splitsASurrogatePair(pieces)) return packEntry({ path, data: Buffer.from(pieces.join(""), "utf8") }, level);
  // Three bytes per UTF-16 unit is the most UTF-8 takes (a surrogate pair: four bytes for two units).
  if (scratch.length < chars * 3) scratch = new Uint8Array(Math.max(chars * 3, 2 * scratch.length));
  let written = 0;
  for (const piece of pieces) written += textEncoder.encodeInto(piece, written === 0 ? scratch : scratch.subarray(written)).written;
  return packEntry({ path, data: scratch.subarray(0, written) }, level);
}

/** (Reading a piece's last unit flattens a piece built by concatenation; the encoding needs it flat anyway.) */
function splitsASurrogatePair(pieces: readonly string[]): boolean {
  for (let i = 0; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) return true;
  }
  return false;
}

/** Entries are written in the order given, each deflated, all with the same date. */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  return writePackedZip(
    entries.map((e) => packEntry(e)),
    modified,
  );
}

/** Entry names, encoded once: a process writes the same few dozen paths into every package. */
const NAME_CACHE_LIMIT = 512;
const encodedNames = new Map<string, Uint8Array>();

function nameBytes(path: string): Uint8Array {
  let name = encodedNames.get(path);
  if (name === undefined) {
    name = textEncoder.encode(path);
    if (encodedNames.size >= NAME_CACHE_LIMIT) encodedNames.clear();
    encodedNames.set(path, name);
  }
  return name;
}

/** The fields a local header and a central directory entry share, from "version needed" to the name's length. */
function sharedFields(v: DataView, at: number, entry: PackedEntry, nameLength: number, date: number, time: number): void {
  v.setUint16(at, 20, true);
  v.setUint16(at + 2, UTF8_NAMES, true);
  v.setUint16(at + 4, DEFLATE, true);
  v.setUint16(at + 6, time, true);
  v.setUint16(at + 8, date, true);
  v.setUint32(at + 10, entry.crc, true);
  v.setUint32(at + 14, entry.compressed.length, true);
  v.setUint32(at + 18, entry.size, true);
  v.setUint16(at + 22, nameLength, true);
}

/** Compressed entries written in the order given, all with the same date, into one buffer sized first. */
export function writePackedZip(entries: readonly PackedEntry[], modified: Date): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const names = entries.map((e) => nameBytes(e.path));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((e, i) => {
    const n = names[i]!.length;
    localSize += 30 + n + e.compressed.length;
    centralSize += 46 + n;
  });
  const out = new Uint8Array(localSize + centralSize + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  let central = localSize;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    const { compressed } = entry;
    const offset = at;
    v.setUint32(at, LOCAL_HEADER, true);
    sharedFields(v, at + 4, entry, name.length, date, time);
    out.set(name, at + 30);
    out.set(compressed, at + 30 + name.length);
    at += 30 + name.length + compressed.length;
    v.setUint32(central, CENTRAL_HEADER, true);
    // "Version made by", then the fields the local header has.
    v.setUint16(central + 4, 20, true);
    sharedFields(v, central + 6, entry, name.length, date, time);
    v.setUint32(central + 42, offset, true);
    out.set(name, central + 46);
    central += 46 + name.length;
  });
  v.setUint32(central, END_OF_CENTRAL_DIR, true);
  v.setUint16(central + 8, entries.length, true);
  v.setUint16(central + 10, entries.length, true);
  v.setUint32(central + 12, centralSize, true);
  v.setUint32(central + 16, localSize, true);
  return out;
}
