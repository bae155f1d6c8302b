/**
 * withBreakOpportunities marks a paragraph from its independent parts
 * (segment.ts independentParts), each cached: the result must be what
 * marking the whole paragraph at once gives, whether the parts are cached
 * or not.
 */
import { describe, expect, test } from "vitest";
import { mark, withBreakOpportunities } from "../../../src/export/pdf/thai-wrap.js";
import { ZWSP } from "../../../src/export/pdf/text-pieces.js";
import { builtinTemplates, exampleModel } from "../../helpers/example-model.js";
import { modelParagraphs } from "../../helpers/model-text.js";

describe("withBreakOpportunities by parts", () => {
  test("equals marking the whole paragraph, on every paragraph of the examples, first seen and again", async () => {
    const templates = await builtinTemplates();
    const paragraphs = new Set<string>();
    for (const [org, year, kind] of [
      ["khon-kaen-city", 2563, "memo"],
      ["khon-kaen-city", 2564, "measures"],
      ["nakhon-ratchasima-city", 2564, "report"],
    ] as const) {
      for (const p of modelParagraphs(exampleModel(templates, org, year, kind))) paragraphs.add(p);
    }
    expect(paragraphs.size).toBeGreaterThan(100);
    for (const p of paragraphs) expect(withBreakOpportunities(p), p).toBe(mark(p));
    // a new paragraph made of parts already cached (the name changes, the wording does not)
    for (const p of paragraphs) {
      const other = `เทศบาลตำบลทดสอบ ${p} ครั้งที่ ๒`;
      expect(withBreakOpportunities(other), other).toBe(mark(other));
    }
  });

  test("no break mark is added where two parts meet; a long run inside a part is marked as a whole paragraph would be", () => {
    const long = "ก".repeat(70);
    const text = `ผู้รับผิดชอบโครงการ ${long} สำนักปลัด`;
    const marked = withBreakOpportunities(text);
    expect(marked).toBe(mark(text));
    expect(marked).not.toContain(` ${ZWSP}`);
    expect(marked.split(ZWSP).length).toBeGreaterThan(10);
    expect(marked.replaceAll(ZWSP, "")).toBe(text);
  });
});
