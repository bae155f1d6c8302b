import { describe, expect, test } from "vitest";
import { glyphTexts, shapingPieces } from "../../../src/export/pdf/faithful-font.js";

describe("shapingPieces", () => {
  test("splits after spaces and where Thai meets Latin, and joins back", () => {
    expect(shapingPieces("O17 E-Service การ")).toEqual(["O17 ", "E-Service ", "การ"]);
    expect(shapingPieces("Q&Aของ(หน่วยงาน)")).toEqual(["Q&A", "ของ(หน่วยงาน)"]);
  });
});

describe("glyphTexts", () => {
  test("ำ drawn as nikhahit + sara aa: the advancing sara aa carries ำ, the mark carries nothing", () => {
    // กำ → [ko (advance), nikhahit (0), sara aa (advance)]
    expect(glyphTexts("กำ", [576, 0, 485], (c) => (c === "กำ" ? 3 : 1))).toEqual(["ก", "", "ำ"]);
    // น้ำ → [no, nikhahit+mai tho ligature, sara aa]
    expect(glyphTexts("น้ำ", [637, 0, 485], () => 3)).toEqual(["น้", "", "ำ"]);
  });

  test("a cluster with one advancing glyph puts its text there; unmatched glyphs fall back to the whole piece", () => {
    expect(glyphTexts("ที่", [657, 0, 0], () => 3)).toEqual(["ที่", "", ""]);
    expect(glyphTexts("fi", [500], () => 1)).toEqual(["fi"]);
  });
});
