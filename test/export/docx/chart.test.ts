/**
 * A chart in the DOCX is a native chart part: its XML holds the scores
 * (c:val caches) and labels (c:cat), the official Thai face in c:txPr, the
 * document's digits as a number format, and the package wires it up
 * (relationship, content type, embedded workbook for "Edit Data").
 * LibreOffice then prints it: the bars are measured on the rendered page.
 * Fails (never skips) when soffice or poppler is missing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportDocx } from "../../../src/export/docx/index.js";
import { CHART_LOOK } from "../../../src/model/layout.js";
import type { DocModel } from "../../../src/model/document.js";
import { parseMarkup } from "../../../src/render/markup/parse-markup.js";
import { fitToScores, printedBars, renderPage } from "../../helpers/chart-pixels.js";
import { docxToPdf } from "../../helpers/libreoffice.js";
import { pdfPages } from "../../helpers/pdf-text.js";
import { memoOptions, part } from "./helpers.js";

const SCORES = [92.44, 87.3, 65.56, 50, 100];
const LABELS = ["I1", "I2", "O9", "O10", "ปี ๒๕๖๔"];

function chartModel(numerals = "thai", charts = 1): DocModel {
  const bars = SCORES.map((s, i) => `<bar label="${LABELS[i]}" value="${s}"/>`).join("");
  const chart = `<chart title="คะแนนรายตัวชี้วัด ปี ๒๕๖๔" pass-line="85" pass-label="เกณฑ์ ๘๕" width="15" height="8">${bars}</chart>`;
  const r = parseMarkup(
    `<document title="t" numerals="${numerals}"><section><p>ก่อนแผนภูมิ</p>${chart.repeat(charts)}<p>หลังแผนภูมิ</p></section></document>`,
    new Map(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[1] ?? "");

let docx: Uint8Array;
let chartXml: string;

beforeAll(async () => {
  docx = await exportDocx(chartModel(), memoOptions);
  chartXml = part(docx, "word/charts/chart1.xml");
});

describe("a chart in the DOCX", () => {
  test("is a clustered column chart whose value cache holds the scores and category cache the labels", () => {
    const bar = /<c:barChart>.*<\/c:barChart>/s.exec(chartXml)?.[0] ?? "";
    expect(bar).toContain('<c:barDir val="col"/>');
    const vals = /<c:val>.*?<\/c:val>/s.exec(bar)?.[0] ?? "";
    expect(all(vals, /<c:v>([^<]*)<\/c:v>/g).map(Number)).toEqual(SCORES);
    const cats = /<c:cat>.*?<\/c:cat>/s.exec(bar)?.[0] ?? "";
    expect(all(cats, /<c:v>([^<]*)<\/c:v>/g)).toEqual(LABELS);
    expect(chartXml).toMatch(/<c:scaling><c:orientation val="minMax"\/><c:max val="100"\/><c:min val="0"\/><\/c:scaling>/);
    expect(chartXml).toContain(`<c:gapWidth val="${CHART_LOOK.gapWidthPct}"/>`);
    expect(bar).toContain(`<a:srgbClr val="${CHART_LOOK.seriesColors[0]}"/>`);
  });

  test("the pass line is a dashed line series at 85, named in the legend", () => {
    const line = /<c:lineChart>.*<\/c:lineChart>/s.exec(chartXml)?.[0] ?? "";
    const vals = /<c:val>.*?<\/c:val>/s.exec(line)?.[0] ?? "";
    expect(all(vals, /<c:v>([^<]*)<\/c:v>/g).map(Number)).toEqual(SCORES.map(() => 85));
    expect(line).toContain('<a:prstDash val="dash"/>');
    expect(line).toContain("<c:v>เกณฑ์ ๘๕</c:v>");
    expect(chartXml).toContain('<c:legend><c:legendPos val="b"/><c:legendEntry><c:idx val="0"/><c:delete val="1"/></c:legendEntry>');
  });

  test("text is the official Thai face at the chart sizes, values in Thai digits through the number format", () => {
    expect(chartXml).toContain('<a:latin typeface="TH SarabunPSK"/><a:ea typeface="TH SarabunPSK"/><a:cs typeface="TH SarabunPSK"/>');
    expect(chartXml).toContain('lang="th-TH" sz="1400"');
    expect(chartXml).toContain("<a:t>คะแนนรายตัวชี้วัด ปี ๒๕๖๔</a:t>");
    expect(chartXml).toContain('<c:numFmt formatCode="[$-D00041E]0.00" sourceLinked="0"/>');
    expect(chartXml).toContain('<c:numFmt formatCode="[$-D00041E]0" sourceLinked="0"/>');
  });

  test("an arabic document's chart formats values with plain digits", async () => {
    const xml = part(await exportDocx(chartModel("arabic"), memoOptions), "word/charts/chart1.xml");
    expect(xml).toContain('<c:numFmt formatCode="0.00" sourceLinked="0"/>');
    expect(xml).not.toContain("D00041E");
  });

  test("the package declares the chart, relates it from the body and embeds its data workbook", () => {
    const types = part(docx, "[Content_Types].xml");
    expect(types).toContain('<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/word/charts/chart1.xml"/>');
    expect(types).toContain('ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" Extension="xlsx"');
    expect(part(docx, "word/_rels/document.xml.rels")).toContain(
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>',
    );
    expect(part(docx, "word/document.xml")).toMatch(/<a:graphicData uri="http:\/\/schemas.openxmlformats.org\/drawingml\/2006\/chart"><c:chart [^>]*r:id="rIdChart1"\/>/);
    expect(part(docx, "word/charts/_rels/chart1.xml.rels")).toContain('Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"');
    expect(chartXml).toContain('<c:externalData r:id="rId1">');
    const book = unzipSync(unzipSync(docx)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] ?? new Uint8Array());
    const sheet = Buffer.from(book["xl/worksheets/sheet1.xml"] ?? new Uint8Array()).toString("utf8");
    // Column B holds the scores the chart's references (Sheet1!$B$2:$B$6) name; C the pass line.
    expect(chartXml).toContain("<c:f>Sheet1!$B$2:$B$6</c:f>");
    expect(all(sheet, /<c r="B\d+"><v>([^<]*)<\/v><\/c>/g).map(Number)).toEqual(SCORES);
    expect(all(sheet, /<c r="A\d+" t="inlineStr"><is><t>([^<]*)<\/t>/g)).toEqual(["", ...LABELS]);
    expect(all(sheet, /<c r="C\d+"><v>([^<]*)<\/v><\/c>/g).map(Number)).toEqual(SCORES.map(() => 85));
  });

  test("two charts get two parts with their own ids; the same model gives the same bytes", async () => {
    const two = await exportDocx(chartModel("thai", 2), memoOptions);
    const files = Object.keys(unzipSync(two));
    expect(files.filter((f) => /^word\/charts\/chart\d\.xml$/.test(f)).sort()).toEqual(["word/charts/chart1.xml", "word/charts/chart2.xml"]);
    expect(part(two, "word/document.xml").match(/<wp:docPr id="(\d+)"/g)).toEqual(['<wp:docPr id="1"', '<wp:docPr id="2"']);
    expect(Buffer.from(await exportDocx(chartModel(), memoOptions)).equals(Buffer.from(docx))).toBe(true);
  });

  test("text with XML's special characters is escaped in the chart part and its workbook", async () => {
    const r = parseMarkup('<document title="t"><section><chart title="ก &amp; ข &lt;ค&gt;"><bar label="A&amp;B &quot;x&quot;" value="1"/></chart></section></document>', new Map());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const out = await exportDocx(r.doc, memoOptions);
    const xml = part(out, "word/charts/chart1.xml");
    expect(xml).toContain("<a:t>ก &amp; ข &lt;ค&gt;</a:t>");
    expect(xml).toContain("<c:v>A&amp;B &quot;x&quot;</c:v>");
    const book = unzipSync(unzipSync(out)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] ?? new Uint8Array());
    expect(Buffer.from(book["xl/worksheets/sheet1.xml"] ?? new Uint8Array()).toString("utf8")).toContain("<t>A&amp;B &quot;x&quot;</t>");
  });

  test("a document without a chart declares no chart types", async () => {
    const r = parseMarkup('<document title="t"><section><p>ก</p></section></document>', new Map());
    if (!r.ok) throw new Error("bad markup");
    const types = part(await exportDocx(r.doc, memoOptions), "[Content_Types].xml");
    expect(types).not.toContain("chart");
    expect(types).not.toContain("xlsx");
  });
});

describe("LibreOffice prints the DOCX chart", () => {
  let dir: string;
  let pdf: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "itadoc-docx-chart-"));
    const path = join(dir, "chart.docx");
    writeFileSync(path, docx);
    pdf = docxToPdf(path, dir);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("with bars whose printed heights are the scores, in the text width", () => {
    const page = renderPage(pdf, 1, 100);
    const bars = printedBars(page, CHART_LOOK.seriesColors[0] ?? "");
    expect(bars).toHaveLength(SCORES.length);
    const fit = fitToScores(bars, SCORES);
    expect(fit.baselineSpread).toBeLessThanOrEqual(1);
    expect(fit.fullPx).toBeGreaterThan(60);
    for (const m of fit.misfit) expect(m).toBeLessThanOrEqual(2);
    // Inside the margins (3 cm left, 2 cm right at 100 dpi).
    expect(bars[0]?.left).toBeGreaterThan(118);
    expect(bars[4]?.right).toBeLessThan(page.width - 78);
  });

  test("with its title, labels, the pass line's name and the values in Thai digits", () => {
    const text = (pdfPages(pdf)[0] ?? "").replace(/\s+/g, "");
    // LibreOffice's PDF puts some stacked marks out of order (ชีว้ัด), so the title is checked up to them.
    for (const t of ["คะแนนรายตัวช", "ปี๒๕๖๔", "I1", "O10", "เกณฑ์๘๕", "๙๒.๔๔", "๕๐.๐๐", "ก่อนแผนภูมิ"]) expect(text).toContain(t);
    expect(text).not.toContain("92.44");
  });
});
