import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, dosDateTime, writeZip } from "../../../src/export/docx/zip.js";
import { readZip } from "../../helpers/unzip.js";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("zip", () => {
  it("reads back what it writes", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path: fc.stringMatching(/^[a-z_]{1,8}(\/[a-z]{1,8}){0,2}\.xml$/), data: fc.uint8Array({ maxLength: 3000 }) }), {
          selector: (e) => e.path,
          maxLength: 6,
        }),
        (entries) => {
          const back = readZip(writeZip(entries, new Date("2020-01-01T00:00:00Z")));
          expect(back.map((e) => [e.path, Buffer.from(e.data).toString("hex")])).toEqual(entries.map((e) => [e.path, Buffer.from(e.data).toString("hex")]));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("reads docx.js's own packages", async () => {
    const packed = await Packer.pack(new Document({ sections: [{ children: [new Paragraph("ทดสอบ")] }] }), "uint8array");
    const doc = readZip(packed).find((e) => e.path === "word/document.xml");
    expect(new TextDecoder().decode(doc?.data)).toContain("ทดสอบ");
  });

  it("writes a file the unzip tool accepts, with UTF-8 names", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-zip-"));
    try {
      const file = join(dir, "t.zip");
      const zip = writeZip([{ path: "word/a.xml", data: enc("<a>น้ำ</a>") }, { path: "word/ไทย.txt", data: enc("x".repeat(5000)) }], new Date("2024-02-29T23:59:58Z"));
      writeFileSync(file, zip);
      expect(execFileSync("unzip", ["-t", file]).toString()).toContain("No errors detected");
      expect(execFileSync("unzip", ["-p", file, "word/a.xml"]).toString()).toBe("<a>น้ำ</a>");
      expect(readZip(zip).map((e) => e.path)).toEqual(["word/a.xml", "word/ไทย.txt"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(enc("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("uses UTC fields for DOS dates and clamps years outside 1980–2107", () => {
    expect(dosDateTime(new Date("2020-09-29T03:04:06Z"))).toEqual({ date: (40 << 9) | (9 << 5) | 29, time: (3 << 11) | (4 << 5) | 3 });
    expect(dosDateTime(new Date("1970-01-01T00:00:00Z")).date >> 9).toBe(0);
    expect(dosDateTime(new Date("2200-01-01T00:00:00Z")).date >> 9).toBe(127);
  });
});
