import { describe, expect, it } from "vitest";
import { exportDocx } from "../../../src/export/docx/index.js";
import { readZip } from "../../helpers/unzip.js";
import type { Block, DocModel, Paragraph, Section, Table } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { docxMemoModel } from "../../fixtures/models/docx-memo.js";
import { makePng, memoOptions, paragraphsOf, part, textOf } from "./helpers.js";

const para = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ type: "paragraph", runs: [{ text }], ...extra });
const model = (sections: readonly Section[], extra: Partial<DocModel> = {}): DocModel => ({ meta: { title: "t", lang: "th-TH" }, baseSizePt: 16, sections, ...extra });
const section = (blocks: readonly Block[], orientation: "portrait" | "landscape" = "portrait"): Section => ({ page: { ...A4_PORTRAIT_OFFICIAL, orientation }, blocks });
const oneCellTable: Table = { type: "table", columns: [{ width: 1 }], headerRows: 0, rows: [{ cells: [{ blocks: [para("ตาราง")] }] }] };

describe("package structure", () => {
  it("types every part and relates every part it names, for the memo with emblem and header", async () => {
    const docx = await exportDocx(docxMemoModel, memoOptions);
    const paths = readZip(docx).map((e) => e.path);
    const types = part(docx, "[Content_Types].xml");
    const defaults = [...types.matchAll(/Extension="(\w+)"/g)].map((m) => m[1]);
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    for (const p of paths) expect(overrides.includes(p) || defaults.includes(p.split(".").pop()), p).toBe(true);
    for (const o of overrides) expect(paths, o).toContain(o);
    const targets = [...part(docx, "word/_rels/document.xml.rels").matchAll(/Target="([^"]+)"/g)].map((m) => `word/${m[1]}`);
    for (const t of targets) expect(paths, t).toContain(t);
    const ids = [...part(docx, "word/_rels/document.xml.rels").matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of part(docx, "word/document.xml").matchAll(/r:(?:id|embed)="(rId\d+)"/g)) expect(ids).toContain(ref[1]);
  });

  it("stores a picture used twice once, numbers pictures per type, and gives every drawing its own id", async () => {
    const png = makePng(20, 10);
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    const images = new Map([
      ["a", png],
      ["b", Uint8Array.from(png)],
      ["c", jpeg],
    ]);
    const img = (ref: string): Block => ({ type: "image", ref, widthCm: 2, heightCm: 1 });
    const docx = await exportDocx(model([section([img("a"), img("b"), img("c"), img("a")])]), { ...memoOptions, images });
    expect(readZip(docx).filter((e) => e.path.startsWith("word/media/")).map((e) => e.path)).toEqual(["word/media/image1.jpg", "word/media/image1.png"]);
    const xml = part(docx, "word/document.xml");
    const embeds = [...xml.matchAll(/r:embed="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(embeds).size).toBe(2);
    expect(embeds[0]).toBe(embeds[1]);
    expect([...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "2", "3", "4"]);
  });

  it("writes styles for the document's own body size even after another size was exported", async () => {
    const defaultsOf = async (baseSizePt: number) =>
      /<w:docDefaults>.*<\/w:docDefaults>/.exec(part(await exportDocx(model([section([para("x")])], { baseSizePt }), memoOptions), "word/styles.xml"))?.[0];
    const sixteen = await defaultsOf(16);
    expect(sixteen).toContain(`<w:sz w:val="${16 * 2}"/>`);
    expect(await defaultsOf(14)).toContain(`<w:sz w:val="${14 * 2}"/>`);
    expect(await defaultsOf(16)).toBe(sixteen);
  });

  it("escapes markup characters and drops control characters XML cannot hold", async () => {
    const docx = await exportDocx(model([section([para(`ก & <ข> "ค" 'ง'\u0001`)])], { meta: { title: "A & B", lang: "th-TH" } }), memoOptions);
    const xml = part(docx, "word/document.xml");
    expect(xml).toContain("<w:t xml:space=\"preserve\">ก &amp; &lt;ข&gt; &quot;ค&quot; &apos;ง&apos;</w:t>");
    expect(xml).not.toContain("\u0001");
    expect(part(docx, "docProps/core.xml")).toContain("<dc:title>A &amp; B</dc:title>");
  });
});

describe("sections", () => {
  const sectPrCount = (p: string): number => (p.match(/<w:sectPr>/g) ?? []).length;

  it("ends a section on its last paragraph, or on an empty paragraph after a table or when it has no blocks", async () => {
    const xml = part(
      await exportDocx(model([section([]), section([para("แนวนอน")], "landscape"), section([oneCellTable]), section([para("ท้าย")], "landscape")]), memoOptions),
      "word/document.xml",
    );
    const body = /<w:body>(.*)<\/w:body>/.exec(xml)?.[1] ?? "";
    const top = paragraphsOf(body.replace(/<w:tbl>.*?<\/w:tbl>/g, ""));
    expect(top.map((p) => [textOf(p), sectPrCount(p)])).toEqual([
      ["", 1],
      ["แนวนอน", 1],
      ["", 1],
      ["ท้าย", 0],
    ]);
    expect(top[1]).toMatch(/<w:pPr><w:pStyle w:val="ITABody"\/><w:sectPr>.*<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const orientations = (body.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? []).map((s) => /w:orient="(\w+)"/.exec(s)?.[1]);
    expect(orientations).toEqual(["portrait", "landscape", "portrait", "landscape"]);
    expect(body.endsWith("</w:sectPr>")).toBe(true);
  });

  it("gives every section its own numbered header, the first also an empty first-page one", async () => {
    const docx = await exportDocx(
      model([section([para("ก")]), section([para("ข")], "landscape")], { pageNumbers: { position: "top-center", from: 2, numerals: "thai", format: "- {n} -" } }),
      memoOptions,
    );
    const refs = [...part(docx, "word/document.xml").matchAll(/<w:headerReference w:type="(\w+)" r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
    expect(refs).toEqual(["default", "first", "default"]);
    expect(readZip(docx).map((e) => e.path).filter((p) => /^word\/header\d\.xml$/.test(p))).toEqual(["word/header1.xml", "word/header2.xml", "word/header3.xml"]);
    expect(textOf(part(docx, "word/header3.xml"))).toBe("-  -");
    expect(part(docx, "word/header2.xml")).toContain("<w:p/></w:hdr>");
  });
});

describe("merged cells", () => {
  it("continues a cell spanning three rows in each row below it, at its grid column, keeping its width, shading and alignment", async () => {
    const cell = (text: string, extra = {}) => ({ blocks: [para(text)], ...extra });
    const t: Table = {
      type: "table",
      columns: [{ width: 1 }, { width: 1 }, { width: 2 }],
      headerRows: 0,
      rows: [
        { cells: [cell("ก"), cell("ยาว", { rowSpan: 3, shaded: true, align: "center", vAlign: "middle" }), cell("ข")] },
        { cells: [cell("ค"), cell("ง")] },
        { cells: [cell("จ"), cell("ฉ")] },
      ],
    };
    const xml = part(await exportDocx(model([section([t])]), memoOptions), "word/document.xml");
    const rows = xml.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    const cellsOf = (row: string): string[] => row.match(/<w:tc>.*?<\/w:tc>/g) ?? [];
    expect(cellsOf(rows[0] ?? "")[1]).toContain('<w:vMerge w:val="restart"/>');
    for (const row of rows.slice(1)) {
      const cells = cellsOf(row);
      expect(cells.map(textOf)).toEqual([textOf(cells[0] ?? ""), "", textOf(cells[2] ?? "")]);
      expect(cells[1]).toBe(
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${Math.round(9071 / 4)}"/><w:vMerge w:val="continue"/><w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"/>` +
          `<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p></w:tc>`,
      );
    }
  });
});
