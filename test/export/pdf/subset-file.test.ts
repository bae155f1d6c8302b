import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { pdfFontsFor } from "../../../src/export/pdf/fonts.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { knownDeflate, rememberDeflate } from "../../../src/export/pdf/stream-memo.js";
import { SUBSET_FILES_KEPT, subsetFileCounts, useFastSubsetFile } from "../../../src/export/pdf/subset-file.js";
import { clusterOutline, useOutlineCache, type OutlineCache } from "../../../src/export/pdf/subset-glyphs.js";
import type { TtfSubset } from "../../../src/export/pdf/internals/fontkit.js";
import { pdfMemoModel } from "../../fixtures/models/pdf-memo.js";
import { options, sarabun } from "./helpers.js";

// fontkit comes with pdfkit, pdfmake's dependency
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json"));
interface Face {
  readonly numGlyphs: number;
  loca: { version: number };
  head: { indexToLocFormat: number };
  layout(text: string): { glyphs: { id: number }[] };
  createSubset(): TtfSubset & { encode(): Uint8Array };
}
const fontkit = createRequire(fromPdfmake.resolve("pdfkit/package.json"))("fontkit") as { create(bytes: Buffer): Face };
const open = (file: string) => fontkit.create(readFileSync(new URL(`../../../fonts/${file}`, import.meta.url)));

// Thai with stacked marks and สระอำ, and Latin letters built from components (Á, Ấ)
const TEXT = "น้ำที่นี้ผู้ปั้นฟ้าฝั่ง กำหนด ประจำปี ÁẤẮ O17 E-Service";
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A subset of `face` drawing `text` (and, with `cluster`, one cluster glyph), encoded by fontkit or by subset-file.ts. */
function subsetFile(face: Face, text: string, fast: boolean, outlines: OutlineCache, cluster = false): Uint8Array {
  const subset = face.createSubset();
  const outlineOf = useOutlineCache(subset, outlines);
  if (fast) expect(useFastSubsetFile(subset)).toBe(true);
  for (const g of face.layout(text).glyphs) subset.includeGlyph(g.id);
  if (cluster && outlineOf) {
    // a cluster glyph as FaithfulFont makes them: id above the face's, outline in the cache
    const [a, b] = face.layout("น้").glyphs;
    const id = face.numGlyphs + 7;
    outlines.set(id, clusterOutline([{ glyphID: a!.id, dx: 0, dy: 0 }, { glyphID: b!.id, dx: -30, dy: 12 }], 600, outlineOf));
    subset.includeGlyph(id);
  }
  return subset.encode();
}

/** The length of a TrueType file's loca table, from its directory. */
function locaLength(file: Uint8Array): number {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  for (let i = 0; i < view.getUint16(4); i++) {
    if (Buffer.from(file.subarray(12 + 16 * i, 16 + 16 * i)).toString("latin1") === "loca") return view.getUint32(12 + 16 * i + 12);
  }
  throw new Error("no loca table");
}

describe("subset files written directly (subset-file.ts)", () => {
  test.each([
    ["Laksaman.ttf", "cvt, prep and fpgm tables"],
    ["Laksaman-Bold.ttf", "bold"],
    ["Sarabun-Regular.ttf", "no hinting tables"],
  ])("%s (%s): byte for byte fontkit's file, composites and cluster glyphs included", (file) => {
    const face = open(file);
    const outlines: OutlineCache = new Map();
    for (const cluster of [false, true]) {
      const theirs = subsetFile(face, TEXT, false, outlines, cluster);
      const ours = subsetFile(face, TEXT, true, outlines, cluster);
      expect(sha(ours)).toBe(sha(theirs));
    }
    // one more glyph list, so the cache is not what makes them equal
    expect(sha(subsetFile(face, "ABC กขค", true, outlines))).toBe(sha(subsetFile(face, "ABC กขค", false, outlines)));
  });

  test("long loca offsets (indexToLocFormat 1) are written as fontkit writes them", () => {
    const short = subsetFile(open("Sarabun-Regular.ttf"), TEXT, false, new Map());
    const face = open("Sarabun-Regular.ttf");
    face.loca.version = 1;
    face.head.indexToLocFormat = 1;
    const outlines: OutlineCache = new Map();
    const theirs = subsetFile(face, TEXT, false, outlines);
    expect(locaLength(theirs)).toBe(2 * locaLength(short));
    expect(sha(subsetFile(face, TEXT, true, outlines))).toBe(sha(theirs));
  });

  test("the same glyph list gives back the same bytes; the cache is bounded", () => {
    const face = open("Laksaman.ttf");
    const outlines: OutlineCache = new Map();
    const first = subsetFile(face, TEXT, true, outlines);
    const again = subsetFile(face, TEXT, true, outlines);
    expect(again).toBe(first); // a hit: the very object, so its deflate can be kept beside it
    const other = subsetFile(face, "ก", true, outlines);
    expect(other).not.toBe(first);
    expect(sha(other)).not.toBe(sha(first));
    // two generations of SUBSET_FILES_KEPT: after that many other lists the first is gone
    for (let i = 0; i < 2 * SUBSET_FILES_KEPT + 1; i++) subsetFile(face, String.fromCharCode(0x0e01 + i), true, outlines);
    const rewritten = subsetFile(face, TEXT, true, outlines);
    expect(rewritten).not.toBe(first);
    expect(sha(rewritten)).toBe(sha(first));
  });

  test("a font whose subset is not plain TrueType is left to fontkit", () => {
    expect(useFastSubsetFile({ glyphs: [0], includeGlyph: () => 0 })).toBe(false);
  });
});

describe("deflated stream data kept (stream-memo.ts)", () => {
  test("remembered bytes deflate as pdfkit deflates them, once; others are not kept", () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../../fonts/Laksaman.ttf", import.meta.url)).subarray(0, 20_000));
    expect(knownDeflate(bytes)).toBeUndefined();
    rememberDeflate(bytes);
    const made = knownDeflate(bytes);
    expect(made?.equals(deflateSync(bytes))).toBe(true);
    expect(knownDeflate(bytes)).toBe(made);
    // an equal copy is another object: not known
    expect(knownDeflate(bytes.slice())).toBeUndefined();
  });
});

describe("a document drawn again takes its font subsets from the cache", () => {
  test("same bytes from a written and from a reused subset", async () => {
    // a copy of the font set starts with cold caches
    const fonts = { ...sarabun };
    const before = { ...subsetFileCounts };
    const cold = await exportPdf(pdfMemoModel, { ...options, fonts });
    const written = subsetFileCounts.written - before.written;
    expect(written).toBeGreaterThan(0);
    const warm = await exportPdf(pdfMemoModel, { ...options, fonts });
    expect(subsetFileCounts.reused - before.reused).toBe(written);
    expect(subsetFileCounts.written - before.written).toBe(written);
    expect(sha(warm)).toBe(sha(cold));
  });
});

describe("a document's pieces keep their encoding (FaithfulFont.encode)", () => {
  test("a text drawn again encodes as it did the first time and as in a fresh document", () => {
    const fonts = pdfFontsFor(sarabun);
    const doc = () => ({ options: {} });
    const font = fonts.open(doc(), "normal", "F1");
    const line = "กำหนด\u200Bมาตรการ ประจำปี กำหนด";
    const first = font.encode(line);
    font.encode("มาตรการส่งเสริม");
    const again = font.encode(line);
    expect(again).toEqual(first);
    // what pdfkit is handed is its own: changing it does not change the next encoding
    again[0].length = 0;
    again[1].length = 0;
    expect(font.encode(line)).toEqual(first);
    const fresh = fonts.open(doc(), "normal", "F1");
    expect(fresh.encode(line)).toEqual(first);
  });
});
