import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { useOutlineCache, type OutlineCache } from "../../../src/export/pdf/subset-glyphs.js";

// fontkit comes with pdfkit, pdfmake's dependency
const fromPdfmake = createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json"));
const fontkit = createRequire(fromPdfmake.resolve("pdfkit/package.json"))("fontkit") as {
  create(bytes: Buffer): { layout(text: string): { glyphs: { id: number }[] }; createSubset(): { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array } };
};

const font = fontkit.create(readFileSync(new URL("../../../fonts/Sarabun-Regular.ttf", import.meta.url)));
// Thai with stacked marks and สระอำ, and Latin letters Sarabun builds from components (Á, Ấ)
const TEXT = "น้ำที่นี้ผู้ปั้นฟ้าฝั่ง กำหนด ประจำปี ÁẤẮ O17 E-Service";

function subsetBytes(cache?: OutlineCache): Buffer {
  const subset = font.createSubset();
  if (cache) useOutlineCache(subset, cache);
  for (const g of font.layout(TEXT).glyphs) subset.includeGlyph(g.id);
  return Buffer.from(subset.encode());
}

describe("useOutlineCache", () => {
  test("the subset font is byte for byte fontkit's, with a cold and with a warm cache", () => {
    const plain = subsetBytes();
    const cache: OutlineCache = new Map();
    expect(subsetBytes(cache).equals(plain)).toBe(true);
    expect(cache.size).toBeGreaterThan(0);
    // composite glyphs pull in their parts, which are cached too
    expect([...cache.values()].some((r) => r.components !== null)).toBe(true);
    expect(subsetBytes(cache).equals(plain)).toBe(true);
  });
});
