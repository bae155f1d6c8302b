import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { crc32, dosDateTime, packEntry, packText, writePackedZip, writeZip, type PackedEntry } from "../../../src/export/docx/zip.js";
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

  // The forms wip/docx replaced, kept as oracles: Buffer.from per text, and a writer that concatenated its pieces.
  const packedByBufferFrom = (path: string, text: string): PackedEntry => {
    const data = Buffer.from(text, "utf8");
    return { path, size: data.length, crc: crc32(data), compressed: deflateRawSync(data, { level: 6 }) };
  };

  const same = (a: PackedEntry, b: PackedEntry): void => {
    expect([a.path, a.size, a.crc]).toEqual([b.path, b.size, b.crc]);
    expect(Buffer.from(a.compressed).equals(Buffer.from(b.compressed))).toBe(true);
  };

  it("packs a text as Buffer.from's bytes would be packed, lone surrogates and a growing buffer included", () => {
    const texts = fc.oneof(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((units) => String.fromCharCode(...units)), fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ maxLength: 50 }));
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 5 }), (list) => {
        for (const text of list) same(packText("word/document.xml", text), packedByBufferFrom("word/document.xml", text));
      }),
      { numRuns: 30, seed: 17 },
    );
    // Longer than any before (the buffer grows), then short again (the old bytes past the end are not read), then past the kept size.
    for (const text of ["ก".repeat(40_000) + "\ud800x", "<a/>", "น้ำ".repeat(90_000)]) {
      same(packText("p.xml", text), packedByBufferFrom("p.xml", text));
    }
  });

  it("packs a text given in pieces as the joined text, a surrogate pair cut between two pieces included", () => {
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 }).map((u) => String.fromCharCode(...u));
    fc.assert(
      fc.property(units, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        same(packText("word/document.xml", pieces), packedByBufferFrom("word/document.xml", text));
      }),
      { numRuns: 60, seed: 17 },
    );
    same(packText("d.xml", ["<a>\ud83d", "\ude00</a>"]), packedByBufferFrom("d.xml", "<a>\ud83d\ude00</a>"));
    same(packText("d.xml", ["<a>\ud83d", "x", "\ude00</a>", ""]), packedByBufferFrom("d.xml", "<a>\ud83dx\ude00</a>"));
    same(packText("d.xml", []), packedByBufferFrom("d.xml", ""));
  });

  it("writes the bytes the concatenating writer wrote", () => {
    const concatWriter = (entries: readonly PackedEntry[], modified: Date): Uint8Array => {
      const { date, time } = dosDateTime(modified);
      const locals: Uint8Array[] = [];
      const centrals: Uint8Array[] = [];
      let offset = 0;
      for (const entry of entries) {
        const name = enc(entry.path);
        const local = Buffer.alloc(30 + name.length);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4);
        local.writeUInt16LE(0x0800, 6);
        local.writeUInt16LE(8, 8);
        local.writeUInt16LE(time, 10);
        local.writeUInt16LE(date, 12);
        local.writeUInt32LE(entry.crc, 14);
        local.writeUInt32LE(entry.compressed.length, 18);
        local.writeUInt32LE(entry.size, 22);
        local.writeUInt16LE(name.length, 26);
        local.set(name, 30);
        const central = Buffer.alloc(46 + name.length);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(20, 4);
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt16LE(8, 10);
        central.writeUInt16LE(time, 12);
        central.writeUInt16LE(date, 14);
        central.writeUInt32LE(entry.crc, 16);
        central.writeUInt32LE(entry.compressed.length, 20);
        central.writeUInt32LE(entry.size, 24);
        central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        central.set(name, 46);
        locals.push(local, entry.compressed);
        centrals.push(central);
        offset += local.length + entry.compressed.length;
      }
      const centralSize = centrals.reduce((n, c) => n + c.length, 0);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(centralSize, 12);
      end.writeUInt32LE(offset, 16);
      return Buffer.concat([...locals, ...centrals, end]);
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ path: fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), data: fc.uint8Array({ maxLength: 2000 }) }), {
          selector: (e) => e.path,
          maxLength: 8,
        }),
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2150-01-01T00:00:00Z"), noInvalidDate: true }),
        (entries, when) => {
          const packed = entries.map((e) => packEntry(e));
          expect(Buffer.from(writePackedZip(packed, when)).equals(concatWriter(packed, when))).toBe(true);
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });
});
