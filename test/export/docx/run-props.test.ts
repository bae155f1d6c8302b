import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textRun, textRunXml, type RunLook } from "../../../src/export/docx/run-props.js";
import { OFFICIAL_FONTS } from "../../../src/model/official-fonts.js";

// textRun keeps each run's XML by look and text (wip/docx); the form it replaced, textRunXml, is the oracle.
describe("textRun's cache", () => {
  const look: fc.Arbitrary<RunLook> = fc.record(
    {
      sizePt: fc.constantFrom(14, 14.2, 14.3, 16),
      bold: fc.boolean(),
      italic: fc.boolean(),
      underline: fc.boolean(),
      complexScript: fc.boolean(),
    },
    { requiredKeys: ["sizePt"] },
  );
  // A small pool of texts, so that the same text comes back under other looks and families.
  const text = fc.constantFrom("", "ผลการประเมิน", "ITA 2567", "E-service ระบบ", "ต่าง ๆ", "a\tb\nc", "<&>\"'", "\u0001x", "ก");

  it("gives what the uncached form gives, whatever came before (other looks, other families, a full cache)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...OFFICIAL_FONTS), text, look), { minLength: 1, maxLength: 60 }), (calls) => {
        for (const [family, t, l] of calls) expect(textRun({ family }, t, l)).toBe(textRunXml({ family }, t, l));
      }),
      { numRuns: 80, seed: 17 },
    );
    // Every look after every other for the same texts: no two looks may share a run.
    const looks: RunLook[] = [];
    for (const sizePt of [14, 14.2, 16]) for (const bold of [undefined, true, false]) for (const italic of [undefined, true]) for (const underline of [false, true]) for (const complexScript of [undefined, true, false]) {
      looks.push({ sizePt, ...(bold === undefined ? {} : { bold }), ...(italic === undefined ? {} : { italic }), underline, ...(complexScript === undefined ? {} : { complexScript }) });
    }
    for (const family of OFFICIAL_FONTS) for (const t of ["ผล", "ITA ผล", ""]) for (const l of [...looks, ...looks.reverse()]) expect(textRun({ family }, t, l)).toBe(textRunXml({ family }, t, l));
    // Past the bound (1,024 runs): it starts again and still answers right.
    for (let i = 0; i < 2_500; i++) {
      const t = `ข้อ ${i % 1_300}`;
      const l = { sizePt: 14 + (i % 3), bold: i % 2 === 0 };
      expect(textRun({ family: "TH SarabunPSK" }, t, l)).toBe(textRunXml({ family: "TH SarabunPSK" }, t, l));
    }
  });
});
