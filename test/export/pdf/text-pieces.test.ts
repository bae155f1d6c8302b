import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { codePointsOf } from "../../../src/export/pdf/cluster-map.js";
import { drawnPieces, glyphTexts, graphemeClusters, pieceEnd, pieceStart, ZWSP } from "../../../src/export/pdf/text-pieces.js";

/**
 * The rule of text-pieces.ts's pieceEnd written out as a cut of one part
 * (the text between two U+200B), as the font cut text before it walked the
 * pieces without arrays: after each space or tab (as pdfkit does) and
 * wherever the text switches between Thai and another script's letters;
 * script-neutral characters (spaces, digits, punctuation) stay with the run
 * they follow.
 */
function shapingPieces(text: string): string[] {
  const scriptOf = (ch: string): number => (/[\u0E00-\u0E7F]/.test(ch) ? 1 : /\p{L}/u.test(ch) ? 0 : -1);
  const pieces: string[] = [];
  let start = 0;
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const script = scriptOf(text[i] as string);
    if (script >= 0) {
      if (run >= 0 && run !== script && i > start) {
        pieces.push(text.slice(start, i));
        start = i;
      }
      run = script;
    }
    if (code === 0x20 || code === 0x09) {
      pieces.push(text.slice(start, i + 1));
      start = i + 1;
      run = -1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

describe("shaping pieces", () => {
  test("cut after spaces and where Thai meets Latin, and join back", () => {
    expect(drawnPieces("O17 E-Service การ")).toEqual(["O17 ", "E-Service ", "การ"]);
    expect(drawnPieces("Q&Aของ(หน่วยงาน)")).toEqual(["Q&A", "ของ(หน่วยงาน)"]);
    expect(shapingPieces("Q&Aของ(หน่วยงาน)")).toEqual(["Q&A", "ของ(หน่วยงาน)"]);
  });
});

describe("drawnPieces", () => {
  test("drops U+200B and cuts there, so a line of words is shaped as its words were measured", () => {
    expect(drawnPieces(`ผู้รับผิดชอบ${ZWSP}โครงการ${ZWSP}`)).toEqual(["ผู้รับผิดชอบ", "โครงการ"]);
    expect(drawnPieces(`O17 E-${ZWSP}Serviceการ${ZWSP}${ZWSP}`)).toEqual(["O17 ", "E-", "Service", "การ"]);
    expect(drawnPieces("ไม่มีจุดตัด")).toEqual(["ไม่มีจุดตัด"]);
  });

  // what drawnPieces was before the font walked pieces with pieceStart/pieceEnd: the cut must not move a glyph
  const bySplit = (text: string) => text.split(ZWSP).flatMap((part) => (part.length > 0 ? shapingPieces(part) : []));
  const walked = (text: string) => {
    const out: string[] = [];
    for (let at = pieceStart(text, 0), end = 0; at < text.length; at = pieceStart(text, end)) {
      end = pieceEnd(text, at);
      out.push(text.slice(at, end));
    }
    return out;
  };

  test("pieceStart/pieceEnd walk the pieces split + shapingPieces cut, on random mixed text", () => {
    const alphabet = ["ก", "่", "ำ", "a", "Z", "1", "๑", " ", "\t", ZWSP, "-", "(", "é", "Ж", "\u{1F600}", "\uD800", "\n"];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(walked(t)).toEqual(bySplit(t));
        expect(drawnPieces(t)).toEqual(bySplit(t));
      }),
      { numRuns: 2000 },
    );
    for (const t of ["", ZWSP, `${ZWSP}${ZWSP}a`, "a ", " a", `O17 E-${ZWSP}Serviceการ${ZWSP}${ZWSP}`]) expect(walked(t)).toEqual(bySplit(t));
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

describe("graphemeClusters", () => {
  const icu = new Intl.Segmenter("th", { granularity: "grapheme" });
  const byIcu = (s: string) => Array.from(icu.segment(s), (g) => g.segment);
  const thaiAndAscii: string[] = [];
  for (let c = 0x20; c <= 0x7e; c++) thaiAndAscii.push(String.fromCharCode(c));
  for (let c = 0x0e01; c <= 0x0e5b; c++) thaiAndAscii.push(String.fromCharCode(c));

  test("cuts every pair of printable ASCII and Thai characters as ICU does", () => {
    let compared = 0;
    const differ: string[] = [];
    for (const a of thaiAndAscii) {
      for (const b of thaiAndAscii) {
        if (graphemeClusters(a + b).join("|") !== byIcu(a + b).join("|")) differ.push(a + b);
        compared++;
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBe(thaiAndAscii.length ** 2);
    expect(graphemeClusters("น้ำที่ใส")).toEqual(["น้ำ", "ที่", "ใ", "ส"]);
  });

  test("random strings, with characters outside those too (ICU's own cut), are cut as ICU does", () => {
    const outside = ["\n", "\r\n", "\u200d", "é", "e\u0301", "👍🏽", "\u0e5c", "ก\u0301", "\u1100\u1161"];
    const char = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...thaiAndAscii) }, { weight: 1, arbitrary: fc.constantFrom(...outside) });
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const s = chars.join("");
        expect(graphemeClusters(s)).toEqual(byIcu(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("codePointsOf", () => {
  test("the code points of a string, surrogate pairs as one, a lone surrogate as itself", () => {
    for (const s of ["", "กำ", "A👍🏽b", "\ud800x", "x\udc00", "\ud83d\udc4d"]) {
      expect(codePointsOf(s)).toEqual(Array.from(s, (c) => c.codePointAt(0)));
    }
  });
});
