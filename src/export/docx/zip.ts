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

/** Entries are written in the order given, each deflated, all with the same date. */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array {
  return writePackedZip(
    entries.map((e) => packEntry(e)),
    modified,
  );
}

/** Compressed entries written in the order given, all with the same date. */
export function writePackedZip(entries: readonly PackedEntry[], modified: Date): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const { compressed, crc } = entry;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, UTF8_NAMES, true);
    lv.setUint16(8, DEFLATE, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_NAMES, true);
    cv.setUint16(10, DEFLATE, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL_DIR, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
