/**
 * Is this PNG or JPEG whole and of a sane size? Judged from the bytes before
 * any exporter decodes them: a PNG cut in half would otherwise print as a
 * black box, and a 10000×10000 image (1.5 MB on disk) costs gigabytes to
 * decode. The pixel count is read from the header and checked before any
 * image data is inflated.
 */
import { inflateSync } from "node:zlib";

/** A cropped Garuda scan is well under a megapixel (3 cm at 600 dpi ≈ 700×700); 4 MP leaves room and keeps decoding cheap. */
export const MAX_EMBLEM_PIXELS = 4_000_000;

export type ImageFault =
  | { readonly fault: "not-image" }
  | { readonly fault: "bad-size"; readonly width: number; readonly height: number }
  | { readonly fault: "too-many-pixels"; readonly width: number; readonly height: number }
  /** Broken or cut short; `detail` says where (English, technical, for the message's parenthesis). */
  | { readonly fault: "damaged"; readonly detail: string };

export interface ImageInfo {
  readonly type: "png" | "jpeg";
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkImage(b: Uint8Array, maxPixels = MAX_EMBLEM_PIXELS): ImageInfo | ImageFault {
  if (b.length >= 8 && PNG_SIGNATURE.every((x, i) => b[i] === x)) return checkPng(b, maxPixels);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return checkJpeg(b, maxPixels);
  return { fault: "not-image" };
}

function sizeFault(width: number, height: number, maxPixels: number): ImageFault | undefined {
  if (width < 1 || height < 1) return { fault: "bad-size", width, height };
  if (width * height > maxPixels) return { fault: "too-many-pixels", width, height };
  return undefined;
}

const damaged = (detail: string): ImageFault => ({ fault: "damaged", detail });

/** Channels per PNG colour type, and the bit depths each allows (PNG spec, table 11.1). */
const PNG_COLOUR: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function checkPng(b: Uint8Array, maxPixels: number): ImageInfo | ImageFault {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let palette = false;
  let ended = false;
  const idat: Uint8Array[] = [];
  while (at < b.length) {
    if (at + 12 > b.length) return damaged(`file ends inside a chunk header at byte ${at}`);
    const length = v.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (at + 12 + length > b.length) return damaged(`chunk ${type} at byte ${at} is cut short`);
    const body = b.subarray(at + 4, at + 8 + length);
    if (crc32(body) !== v.getUint32(at + 8 + length)) return damaged(`chunk ${type} at byte ${at} fails its CRC check`);
    const data = body.subarray(4);
    if (header === undefined) {
      if (type !== "IHDR" || length !== 13) return damaged("the first chunk is not IHDR");
      header = { width: v.getUint32(at + 8), height: v.getUint32(at + 12), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
      const bad = sizeFault(header.width, header.height, maxPixels);
      if (bad) return bad;
      const c = PNG_COLOUR[header.colour];
      if (!c || !c.depths.includes(header.depth) || data[10] !== 0 || data[11] !== 0 || header.interlace > 1) return damaged("IHDR holds an invalid colour type, depth or method");
    } else if (type === "PLTE") palette = true;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header) return damaged("no IHDR chunk");
  if (!ended) return damaged("no IEND chunk: the file is cut short");
  if (idat.length === 0) return damaged("no image data (IDAT)");
  if (header.colour === 3 && !palette) return damaged("a palette image without PLTE");
  const bpp = PNG_COLOUR[header.colour]!.channels * header.depth;
  const rows: number[] = [];
  const passes = header.interlace === 1 ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx);
    const h = Math.ceil((header.height - y0) / dy);
    if (w > 0 && h > 0) for (let y = 0; y < h; y++) rows.push(1 + Math.ceil((w * bpp) / 8));
  }
  const expected = rows.reduce((s, r) => s + r, 0);
  let raw: Buffer;
  try {
    // Bounded: more data than the header allows is refused without being kept.
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return damaged(code === "ERR_BUFFER_TOO_LARGE" ? "more image data than the header's size" : `image data does not inflate (${(e as Error).message})`);
  }
  if (raw.length !== expected) return damaged(`image data holds ${raw.length} bytes, the header's size needs ${expected}`);
  for (let i = 0, row = 0; row < rows.length; i += rows[row]!, row++) {
    if (raw[i]! > 4) return damaged(`row ${row + 1} has an unknown filter type`);
  }
  return { type: "png", width: header.width, height: header.height };
}

/** Start-of-frame markers (baseline, progressive, lossless …), not DHT/JPG/DAC. */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function checkJpeg(b: Uint8Array, maxPixels: number): ImageInfo | ImageFault {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let size: { width: number; height: number } | undefined;
  let scans = 0;
  let i = 2;
  for (;;) {
    if (i + 1 >= b.length) return damaged("the file ends before the end-of-image marker (EOI)");
    if (b[i] !== 0xff) return damaged(`no marker at byte ${i}`);
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++; // fill byte
      continue;
    }
    if (m === 0xd9) break; // EOI
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) return damaged(`segment at byte ${i} is cut short`);
    const len = v.getUint16(i + 2);
    if (len < 2 || i + 2 + len > b.length) return damaged(`segment at byte ${i} is cut short`);
    if (isSof(m)) {
      if (len < 8) return damaged("the frame header (SOF) is too short");
      size = { height: v.getUint16(i + 5), width: v.getUint16(i + 7) };
      const bad = sizeFault(size.width, size.height, maxPixels);
      if (bad) return bad;
    }
    i += 2 + len;
    if (m === 0xda) {
      if (!size) return damaged("image data (SOS) before the frame header (SOF)");
      scans++;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i++;
    }
  }
  if (!size) return damaged("no frame header (SOF)");
  if (scans === 0) return damaged("no image data (SOS)");
  return { type: "jpeg", width: size.width, height: size.height };
}

let table: Uint32Array | undefined;

/** CRC-32 as PNG uses it (ISO 3309); node:zlib has crc32 only from Node 22. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
