/**
 * text-measure.ts keeps the advances of a kept text's words per face
 * (wordAdvances): a text node measured again takes its words' widths from
 * there, and must measure exactly as pdfmake's own TextInlines does.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { pdfFontsFor, type PdfFonts } from "../../../src/export/pdf/fonts.js";
import { pdfmake } from "../../../src/export/pdf/internals/pdfmake.js";
import { withBreakOpportunities } from "../../../src/export/pdf/thai-wrap.js";
import { sarabun } from "./helpers.js";

type Built = { items: Array<Record<string, unknown>>; minWidth: number; maxWidth: number };

describe("word advances kept per text and face (text-measure.ts wordAdvances)", () => {
  let fonts: PdfFonts;
  beforeAll(() => {
    fonts = pdfFontsFor(sarabun);
  });

  /** pdfmake's PDFDocument as TextInlines uses it, its fonts counting widthOfString and advanceOf calls. */
  function countingDocument() {
    type Counted = { widthOfString(text: string, size: number, features?: unknown): number; advanceOf(text: string): number };
    const opened = new Map<string, Counted>();
    const counts = { widthOfString: 0, advanceOf: 0 };
    return {
      counts,
      provideFont(_family: string, bold: boolean, italics: boolean) {
        const type = bold ? (italics ? "bolditalics" : "bold") : italics ? "italics" : "normal";
        let font = opened.get(type);
        if (!font) {
          const opening = fonts.open({ options: {} }, type, `F${opened.size + 1}`) as unknown as Counted;
          const ownWidth = opening.widthOfString.bind(opening);
          const ownAdvance = opening.advanceOf.bind(opening);
          opening.widthOfString = (text, size, features) => {
            counts.widthOfString++;
            return ownWidth(text, size, features);
          };
          opening.advanceOf = (text) => {
            counts.advanceOf++;
            return ownAdvance(text);
          };
          font = opening;
          opened.set(type, font);
        }
        return font;
      },
    };
  }

  function build(Inlines: ReturnType<typeof pdfmake>["StockTextInlines"], doc: unknown, textArray: unknown, overrides: readonly unknown[]): Built {
    const stack = new (pdfmake().StyleContextStack)({}, { font: fonts.family, fontSize: 16 });
    for (const o of overrides) stack.push(o);
    const built = (new Inlines(doc) as { buildInlines(a: unknown, s: unknown): Built }).buildInlines(textArray, stack);
    return { ...built, items: built.items.map((i) => ({ ...i, font: (i["font"] as { id: string }).id })) };
  }

  test("a text measured again, in the same face or another, at other sizes and spacings, measures as pdfmake's own", () => {
    const text = withBreakOpportunities("การเปิดเผยข้อมูลสาธารณะ ผ่านเว็บไซต์ของหน่วยงาน  และช่องทางออนไลน์อื่น ๆ ");
    const variants: Array<readonly [unknown, readonly unknown[]]> = [
      [text, []],
      [text, [{ fontSize: 12 }]],
      [text, [{ characterSpacing: 0.5 }]],
      [[{ text, bold: true }], []],
      [[{ text, preserveLeadingSpaces: true, preserveTrailingSpaces: true }], [{ fontSize: 14.5 }]],
      [text, [{ sup: true }]],
      [text, []],
    ];
    for (const [textArray, overrides] of variants) {
      const fast = build(pdfmake().FastTextInlines, countingDocument(), structuredClone(textArray), overrides);
      const stock = build(pdfmake().StockTextInlines, countingDocument(), structuredClone(textArray), overrides);
      expect(fast, JSON.stringify(overrides)).toEqual(stock);
    }
  });

  test("the second measure of a text in a face asks the font for no word's width", () => {
    // no white space at a word's edge: every widthOfString call would be a word's own width
    const text = withBreakOpportunities("ผู้บริหารสูงสุดขององค์กรปกครองส่วนท้องถิ่นมอบหมายผู้รับผิดชอบโครงการ");
    const words = build(pdfmake().StockTextInlines, countingDocument(), text, []).items.length;
    expect(words).toBeGreaterThan(5);
    const first = countingDocument();
    build(pdfmake().FastTextInlines, first, text, [{ fontSize: 15 }]);
    expect(first.counts).toEqual({ widthOfString: 0, advanceOf: words });
    const again = countingDocument();
    const measured = build(pdfmake().FastTextInlines, again, text, [{ fontSize: 11 }]);
    expect(measured).toEqual(build(pdfmake().StockTextInlines, countingDocument(), text, [{ fontSize: 11 }]));
    expect(again.counts).toEqual({ widthOfString: 0, advanceOf: 0 });
    // in another face the advances are that face's, worked out once
    const bold = countingDocument();
    build(pdfmake().FastTextInlines, bold, [{ text, bold: true }], []);
    build(pdfmake().FastTextInlines, bold, [{ text, bold: true }], [{ fontSize: 9 }]);
    expect(bold.counts).toEqual({ widthOfString: 0, advanceOf: words });
  });
});
