/** The type and pixel size of an image from its first bytes (PNG, JPEG, GIF, BMP: what Word's ImageRun takes). */
export interface ImageInfo {
  readonly type: "png" | "jpg" | "gif" | "bmp";
  readonly widthPx: number;
  readonly heightPx: number;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number): number => bytes[i] ?? -1;
  if (bytes.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { type: "png", widthPx: v.getUint32(16), heightPx: v.getUint32(20) };
  }
  if (bytes.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { type: "gif", widthPx: v.getUint16(6, true), heightPx: v.getUint16(8, true) };
  }
  if (bytes.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) {
    return { type: "bmp", widthPx: Math.abs(v.getInt32(18, true)), heightPx: Math.abs(v.getInt32(22, true)) };
  }
  if (bytes.length >= 4 && at(0) === 0xff && at(1) === 0xd8) return jpegInfo(bytes, v);
  return undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegInfo(bytes: Uint8Array, v: DataView): ImageInfo | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: "jpg", heightPx: v.getUint16(i + 5), widthPx: v.getUint16(i + 7) };
    i += 2 + v.getUint16(i + 2);
  }
  return undefined;
}
