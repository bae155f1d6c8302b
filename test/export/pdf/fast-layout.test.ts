/**
 * internals/pdfmake-layout.ts: pdfmake's layout functions rewritten without
 * their temporary objects lay out what pdfmake's own lay out. Documents are
 * laid out both ways (fastLayout off: pdfmake 0.3.11's functions) and the
 * laid-out pages (every line's fields and inlines, every vector, in order)
 * and the PDF bytes must be equal; the pieces are also checked one by one
 * against pdfmake's own on the cases their fast paths choose between.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { loadBundledPdfFonts } from "../../../src/cli/pdf-fonts.js";
import type { FontSet } from "../../../src/export/exporter.js";
import { pdfFontsFor } from "../../../src/export/pdf/fonts.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { layOutAndRender, pdfmake, type EngineHooks, type LaidPage, type LayoutJob } from "../../../src/export/pdf/internals/pdfmake.js";
import { fastLayout } from "../../../src/export/pdf/internals/pdfmake-layout.js";
import { withBreakOpportunities } from "../../../src/export/pdf/thai-wrap.js";
import { builtinTemplates, exampleModel } from "../../helpers/example-model.js";
import { a4Job, exampleDocOfEachKind, options, sarabun } from "./helpers.js";

const require = createRequire(import.meta.url);
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

afterEach(() => {
  fastLayout.enabled = true;
});

/**
 * A laid-out page as plain data: each item's type and fields, a line's
 * inlines without their font objects. A canvas vector's `resetXY` closure is
 * left out: pdfmake's decorateNode makes one that only a pageBreakBefore
 * function calls, and the fast layout does not make it (pdfmake-layout.ts).
 */
function pageData(pages: readonly LaidPage[]): unknown {
  const plain = (o: unknown): unknown =>
    JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === "font" ? (v as { id?: string }).id : k === "resetXY" ? undefined : typeof v === "function" ? "fn" : k === "_node" || k === "cell" ? "ref" : v)));
  return pages.map((p) =>
    p.items.map((i) => {
      if (i.type !== "line") return { type: i.type, item: plain(i.item) };
      const line = i.item as Record<string, unknown> & { inlines: unknown[] };
      return { type: i.type, keys: Object.keys(line), line: plain({ ...line, inlines: undefined }), inlines: plain(line.inlines) };
    }),
  );
}

/** `content()` laid out and drawn through the engine (A4, Sarabun): the pages as data and the bytes. */
async function render(content: () => unknown, extra: { header?: unknown; footer?: unknown } = {}): Promise<{ pages: unknown; bytes: string }> {
  const fonts = pdfFontsFor(sarabun);
  let pages: unknown;
  const hooks: EngineHooks = {
    beforeLine: () => undefined,
    xmpInfo: (info) => info,
    openFont: (doc, type, id) => fonts.open(doc, type, id),
    beforeRender: (p) => {
      pages = pageData(p);
    },
  };
  // pdfmake moves canvas vectors and fills in nodes as it lays them out: a fresh definition per run
  const bytes = await layOutAndRender(a4Job(content(), fonts.family, extra as Partial<LayoutJob>), hooks);
  return { pages, bytes: sha(bytes) };
}

async function bothWays<T>(make: () => Promise<T>): Promise<{ fast: T; stock: T }> {
  pdfmake();
  await make(); // warm the shaping caches, so both runs start from the same state
  fastLayout.enabled = false;
  const stock = await make();
  fastLayout.enabled = true;
  const fast = await make();
  return { fast, stock };
}

const thai = withBreakOpportunities("การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ ");

/** Nodes that take every branch of the replaced functions: margins of each form, page breaks, unbreakable and detached blocks, lists, columns, long tables with repeated headers, spans, vertical alignment. */
function everyBranch(): unknown[] {
  const row = (i: number) => [
    { text: `${i}`, verticalAlignment: "middle" },
    { text: thai.repeat(1 + (i % 3)), margin: [0, 2] },
    { stack: [{ text: "ก", margin: 3 }, { ul: ["ข", "ค"] }], fillColor: i % 2 ? "#eeeeee" : undefined },
  ];
  const table = (headerRows: number, dontBreakRows: boolean, keepWithHeaderRows: number) => ({
    table: {
      widths: [40, 250, 120],
      headerRows,
      dontBreakRows,
      keepWithHeaderRows,
      body: [[{ text: "หัว", bold: true }, { text: "ตาราง", colSpan: 2 }, {}], ...Array.from({ length: 30 }, (_, i) => row(i))],
    },
    margin: [0, 6, 0, 6],
  });
  return [
    { text: "หัวข้อ", id: "h1", tocItem: true, margin: [0, 0, 0, 12], fontSize: 20 },
    { text: thai.repeat(12), alignment: "justify", marginTop: 4 },
    { text: thai.repeat(3), style: "unknown-style", margin: [10, 20, 10, 20] },
    { text: "", margin: [undefined, undefined, undefined, undefined] },
    { stack: [thai, { text: thai, margin: 5 }], unbreakable: true, margin: [20, 0] },
    { ol: [thai, { text: thai, margin: [0, 4, 0, 0] }, ["ก", "ข"]] },
    { columns: [{ text: thai, width: 200 }, { text: thai, width: "*", margin: [8, 0, 0, 0] }] },
    table(1, true, 1),
    { text: "หลังตาราง", pageBreak: "before" },
    table(2, false, 0),
    { table: { body: [[{ text: "ก", rowSpan: 2 }, "ข"], [{}, "ค"], ["ง", { text: thai, verticalAlignment: "bottom" }]] }, layout: "noBorders" },
    { text: "วาง", absolutePosition: { x: 300, y: 60 } },
    { text: "เลื่อน", relativePosition: { x: 10, y: -4 } },
    { canvas: [{ type: "line", x1: 0, y1: 0, x2: 200, y2: 0, lineWidth: 0.5 }], margin: [0, 10] },
    { text: "คี่", pageBreak: "beforeOdd" },
    { text: "หลัง", pageBreak: "after" },
    { text: "คู่", pageBreak: "beforeEven", margin: 700 },
    { text: thai.repeat(30), pageBreak: "afterEven" },
    { text: [{ text: "ขีดเส้นใต้", decoration: "underline" }, " ธรรมดา"] },
    { text: [{ text: "พื้น", background: "#eeeeee" }, " ธรรมดา"] },
    { text: [{ text: "ยก", sup: true }, { text: "ห้อย", sub: true }, { text: "จาง", opacity: 0.5, color: "#ff0000" }] },
    { text: "ลิงก์", link: "https://example.org" },
    { text: "ไปหน้าหนึ่ง", linkToPage: 1 },
    { text: "ไปหัวข้อ", linkToDestination: "h1" },
    { text: ["หน้า ", { pageReference: "h1" }] },
    { text: "สารบัญย่อย", outline: true, id: "o1" },
    { text: "จบ", pageBreak: "afterOdd", marginBottom: 800 },
  ];
}

describe("pdfmake's layout with the rewritten functions equals pdfmake's own", () => {
  test("every branch: the same pages, line by line, and the same bytes", async () => {
    const { fast, stock } = await bothWays(() => render(everyBranch));
    expect((stock.pages as unknown[]).length).toBeGreaterThan(8);
    expect(fast.pages).toEqual(stock.pages);
    expect(fast.bytes).toBe(stock.bytes);
  }, 60_000);

  test("headers and footers, fixed and per page, on a long document", async () => {
    const content = () => [{ text: thai.repeat(120) }, { table: { headerRows: 1, dontBreakRows: true, body: Array.from({ length: 60 }, (_, i) => [`${i}`, thai]) } }];
    const extra = {
      header: () => ({ text: "หัวกระดาษ", margin: [72, 20, 72, 0] }),
      footer: (page: number, count: number) => ({ columns: [{ text: `${page}/${count}`, alignment: "right" }], margin: [72, 0] }),
    };
    const { fast, stock } = await bothWays(() => render(content, extra));
    expect(fast.pages).toEqual(stock.pages);
    expect(fast.bytes).toBe(stock.bytes);
  }, 60_000);

  describe("the examples' documents, Laksaman and Sarabun", () => {
    let laksaman: FontSet;
    beforeAll(async () => {
      laksaman = await loadBundledPdfFonts();
    });
    for (const [org, year, kind] of exampleDocOfEachKind) {
      test(`${org} ${year} ${kind}`, async () => {
        const model = exampleModel(await builtinTemplates(), org, year, kind);
        for (const fonts of [laksaman, sarabun]) {
          const { fast, stock } = await bothWays(async () => sha(await exportPdf(model, { ...options, fonts })));
          expect(fast).toBe(stock);
        }
      }, 60_000);
    }
  });
});

describe("the pieces against pdfmake's own", () => {
  /** pdfmake's function and ours for `proto[name]`. */
  const both = <F>(target: Record<string, unknown>, name: string): { fast: F; stock: F } => {
    pdfmake();
    const fast = target[name] as F;
    fastLayout.enabled = false;
    const stock = target[name] as F;
    fastLayout.enabled = true;
    expect(fast).not.toBe(stock);
    return { fast, stock };
  };

  test("getNodeMargin: every margin form, and what it leaves to pdfmake", () => {
    const nodeHelpers = require("pdfmake/js/helpers/node.js") as Record<string, unknown>;
    type GetMargin = (node: unknown, stack: unknown) => unknown;
    const { fast, stock } = both<GetMargin>(nodeHelpers, "getNodeMargin");
    const StyleContextStack = pdfmake().StyleContextStack;
    const stack = new StyleContextStack({ wide: { margin: [1, 2, 3, 4] }, side: { marginLeft: 7 } }, {});
    const own = [5, 6, 7, 8];
    const nodes: unknown[] = [
      { text: "a" },
      { text: "a", margin: 3 },
      { text: "a", margin: 0 },
      { text: "a", margin: [1, 2] },
      { text: "a", margin: own },
      { text: "a", margin: [1, 2, 3] },
      { text: "a", margin: [undefined, undefined, undefined, undefined] },
      { text: "a", margin: [] },
      { text: "a", margin: Number.NaN },
      { text: "a", margin: "3" },
      { text: "a", marginTop: 4 },
      { text: "a", margin: [1, 2, 3, 4], marginLeft: 9 },
      { text: "a", style: "wide" },
      { text: "a", style: ["wide", "side"], margin: 2 },
      "plain",
    ];
    for (const node of nodes) expect(fast(node, stack), JSON.stringify(node)).toEqual(stock(node, stack));
    // an array of four is the node's own, as pdfmake returns it
    expect(fast({ margin: own }, stack)).toBe(own);
    expect(() => fast({ margin: null }, stack)).toThrow();
    expect(() => stock({ margin: null }, stack)).toThrow();
  });

  test("DocPreprocessor.preprocessNode: every shortcut and cast value", () => {
    const Pre = (require("pdfmake/js/DocPreprocessor.js") as { default: { prototype: Record<string, unknown> } & (new () => Record<string, unknown>) }).default;
    const pre = both<(this: unknown, node: unknown, sectionAllowed?: boolean) => unknown>(Pre.prototype, "preprocessNode");
    const inputs = (): unknown[] => [
      "a\tb",
      new String("x\ty"),
      3,
      true,
      null,
      undefined,
      {},
      Object.create({ inherited: 1 }),
      [],
      ["ก", { text: 2 }, { text: {} }, { text: null }, { text: "t\t" }],
      { text: [{ text: "ก" }, "ข", 5] },
      { text: { text: "in" } },
      { ul: ["a", ["b"]], ol: undefined },
      { table: { body: [["a", null], [{ text: 1 }, { _span: true }]] } },
      { columns: [{ text: "c" }, "d"] },
      { canvas: [] },
      { text: "id", id: "n1" },
      { pageReference: "n1" },
    ];
    const a = inputs();
    const b = inputs();
    for (let i = 0; i < a.length; i++) {
      const [fast, stock] = [new Pre(), new Pre()];
      for (const p of [fast, stock]) Object.assign(p, { parentNode: null, tocs: [], nodeReferences: [] });
      expect(pre.fast.call(fast, a[i]), String(i)).toEqual(pre.stock.call(stock, b[i]));
      expect(a[i], String(i)).toEqual(b[i]);
    }
    const p = Object.assign(new Pre(), { parentNode: null, tocs: [], nodeReferences: [] });
    expect(() => pre.fast.call(p, { section: [] })).toThrow(/only allowed at the root/);
    // NaN is neither a number nor an object to pdfmake: `"text" in NaN` throws in both
    expect(() => pre.fast.call(p, Number.NaN)).toThrow(TypeError);
    expect(() => pre.stock.call(p, Number.NaN)).toThrow(TypeError);
    expect(() => pre.fast.call(p, { nothing: 1 })).toThrow(/Unrecognized document structure/);
    expect(() => pre.stock.call(p, { nothing: 1 })).toThrow(/Unrecognized document structure/);
  });

  test("StyleContextStack.getProperty: overrides, named styles through extends (with a cycle), the default", () => {
    const Stack = pdfmake().StyleContextStack as unknown as { prototype: Record<string, unknown> } & (new (d: object, s?: object) => { push(s: unknown): void });
    const get = both<(this: unknown, property: string) => unknown>(Stack.prototype, "getProperty");
    const dictionary = { a: { color: "red", extends: ["b", "c"] }, b: { fontSize: 9, extends: "a" }, c: { bold: false, extends: "missing" }, d: { color: null } };
    const stacks = [[], ["a"], ["d"], ["c", { color: "blue" }], [{ color: "blue" }, "b"], [new String("a"), { fontSize: null }], ["missing"]];
    for (const entries of stacks) {
      for (const defaultStyle of [{ color: "grey", fontSize: 1 }, undefined]) {
        const stack = new Stack(dictionary, defaultStyle);
        for (const e of entries) stack.push(e);
        for (const property of ["color", "fontSize", "bold", "italics"]) {
          expect(get.fast.call(stack, property), `${JSON.stringify(entries)} ${property}`).toEqual(get.stock.call(stack, property));
        }
      }
    }
  });

  test("StyleContextStack autopush and clone push and copy what pdfmake's do", () => {
    const Stack = pdfmake().StyleContextStack as unknown as { prototype: Record<string, unknown> } & (new (d: object, s: object) => { styleOverrides: unknown[]; defaultStyle: unknown });
    const autopush = both<(this: unknown, item: unknown) => number>(Stack.prototype, "autopush");
    const clone = both<(this: unknown) => { styleOverrides: unknown[]; defaultStyle: unknown; styleDictionary: unknown }>(Stack.prototype, "clone");
    const items: unknown[] = ["name", { text: "a" }, { style: "s" }, { style: ["s", "t"] }, { style: [] }, { section: [], style: "s" }, new String("x")];
    for (const item of items) {
      const a = new Stack({}, { fontSize: 1 });
      const b = new Stack({}, { fontSize: 1 });
      expect(autopush.fast.call(a, item)).toBe(autopush.stock.call(b, item));
      expect(a.styleOverrides).toEqual(b.styleOverrides);
      const ca = clone.fast.call(a);
      const cb = clone.stock.call(b);
      expect(ca.styleOverrides).toEqual(cb.styleOverrides);
      expect(ca.styleOverrides).not.toBe(a.styleOverrides);
      expect(ca.defaultStyle).toBe(a.defaultStyle);
      expect(ca).toBeInstanceOf(Stack);
    }
  });

  test("Line getHeight, getAscenderHeight and clone", () => {
    const Line = (require("pdfmake/js/Line.js") as { default: { prototype: Record<string, unknown> } & (new (w: number) => Record<string, unknown>) }).default;
    const getHeight = both<(this: unknown) => number>(Line.prototype, "getHeight");
    const ascender = both<(this: unknown) => number>(Line.prototype, "getAscenderHeight");
    const clone = both<(this: unknown) => Record<string, unknown>>(Line.prototype, "clone");
    const font = { ascender: 800 };
    const line = new Line(100);
    for (const l of [new Line(50), line]) {
      expect(getHeight.fast.call(l)).toBe(getHeight.stock.call(l));
      expect(ascender.fast.call(l)).toBe(ascender.stock.call(l));
    }
    (line["addInline"] as (i: object) => void).call(line, { text: "a", width: 10, height: 12, font, fontSize: 10 });
    (line["addInline"] as (i: object) => void).call(line, { text: "b", width: 5, font, fontSize: 14, lineEnd: true });
    (line["addInline"] as (i: object) => void).call(line, { text: "c", width: 5, height: 18.5, font, fontSize: 8 });
    Object.assign(line, { x: 3, y: 4, id: "x", lastLineInParagraph: true });
    expect(getHeight.fast.call(line)).toBe(18.5);
    expect(getHeight.fast.call(line)).toBe(getHeight.stock.call(line));
    expect(ascender.fast.call(line)).toBe(ascender.stock.call(line));
    const [a, b] = [clone.fast.call(line), clone.stock.call(line)];
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a).toEqual(b);
    expect(a).not.toBe(line);
    expect(a).toBeInstanceOf(Line);
    expect(a["inlines"]).toBe(line["inlines"]);
  });

  test("turning the fast layout off puts every one of pdfmake's functions back, and on puts ours back", () => {
    pdfmake();
    expect(fastLayout.enabled).toBe(true);
    fastLayout.enabled = false;
    expect(fastLayout.enabled).toBe(false);
    const Line = (require("pdfmake/js/Line.js") as { default: { prototype: Record<string, unknown> } }).default;
    // pdfmake's own getHeight walks the inlines with forEach
    expect(String(Line.prototype["getHeight"])).toContain("forEach");
    fastLayout.enabled = true;
    expect(fastLayout.enabled).toBe(true);
    expect(String(Line.prototype["getHeight"])).not.toContain("forEach");
  });
});
