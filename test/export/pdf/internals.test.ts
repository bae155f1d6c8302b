/**
 * Canary for src/export/pdf/internals/: every private module and member of
 * pdfmake, pdfkit and fontkit that the adapters use is still there, the
 * versions are the pinned ones, and the fast measure (text-measure.ts) gives
 * exactly what stock pdfmake's TextInlines.measure gives on real phrases.
 * After an upgrade of pdfmake, pdfkit or fontkit, this file says which
 * internal moved before a clerk's export breaks.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { DocKind } from "../../../src/documents/common.js";
import { pdfFontsFor, type PdfFonts } from "../../../src/export/pdf/fonts.js";
import { FONTKIT_INTERNALS, FONTKIT_VERSION } from "../../../src/export/pdf/internals/fontkit.js";
import {
  checkPdfmakeVersion,
  PdfEngineMismatch,
  layOutAndRender,
  pdfmake,
  PDFMAKE_INSTANCE_MEMBERS,
  PDFMAKE_INTERNALS,
  PDFMAKE_VERSION,
  styleLayersOf,
  type EngineHooks,
  type LaidPage,
  type PdfKitDoc,
} from "../../../src/export/pdf/internals/pdfmake.js";
import { fasterPack } from "../../../src/export/pdf/internals/pdfmake-layout.js";
import { installedPdfkitVersion, openFaces, PDFKIT_INTERNALS, PDFKIT_VERSION } from "../../../src/export/pdf/internals/pdfkit.js";
import { withBreakOpportunities } from "../../../src/export/pdf/thai-wrap.js";
import { builtinTemplates, exampleModel } from "../../helpers/example-model.js";
import { modelParagraphs } from "../../helpers/model-text.js";
import { sarabun } from "./helpers.js";

const require = createRequire(import.meta.url);
const requireFromPdfmake = createRequire(require.resolve("pdfmake/package.json"));
const requireFromPdfkit = createRequire(requireFromPdfmake.resolve("pdfkit"));

const hasMember = (o: object, name: string): boolean => name in o;

describe("pinned versions", () => {
  test("pdfmake, pdfkit and fontkit are the versions the adapters were written for", () => {
    expect((require("pdfmake/package.json") as { version: string }).version).toBe(PDFMAKE_VERSION);
    expect(installedPdfkitVersion).toBe(PDFKIT_VERSION);
    // fontkit's exports map hides its package.json: read it beside the entry point pdfkit loads
    const entry = requireFromPdfkit.resolve("fontkit");
    const manifest = join(entry.slice(0, entry.lastIndexOf(`${sep}fontkit${sep}`) + "fontkit".length + 2), "package.json");
    expect((JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version).toBe(FONTKIT_VERSION);
  });

  test("package.json pins pdfkit and fontkit exactly through overrides", () => {
    const pkg = require("../../../package.json") as { overrides?: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.dependencies["pdfmake"]).toBe(PDFMAKE_VERSION);
    expect(pkg.overrides).toMatchObject({ pdfkit: PDFKIT_VERSION, fontkit: FONTKIT_VERSION });
  });

  test("another pdfmake version stops the export with a message that names both versions", () => {
    expect(() => checkPdfmakeVersion(PDFMAKE_VERSION)).not.toThrow();
    expect(() => checkPdfmakeVersion("0.3.12")).toThrow(/pdfmake 0\.3\.12 is installed.*written for pdfmake 0\.3\.11/);
    // the class the build reports as E_INTERNAL (cli/build/build-org.ts)
    expect(() => checkPdfmakeVersion("0.3.12")).toThrow(PdfEngineMismatch);
  });
});

describe("pdfmake internals", () => {
  for (const [path, spec] of Object.entries(PDFMAKE_INTERNALS)) {
    test(`${path} loads and has what the adapter uses`, () => {
      const mod = require(path) as Record<string, unknown> & { default?: { prototype: object } & Record<string, unknown> };
      if ("prototype" in spec) {
        expect(typeof mod.default).toBe("function");
        for (const m of spec.prototype) expect(typeof (mod.default!.prototype as Record<string, unknown>)[m], `${path} prototype.${m}`).toBe("function");
      }
      if ("statics" in spec) for (const m of spec.statics) expect(typeof mod.default![m], `${path} ${m}`).toBe("function");
      if ("exports" in spec) for (const m of spec.exports) expect(mod[m], `${path} exports ${m}`).toBeDefined();
    });
  }

  test("the instance members the adapter reads exist while a document is laid out and drawn", async () => {
    const fonts = pdfFontsFor(sarabun);
    const seen = { lines: 0, widths: [] as number[], fontDocs: [] as PdfKitDoc[], pages: [] as LaidPage[] };
    const hooks: EngineHooks = {
      beforeLine: (inlines, width) => {
        if (inlines) seen.lines++;
        seen.widths.push(width);
      },
      xmpInfo: (info) => ({ ...info, Title: "escaped" }),
      openFont: (doc, type, id) => {
        seen.fontDocs.push(doc);
        return fonts.open(doc, type, id);
      },
      beforeRender: (pages) => seen.pages.push(...pages),
    };
    const bytes = await layOutAndRender(
      {
        content: [{ text: "บันทึกข้อความ", tocItem: true, id: "h1" }, { text: withBreakOpportunities("การประเมินคุณธรรมและความโปร่งใส") }],
        pageSize: "A4",
        pageOrientation: "portrait",
        pageMargins: [72, 72, 72, 72],
        defaultStyle: { font: fonts.family, fontSize: 16 },
        images: {},
        family: fonts.family,
        documentOptions: { pdfVersion: "1.7", autoFirstPage: false, bufferPages: false, info: { Title: "t" }, font: null, compress: false },
      },
      hooks,
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // buildNextLine ran with writer.context().availableWidth: the A4 width less the margins
    expect(seen.lines).toBeGreaterThan(0);
    expect(seen.widths.every((w) => Math.abs(w - (595.28 - 144)) < 0.01)).toBe(true);
    const doc = seen.fontDocs[0]!;
    for (const m of PDFMAKE_INSTANCE_MEMBERS.document) expect(hasMember(doc, m), `document.${m}`).toBe(true);
    const stack = new (pdfmake().StyleContextStack)({}, {});
    for (const m of PDFMAKE_INSTANCE_MEMBERS.styleContextStack) expect(hasMember(stack, m), `styleContextStack.${m}`).toBe(true);
    expect(styleLayersOf(stack)).not.toBeNull();
    expect(seen.pages[0]!.items.some((i) => i.type === "line")).toBe(true);
    // the XMP got the hook's value, the Info dictionary the original
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).toContain("escaped");
    expect(text).toMatch(/<rdf:li xml:lang="x-default">escaped<\/rdf:li>/);
    expect(text).toMatch(/^\(t\)$/m);
  });
});

describe("pdfkit and fontkit internals", () => {
  const { faces, EmbeddedFont } = openFaces({ normal: sarabun.regular });
  const face = faces.normal;

  test("pdfkit's EmbeddedFont has the fields and methods FaithfulFont uses", () => {
    for (const f of PDFKIT_INTERNALS.embeddedFontFields) expect(hasMember(face, f), `EmbeddedFont.${f}`).toBe(true);
    for (const m of PDFKIT_INTERNALS.embeddedFontMethods) expect(typeof (EmbeddedFont.prototype as unknown as Record<string, unknown>)[m], `EmbeddedFont.${m}`).toBe("function");
    const PdfKit = requireFromPdfmake("pdfkit") as new (o: object) => { font(b: Buffer): object };
    const doc = new PdfKit({ autoFirstPage: false }).font(Buffer.from(sarabun.regular));
    for (const f of PDFKIT_INTERNALS.documentFields) expect(hasMember(doc, f), `PDFDocument.${f}`).toBe(true);
  });

  test("fontkit's TrueType face, glyph and subset have the members subset-glyphs.ts uses", () => {
    const font = face.font as unknown as Record<string, unknown> & { getGlyph(id: number): object };
    for (const m of FONTKIT_INTERNALS.faceMembers) expect(font[m], `TTFFont.${m}`).toBeDefined();
    const glyph = font.getGlyph(3) as Record<string, unknown>;
    for (const m of FONTKIT_INTERNALS.glyphMembers) expect(glyph[m], `Glyph.${m}`).toBeDefined();
    // glyf, loca, hmtx and offset exist while the subset is written, where the replaced _addGlyph runs
    const subset = openFaces({ normal: sarabun.regular }).faces.normal.subset as unknown as Record<string, unknown> & { includeGlyph(id: number): number; encode(): Uint8Array };
    subset.includeGlyph(3);
    expect(subset.encode().length).toBeGreaterThan(0);
    for (const m of FONTKIT_INTERNALS.subsetMembers) expect(subset[m], `TTFSubset.${m}`).toBeDefined();
  });
});

/** Real phrases: every paragraph the examples print, cut at spaces into phrases of a few words. */
async function examplePhrases(): Promise<string[]> {
  const templates = await builtinTemplates();
  const docs: ReadonlyArray<readonly [string, number, DocKind]> = [
    ["khon-kaen-city", 2563, "memo"],
    ["khon-kaen-city", 2564, "measures"],
    ["nakhon-ratchasima-city", 2564, "report"],
    ["nakhon-ratchasima-city", 2565, "measures"],
  ];
  const phrases = new Set<string>();
  for (const [org, year, kind] of docs) {
    for (const paragraph of modelParagraphs(exampleModel(templates, org, year, kind))) {
      const words = paragraph.split(" ").filter((w) => w.length > 0);
      phrases.add(paragraph);
      for (let i = 0; i < words.length; i += 3) phrases.add(words.slice(i, i + 3).join(" "));
    }
  }
  return [...phrases];
}

describe("the fast measure equals pdfmake's TextInlines.measure", () => {
  let fonts: PdfFonts;
  let phrases: string[];
  beforeAll(async () => {
    fonts = pdfFontsFor(sarabun);
    phrases = await examplePhrases();
  });

  /** A stand-in for pdfmake's PDFDocument: provideFont is all TextInlines asks of it. */
  function measuringDocument() {
    const opened = new Map<string, unknown>();
    return {
      provideFont(family: string, bold: boolean, italics: boolean) {
        expect(family).toBe(fonts.family);
        const type = bold ? (italics ? "bolditalics" : "bold") : italics ? "italics" : "normal";
        if (!opened.has(type)) opened.set(type, fonts.open({ options: {} }, type, `F${opened.size + 1}`));
        return opened.get(type);
      },
    };
  }

  /** The inlines as plain data: the font as its face name, everything else as measured. */
  function measured(Inlines: ReturnType<typeof pdfmake>["StockTextInlines"], textArray: unknown, stackOverrides: readonly unknown[]): unknown {
    const doc = measuringDocument();
    const stack = new (pdfmake().StyleContextStack)({ strong: { bold: true, fontSize: 18 }, quiet: { color: "gray", lineHeight: 1.2 } }, { font: fonts.family, fontSize: 16 });
    for (const o of stackOverrides) stack.push(o);
    const inlines = new Inlines(doc) as { buildInlines(a: unknown, s: unknown): { items: Array<Record<string, unknown>>; minWidth: number; maxWidth: number } };
    const built = inlines.buildInlines(textArray, stack);
    const faceName = (f: unknown): string => (f as { id: string }).id;
    // the same fields on every word (an undefined field counts: toEqual alone would not see it), in any order
    const fields = built.items.map((i) => Object.keys(i).sort().join(","));
    return { ...built, fields, items: built.items.map((i) => ({ ...i, font: faceName(i["font"]) })) };
  }

  test("on a few hundred phrases of the examples, plain, styled and mixed", () => {
    expect(phrases.length).toBeGreaterThanOrEqual(300);
    let compared = 0;
    for (const [n, phrase] of phrases.entries()) {
      const text = withBreakOpportunities(phrase);
      const words = text.split(" ");
      const cut = Math.max(1, text.length >> 1);
      const variants: Array<readonly [unknown, readonly unknown[]]> = [
        [text, []],
        [[{ text, bold: true }], [{ fontSize: 14 }]],
        [[{ text: words[0] ?? "", style: "strong" }, { text: ` ${words.slice(1).join(" ")}`, italics: n % 2 === 0 }], ["quiet"]],
        [[{ text: `  ${text}  `, leadingIndent: 12, preserveTrailingSpaces: true, sup: n % 5 === 0 }], [{ characterSpacing: 0.5 }]],
        // several override layers, as pdfmake stacks nodes: the top value wins, null and undefined fall through, false does not
        [
          [{ text: `${text} `, color: null }, { text: `\t${text}`, style: "quiet", fontSize: 15 }],
          [{ bold: true, color: "red", leadingIndent: 8 }, { fontSize: 13, bold: false, color: undefined, decoration: null }, { text: "node", opacity: 0.5 }],
        ],
      ];
      // a quarter of the phrases (time): the words of runs that meet inside a word (getBreaks marks the first
      // noNewLine), line feeds, no wrapping, breaking anywhere, empty text (text-measure.ts buildInlines)
      if (n % 4 === 0) variants.push(
        [[{ text: text.slice(0, cut), bold: true }, { text: text.slice(cut), decoration: "underline" }, text.slice(0, cut)], [{ fontSize: 14 }]],
        [`${text}\n${text}\r\nx`, []],
        [[{ text, noWrap: n % 8 === 0 }, { text: ` ${text}`, noWrap: false }], []],
        [[text], [{ noWrap: true }]],
        [[{ text }], [{ wordBreak: "break-all" }]],
        [n % 8 === 0 ? "" : [""], []],
      );
      for (const [textArray, overrides] of variants) {
        const stock = measured(pdfmake().StockTextInlines, structuredClone(textArray), overrides);
        const fast = measured(pdfmake().FastTextInlines, structuredClone(textArray), overrides);
        expect(fast, `${phrase} (${JSON.stringify(overrides)})`).toEqual(stock);
        compared++;
      }
    }
    expect(compared).toBe(phrases.length * 5 + Math.ceil(phrases.length / 4) * 6);
  });

  test("one document's text nodes in turn: the stack levels resolved for one node are right for the next (text-measure.ts StackStyles)", () => {
    const doc = measuringDocument();
    const fast = new (pdfmake().FastTextInlines)(doc) as { buildInlines(a: unknown, s: unknown): { items: Array<Record<string, unknown>>; minWidth: number; maxWidth: number } };
    const stock = new (pdfmake().StockTextInlines)(doc) as typeof fast;
    const defaultStyle = { font: fonts.family, fontSize: 16 };
    const table = { fontSize: 14, color: "navy" };
    const rows = [{ bold: true }, { italics: true, color: null }, {}];
    const cells = [{ alignment: "right", fontSize: 12 }, { decoration: "underline" }, { lineHeight: 1.3, bold: false }];
    const nodes = phrases.slice(0, 12).map((p, k) => ({ text: withBreakOpportunities(p), ...(k % 3 === 0 ? { fontSize: 18 } : {}) }));
    const plain = (b: { items: Array<Record<string, unknown>> }) => b.items.map((i) => ({ ...i, font: (i["font"] as { id: string }).id }));
    let compared = 0;
    // as DocMeasure walks a table: the same ancestors, then a cell, then a leaf pushed twice (auto, then measureLeaf's copy)
    for (const row of rows) {
      for (const cell of [...cells, "quiet", { color: "green" }]) {
        for (const node of nodes.slice(0, 4)) {
          const stack = new (pdfmake().StyleContextStack)({ quiet: { color: "gray" } }, defaultStyle);
          for (const entry of [table, row, cell, node, node]) stack.push(entry);
          expect(plain(fast.buildInlines(node.text, stack))).toEqual(plain(stock.buildInlines(structuredClone(node.text), stack)));
          compared++;
        }
      }
      // a shallower stack after deeper ones, then a new default style
      const shallow = new (pdfmake().StyleContextStack)({}, row === rows[2] ? { font: fonts.family, fontSize: 11, lineHeight: 1.4 } : defaultStyle);
      shallow.push(table);
      expect(plain(fast.buildInlines(nodes[5]!.text, shallow))).toEqual(plain(stock.buildInlines(nodes[5]!.text, shallow)));
      compared++;
    }
    expect(compared).toBe(rows.length * (cells.length + 2) * 4 + rows.length);
  });
});

describe("pdfmake's tools.pack, made faster (internals/pdfmake.ts fasterPack)", () => {
  // pdfmake 0.3.11 helpers/tools.js, verbatim
  function stockPack(...args: unknown[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (let i = 0, l = args.length; i < l; i++) {
      const obj = args[i] as Record<string, unknown>;
      if (obj) {
        for (const key in obj) {
          if (Object.prototype.hasOwnProperty.call(obj, key)) result[key] = obj[key];
        }
      }
    }
    return result;
  }
  const fast = fasterPack(stockPack);
  const inherited = Object.assign(Object.create({ inheritedField: 1 }), { own: 2 });
  const cases: unknown[][] = [
    [{ type: "line", x1: 1, y1: 2, x2: 3, y2: 4, lineWidth: 0.5, lineColor: "black", _isFillColorFromUnbreakable: true }],
    [{ type: "rect", x: 0, y: 0, w: 10, h: 5, color: "#E6E6E6", 2: "two", 1: "one" }],
    [{ hLineWidth: () => 1, paddingLeft: 4 }, { paddingLeft: 2, vLineWidth: null }],
    [undefined],
    [null, { a: 1 }],
    [{ a: 1 }, undefined],
    [],
    [{ a: 1 }, { b: 2 }, { a: 3 }],
    [inherited],
    ["ab"],
    [0, false, ""],
  ];

  test("gives what pdfmake's gives: the same fields in the same order, a new object", () => {
    for (const args of cases) {
      const got = fast(...args);
      const want = stockPack(...args);
      expect(got, JSON.stringify(args)).toEqual(want);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const a of args) expect(got).not.toBe(a);
    }
  });

  test("is what pdfmake's modules call once the engine is loaded", () => {
    pdfmake();
    const tools = require("pdfmake/js/helpers/tools.js") as { pack: (...a: unknown[]) => unknown };
    const v = { type: "line", x1: 1, y1: 2, x2: 3, y2: 4 };
    expect(tools.pack(v)).toEqual(v);
    expect(tools.pack.toString()).not.toContain("hasOwnProperty");
  });
});
