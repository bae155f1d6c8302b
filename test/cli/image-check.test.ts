/** Emblem bytes judged before any exporter decodes them: damaged PNG/JPEG and oversized images are refused with a reason. */
import { deflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { checkImage, crc32, MAX_EMBLEM_PIXELS } from "../../src/cli/build/image-check.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A real w×h grey PNG; `rawRows` overrides the height used for the image data (an inconsistent file). */
export function png(w: number, h: number, rawRows = h, interlace = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, interlace], 8);
  const raw = Buffer.alloc((w + 1) * rawRows, 0x80);
  for (let y = 0; y < rawRows; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]);
}

/** A structurally complete baseline JPEG of w×h (SOI, SOF0, SOS, scan data, EOI); `eoi: false` cuts the end off. */
export function jpeg(w: number, h: number, eoi = true): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x01, 0x01, 0x11, 0x00]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const scan = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, scan, eoi ? Buffer.from([0xff, 0xd9]) : Buffer.alloc(0)]);
}

const fault = (b: Uint8Array) => {
  const r = checkImage(b);
  return "fault" in r ? r.fault : "ok";
};

describe("PNG", () => {
  test("a whole PNG passes, plain and interlaced", () => {
    expect(checkImage(png(40, 48))).toEqual({ type: "png", width: 40, height: 48 });
    expect(fault(png(1, 1))).toBe("ok");
  });

  test("cut in half: damaged", () => {
    const b = png(200, 200);
    expect(fault(b.subarray(0, b.length >> 1))).toBe("damaged");
  });

  test("one flipped byte in the image data: damaged (CRC)", () => {
    const b = Buffer.from(png(40, 48));
    b[b.length - 20] ^= 0xff;
    const r = checkImage(b);
    expect(r).toMatchObject({ fault: "damaged" });
    expect("detail" in r && r.detail).toMatch(/CRC/);
  });

  test("header says 48 rows, the data holds 24 (CRCs right): damaged, with both sizes", () => {
    const r = checkImage(png(40, 48, 24));
    expect(r).toMatchObject({ fault: "damaged" });
    expect("detail" in r && r.detail).toMatch(/holds 984 bytes.*needs 1968/);
  });

  test("more data than the header allows: damaged, not inflated beyond the expected size", () => {
    expect(fault(png(40, 48, 4800))).toBe("damaged");
  });

  test("10000×10000 (a real PNG of ~100 KB): too many pixels, judged from the header", () => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(10_000, 0);
    ihdr.writeUInt32BE(10_000, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    const header = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)]);
    expect(checkImage(header)).toEqual({ fault: "too-many-pixels", width: 10_000, height: 10_000 });
    expect(MAX_EMBLEM_PIXELS).toBeLessThan(10_000 * 10_000);
  });

  test("zero width: bad size", () => {
    expect(fault(png(0, 5))).toBe("bad-size");
  });
});

describe("JPEG", () => {
  test("complete: passes with its size", () => {
    expect(checkImage(jpeg(300, 200))).toEqual({ type: "jpeg", width: 300, height: 200 });
  });

  test("scan data not terminated by EOI: damaged", () => {
    const r = checkImage(jpeg(300, 200, false));
    expect(r).toMatchObject({ fault: "damaged" });
    expect("detail" in r && r.detail).toMatch(/EOI/);
  });

  test("no SOF before the scan: damaged", () => {
    const b = jpeg(300, 200);
    expect(fault(Buffer.concat([b.subarray(0, 2), b.subarray(15)]))).toBe("damaged");
  });

  test("10000×10000 in the SOF: too many pixels", () => {
    expect(fault(jpeg(10_000, 10_000))).toBe("too-many-pixels");
  });

  test("text: not an image", () => {
    expect(fault(Buffer.from("นี่ไม่ใช่รูปภาพ"))).toBe("not-image");
  });
});
