import { afterEach, describe, expect, test, vi } from "vitest";
import { BoundedCache } from "../../../src/export/pdf/bounded-cache.js";
import type { FontkitPosition } from "../../../src/export/pdf/internals/fontkit.js";
import { makeFaithfulFontClass } from "../../../src/export/pdf/faithful-font.js";
import { openFaces } from "../../../src/export/pdf/internals/pdfkit.js";
import { compactRun, isNumeral } from "../../../src/export/pdf/shaping-cache.js";
import { sarabun } from "./helpers.js";

describe("isNumeral", () => {
  test("digits, Thai or Arabic, with the punctuation of numbers", () => {
    for (const piece of ["๘๑.๐๔ ", "(๖๐.๖๑ ", "๒๕๖๗", "1,234.50", "๓๐/๐๙/๒๕๖๗", "๑๐๐%", "-๕", "12:30 "]) expect(isNumeral(piece), piece).toBe(true);
  });
  test("not a word with a number in it, nor punctuation without a digit", () => {
    for (const piece of ["ท่าศาลา๓๕๐ ", "O10", "พ.ศ. ", "/", " ", "", "(", "๑๒ก"]) expect(isNumeral(piece), piece).toBe(false);
  });
});

describe("compactRun", () => {
  const { faces } = openFaces({ normal: sarabun.regular });
  const face = faces.normal;

  test("the same glyphs, numbers and keys (in pdfkit's for…in order) as the GlyphRun it stands for", () => {
    for (const text of ["๘๑.๐๔ ", "น้ำ", "กำหนด", "Q&A "]) {
      const run = face.layoutRun(text);
      const compact = compactRun(run);
      expect(compact.glyphs).toBe(run.glyphs);
      expect(compact.advanceWidth).toBe(run.advanceWidth);
      expect(compact.positions).toHaveLength(run.positions.length);
      compact.positions.forEach((p, i) => {
        const q = run.positions[i] as FontkitPosition;
        const keys: string[] = [];
        for (const k in q) keys.push(k);
        expect(Object.keys(p)).toEqual(keys);
        expect({ ...p }).toEqual({ ...q });
      });
    }
  });
});

describe("numbers kept apart from words", () => {
  afterEach(() => vi.restoreAllMocks());

  test("a run of different scores fills only the numerals' cache, which stays within its limit; the words stay cached", () => {
    const { faces, EmbeddedFont } = openFaces({ normal: sarabun.regular });
    const FaithfulFont = makeFaithfulFontClass(EmbeddedFont, { runs: 100, widths: 100, numerals: 5 });
    const font = new FaithfulFont({ options: {} }, faces.normal.font, "T");
    const keysOf = new Map<BoundedCache<string, unknown>, Set<string>>();
    const set = BoundedCache.prototype.set;
    vi.spyOn(BoundedCache.prototype, "set").mockImplementation(function (this: BoundedCache<string, unknown>, key: string, value: unknown) {
      if (!keysOf.has(this)) keysOf.set(this, new Set());
      keysOf.get(this)?.add(key);
      set.call(this, key, value);
    });
    // what a document draws: words between numbers, each score drawn once
    const drawn = new Map<string, string[]>();
    for (let i = 0; i < 200; i++) {
      const score = `${(50 + i / 7).toFixed(2)} `.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
      const [hex] = font.encode(`คะแนน ${score}`);
      drawn.set(score, hex);
    }
    const caches = [...keysOf.entries()].filter(([, keys]) => [...keys].some((k) => k.startsWith("๕") || k.startsWith("คะแนน")));
    const numerals = caches.find(([, keys]) => [...keys].every(isNumeral));
    const words = caches.find(([, keys]) => [...keys].some((k) => k.startsWith("คะแนน")));
    expect(numerals).toBeDefined();
    expect(words).toBeDefined();
    expect(numerals?.[0]).not.toBe(words?.[0]);
    expect([...(words?.[1] ?? [])].some(isNumeral)).toBe(false);
    expect(numerals?.[0].size).toBeLessThanOrEqual(10);
    // a score shaped again after it left the cache (a new document, the face's caches kept) is drawn with the same glyphs
    const first = [...drawn.keys()][0] as string;
    const again = new FaithfulFont({ options: {} }, faces.normal.font, "T");
    expect(again.encode(`คะแนน ${first}`)[0]).toEqual(drawn.get(first));
  });
});
