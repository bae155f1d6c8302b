/**
 * The one-write drawing paths (internals/pdfkit-text.ts, pdfkit-color.ts,
 * pdfmake-vector.ts) write what pdfkit's and pdfmake's own drawing code
 * writes: every document below is drawn both ways, from the same warm
 * caches, and the files must be byte-identical.
 */
import { createHash } from "node:crypto";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { loadBundledPdfFonts } from "../../../src/cli/pdf-fonts.js";
import type { FontSet } from "../../../src/export/exporter.js";
import { pdfFontsFor } from "../../../src/export/pdf/fonts.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { layOutAndRender, type EngineHooks } from "../../../src/export/pdf/internals/pdfmake.js";
import { PDFKIT_COLOR_INTERNALS } from "../../../src/export/pdf/internals/pdfkit-color.js";
import { advanceOf, drawPlainText, oneWriteDrawing, pdfNumber, PDFKIT_TEXT_INTERNALS, type TextDocument } from "../../../src/export/pdf/internals/pdfkit-text.js";
import { withBreakOpportunities } from "../../../src/export/pdf/thai-wrap.js";
import { builtinTemplates, exampleModel } from "../../helpers/example-model.js";
import { a4Job, exampleDocOfEachKind, options, sarabun } from "./helpers.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The bytes of `make()` with the one-write paths on, and with pdfkit's and pdfmake's own drawing. */
async function bothWays(make: () => Promise<Uint8Array>): Promise<{ oneWrite: string; stock: string }> {
  await make(); // warm the shaping caches, so both runs start from the same state
  oneWriteDrawing.enabled = false;
  const stock = sha(await make());
  oneWriteDrawing.enabled = true;
  const oneWrite = sha(await make());
  return { oneWrite, stock };
}

/** An A4 Sarabun document of `content` laid out and drawn through the engine; `onDocument` sees each pdfkit document a font is opened for. */
function renderContent(content: unknown, onDocument: (doc: unknown) => void = () => undefined): Promise<Uint8Array> {
  const fonts = pdfFontsFor(sarabun);
  const hooks: EngineHooks = {
    beforeLine: () => undefined,
    xmpInfo: (info) => info,
    openFont: (doc, type, id) => {
      onDocument(doc);
      return fonts.open(doc, type, id);
    },
    beforeRender: () => undefined,
  };
  return layOutAndRender(
    a4Job(content, fonts.family),
    hooks,
  );
}

afterEach(() => {
  oneWriteDrawing.enabled = true;
});

describe("documents drawn in one write per fragment equal pdfkit's drawing", () => {
  let laksaman: FontSet;
  beforeAll(async () => {
    laksaman = await loadBundledPdfFonts();
  });

  for (const [org, year, kind] of exampleDocOfEachKind) {
    test(`${org} ${year} ${kind}, Laksaman and Sarabun`, async () => {
      const model = exampleModel(await builtinTemplates(), org, year, kind);
      for (const fonts of [laksaman, sarabun]) {
        const { oneWrite, stock } = await bothWays(() => exportPdf(model, { ...options, fonts }));
        expect(oneWrite).toBe(stock);
      }
    }, 60_000);
  }

  test("text, colours and vectors that take pdfkit's own path sit among plain ones", async () => {
    const thai = withBreakOpportunities("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ");
    // pdfmake moves canvas vectors in place as it lays them out: a fresh definition per document
    const content = () => [
      { text: thai, color: "#1f3864" },
      { text: "AVAWAY To Wa Ty", color: "#f00" }, // kerned Latin: glyphs with adjustments, pdfkit's path
      { text: thai, characterSpacing: 0.7, color: "red" },
      { text: "link", link: "https://example.org", decoration: "underline", color: "not-a-colour" },
      { text: [{ text: "ข้อ ", bold: true }, { text: "๑", italics: true, opacity: 0.5 }, { text: " ffi", fontFeatures: ["liga"] }] },
      { text: "สี่\nบรรทัด", background: "#eeeeee" },
      {
        table: {
          body: [
            [{ text: "ก", fillColor: "#dddddd" }, { text: "ข", fillColor: "blue", fillOpacity: 0.4 }],
            [{ text: "", border: [true, false, true, true] }, { text: "ง" }],
          ],
        },
        layout: { hLineStyle: () => ({ dash: { length: 2 } }), hLineColor: () => "#888", vLineWidth: () => 0 },
      },
      {
        canvas: [
          { type: "rect", x: 0, y: 0, w: 40, h: 10, r: 3, color: "green" },
          { type: "rect", x: 50, y: 0, w: 40, h: 10, color: "#123456", lineColor: "black" },
          { type: "line", x1: 0, y1: 20, x2: 90, y2: 20, lineWidth: 0.25, lineCap: "round" },
          { type: "line", x1: 0, y1: 24, x2: 90, y2: 24, lineColor: "#00f", strokeOpacity: 0.3 },
          { type: "polyline", points: [{ x: 0, y: 30 }, { x: 10, y: 40 }, { x: 20, y: 30 }], lineColor: "purple" },
          { type: "ellipse", x: 100, y: 30, r1: 5, r2: 3, color: "orange" },
        ],
      },
    ];
    const render = () => renderContent(content());
    const { oneWrite, stock } = await bothWays(render);
    expect(oneWrite).toBe(stock);
  });
});

describe("the pdfkit members the one-write paths stand in for", () => {
  test("are still there (canary for a pdfkit upgrade)", async () => {
    const docs: Record<string, unknown>[] = [];
    await renderContent([{ text: "ก" }], (doc) => docs.push(doc as Record<string, unknown>));
    const doc = docs[0] as Record<string, unknown>;
    for (const f of [...PDFKIT_TEXT_INTERNALS.documentFields, ...PDFKIT_COLOR_INTERNALS.documentFields]) expect(f in doc, `document.${f}`).toBe(true);
    for (const m of [...PDFKIT_TEXT_INTERNALS.documentMethods, ...PDFKIT_COLOR_INTERNALS.documentMethods]) expect(typeof doc[m], `document.${m}`).toBe("function");
    // the last page drawn stays the document's page
    const page = doc["page"] as Record<string, unknown>;
    for (const f of PDFKIT_TEXT_INTERNALS.pageFields) expect(f in page, `page.${f}`).toBe(true);
  });
});

describe("drawPlainText", () => {
  /** A font whose every text is plain, and a document that records what is written. */
  const font = {
    id: "F1",
    ascender: 800,
    plainHex: (text: string) => (text === "kern" ? null : "0001".repeat(text.length)),
    widthOfString: (text: string, size: number) => text.length * size * 0.5,
    ref: () => "ref",
  };
  const newDoc = () => {
    const written: string[] = [];
    const doc: TextDocument = { _font: font, _fontSize: 10, page: { height: 800, fonts: {} }, x: 0, y: 0, addContent: (d) => written.push(d) };
    return { doc, written };
  };
  const renderLineOptions = { lineBreak: false, textWidth: 20, characterSpacing: undefined, wordCount: 1, link: undefined };

  test("writes a plain fragment as one string, with pdfkit's operators and numbers", () => {
    const { doc, written } = newDoc();
    const pending = drawPlainText(doc, "abc", 72.1234567, 100, renderLineOptions);
    expect(written).toEqual(["q\n1 0 0 -1 0 800 cm\nBT\n1 0 0 1 72.123457 692 Tm\n/F1 10 Tf\n[<000100010001> 0] TJ\nET\nQ"]);
    expect(doc.page.fonts["F1"]).toBe("ref");
    expect([doc.x, doc.y]).toEqual([72.1234567, 100]);
    // the pen moves by the text's width, as pdfkit's _line moves it
    expect(pending && advanceOf(pending)).toBe(15);
  });

  test("character spacing is written and counted in the pen's move", () => {
    const { doc, written } = newDoc();
    const pending = drawPlainText(doc, "ab", 0, 0, { ...renderLineOptions, characterSpacing: 0.5 });
    expect(written[0]).toContain("/F1 10 Tf\n0.5 Tc\n[<00010001> 0] TJ");
    expect(pending && advanceOf(pending)).toBe(10.5);
  });

  test("an empty text writes nothing but still moves the pen as pdfkit does", () => {
    const { doc, written } = newDoc();
    const pending = drawPlainText(doc, "", 5, 5, { ...renderLineOptions, characterSpacing: 2 });
    expect(written).toEqual([]);
    expect(pending && advanceOf(pending)).toBe(-2);
  });

  test("calls that need pdfkit's general path are left to it, with nothing written", () => {
    const cases: Array<[unknown, unknown]> = [
      ["kern", renderLineOptions],
      ["a\nb", renderLineOptions],
      ["a", { ...renderLineOptions, link: "https://example.org" }],
      ["a", { ...renderLineOptions, features: ["liga"] }],
      ["a", { ...renderLineOptions, destination: "h1" }],
      ["a", { ...renderLineOptions, underline: true }],
      ["a", { ...renderLineOptions, lineBreak: true }],
      ["a", undefined],
      [42, renderLineOptions],
    ];
    for (const [text, opts] of cases) {
      const { doc, written } = newDoc();
      expect(drawPlainText(doc, text, 1, 1, opts), JSON.stringify([text, opts])).toBeUndefined();
      expect(written).toEqual([]);
    }
    const { doc, written } = newDoc();
    doc._textOptions = { continued: true };
    expect(drawPlainText(doc, "a", 1, 1, renderLineOptions)).toBeUndefined();
    doc._textOptions = undefined;
    doc._font = { ...font, plainHex: undefined };
    expect(drawPlainText(doc, "a", 1, 1, renderLineOptions)).toBeUndefined();
    expect(written).toEqual([]);
  });

  test("pdfNumber rounds to 6 decimals and refuses what pdfkit refuses", () => {
    expect(`${pdfNumber(-0)}`).toBe("0");
    expect(pdfNumber(841.8897637795277)).toBe(841.889764);
    expect(pdfNumber(1e-7)).toBe(0);
    expect(() => pdfNumber(1e21)).toThrow(/unsupported number/);
  });
});
