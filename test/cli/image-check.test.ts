/** Emblem bytes judged before any exporter decodes them: damaged PNG/JPEG and oversized images are refused with a reason. */
import { describe, expect, test } from "vitest";
import { checkImage, MAX_EMBLEM_PIXELS } from "../../src/cli/build/image-check.js";
import { blankPng, chunk, jpeg, png, PNG_SIGNATURE } from "../helpers/images.js";

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
    b[b.length - 20] = b[b.length - 20]! ^ 0xff;
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
    // The header alone, no image data: the limit is judged before any data is looked at.
    const header = Buffer.concat([PNG_SIGNATURE, chunk("IHDR", ihdr)]);
    expect(checkImage(header)).toEqual({ fault: "too-many-pixels", width: 10_000, height: 10_000 });
    expect(MAX_EMBLEM_PIXELS).toBeLessThan(10_000 * 10_000);
  });

  test("a real 10000×10000 PNG: too many pixels", () => {
    expect(fault(blankPng(10_000, 10_000))).toBe("too-many-pixels");
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
