import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { pdfMeasuresModel } from "../../fixtures/models/pdf-measures.js";
import { pdfMemoModel } from "../../fixtures/models/pdf-memo.js";
import { options, sarabun } from "./helpers.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("caches shared between documents", () => {
  test("a document comes out the same from cold caches and from caches warmed by other documents", async () => {
    // fonts are parsed, and their caches kept, per FontSet object: a copy starts cold
    const cold = await exportPdf(pdfMemoModel, { ...options, fonts: { ...sarabun } });
    await exportPdf(pdfMeasuresModel, options);
    await exportPdf(pdfMemoModel, options);
    const warm = await exportPdf(pdfMemoModel, options);
    expect(sha(warm)).toBe(sha(cold));
  });
});

describe("row-height estimates (fonts.ts widthOf)", () => {
  test("a string's width is the font's own measure at every size, measured first or looked up again", async () => {
    const { pdfFontsFor } = await import("../../../src/export/pdf/fonts.js");
    const fonts = pdfFontsFor({ ...sarabun });
    const measurer = fonts.open({ options: {} }, "normal", "X");
    const texts = ["", "ก", "การประเมินคุณธรรมและความโปร่งใส\u200Bในการดำเนินงาน\u200Bของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ O17 E-Service", "๘๑.๐๔ คะแนน"];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        for (const size of [8, 11.5, 14, 16.25]) {
          expect(fonts.widthOf("normal", text, size), `${text} at ${size}`).toBe(measurer.widthOfString(text, size));
        }
      }
    }
    expect(fonts.widthOf("bold", texts[2]!, 14)).toBe(fonts.open({ options: {} }, "bold", "Y").widthOfString(texts[2]!, 14));
    expect(fonts.widthOf("bold", texts[2]!, 14)).not.toBe(fonts.widthOf("normal", texts[2]!, 14));
  });
});
