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
import { spawnSync } from "node:child_process";
import { chartSpaceXml, passLabelFormat, titleSizePt, valueLabelSizePt } from "../../../src/export/docx/chart-xml.js";
import { exportDocx } from "../../../src/export/docx/index.js";
import { CHART_LOOK } from "../../../src/model/layout.js";
import type { Chart, DocModel } from "../../../src/model/document.js";
import { parseMarkup } from "../../../src/render/markup/parse-markup.js";
import { fitToScores, printedBars, renderPage } from "../../helpers/chart-pixels.js";
import { docxToPdf } from "../../helpers/libreoffice.js";
import { pdfPages } from "../../helpers/pdf-text.js";
import { memoOptions, part } from "./helpers.js";

const SCORES = [92.44, 87.3, 65.56, 50, 100];
const LABELS = ["I1", "I2", "O9", "O10", "ปี ๒๕๖๔"];

/** One-bar chart on a page of its own (LibreOffice render only): the pass line must still span the plot. */
const SINGLE = `<section><chart title="คะแนนรวม" pass-line="85" pass-label="เกณฑ์ ๘๕" width="12" height="7"><bar label="คะแนนรวม" value="92.9"/></chart></section>`;

function chartModel(numerals = "thai", charts = 1, more = ""): DocModel {
  const bars = SCORES.map((s, i) => `<bar label="${LABELS[i]}" value="${s}"/>`).join("");
  const chart = `<chart title="คะแนนรายตัวชี้วัด ปี ๒๕๖๔" pass-line="85" pass-label="เกณฑ์ ๘๕" width="15" height="8">${bars}</chart>`;
  const r = parseMarkup(
    `<document title="t" numerals="${numerals}"><section><p>ก่อนแผนภูมิ</p>${chart.repeat(charts)}<p>หลังแผนภูมิ</p></section>${more}</document>`,
    new Map(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

/** ECMA-376's transitional DrawingML schemas (see the README beside them). */
const XSD = join(import.meta.dirname, "..", "..", "fixtures", "ooxml-xsd");

const chartModelChart = (m: DocModel): Chart => m.sections.flatMap((s) => s.blocks).find((b): b is Chart => b.type === "chart")!;

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

  test("the pass line: a dashed line series at 85 whose trendline spans the plot, labelled at its right end, not in the legend", () => {
    const line = /<c:lineChart>.*<\/c:lineChart>/s.exec(chartXml)?.[0] ?? "";
    const vals = /<c:val>.*?<\/c:val>/s.exec(line)?.[0] ?? "";
    expect(all(vals, /<c:v>([^<]*)<\/c:v>/g).map(Number)).toEqual(SCORES.map(() => 85));
    expect(line).toContain('<a:prstDash val="dash"/>');
    expect(line).toContain("<c:v>เกณฑ์ ๘๕</c:v>");
    // Half a category backward and forward from the first and last points is the plot's edges; the intercept makes one point enough.
    expect(line).toMatch(/<c:trendline><c:spPr><a:ln w="19050">.*<\/c:spPr><c:trendlineType val="linear"\/><c:forward val="0.5"\/><c:backward val="0.5"\/><c:intercept val="85"\/>/);
    // On its own axes: the right-hand one has its one tick at 85, printed as the label.
    expect(line).toContain('<c:axId val="500000003"/><c:axId val="500000004"/>');
    const right = /<c:valAx><c:axId val="500000004"\/>.*?<\/c:valAx>/s.exec(chartXml)?.[0] ?? "";
    expect(right).toContain('<c:axPos val="r"/>');
    expect(right).toContain('<c:numFmt formatCode="[=85]&quot;เกณฑ์ ๘๕&quot;;&quot;&quot;" sourceLinked="0"/>');
    expect(right).toContain('<c:majorUnit val="85"/>');
    expect(right).toContain('<c:max val="100"/><c:min val="0"/>');
    // One unnamed bar series: no legend at all.
    expect(chartXml).not.toContain("<c:legend>");
  });

  test("named series keep a legend without the pass line or its trendline; a quote in the label stays a literal", async () => {
    const r = parseMarkup(
      '<document title="t"><section><chart title="ปี" pass-line="85" pass-label="เกณฑ์ &quot;๘๕&quot;"><series name="IIT"><bar label="2563" value="90"/></series><series name="EIT"><bar label="2563" value="80"/></series></chart></section></document>',
      new Map(),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const xml = part(await exportDocx(r.doc, memoOptions), "word/charts/chart1.xml");
    const legend = /<c:legend>.*<\/c:legend>/s.exec(xml)?.[0] ?? "";
    expect(all(legend, /<c:legendEntry><c:idx val="(\d+)"\/><c:delete val="1"\/><\/c:legendEntry>/g)).toEqual(["2", "3"]);
    expect(passLabelFormat(85, 'เกณฑ์ "๘๕"')).toBe('[=85]"เกณฑ์ "\\""๘๕"\\""";""');
    expect(xml).toContain(`formatCode="${passLabelFormat(85, 'เกณฑ์ "๘๕"').replaceAll('"', "&quot;")}"`);
  });

  test("values above ten bars and a long title are set smaller so LibreOffice neither pushes them together nor wraps the title", () => {
    const font = { family: "TH SarabunPSK", baseSizePt: 16 };
    const bars = (n: number, text: string) => ({ name: "", values: Array.from({ length: n }, () => ({ value: 100, text })) });
    const base = { type: "chart", title: "คะแนนรวม ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๔", max: 100, ticks: [], numerals: "thai", decimals: 2, widthCm: 16, heightCm: 7 } as const;
    const three = { ...base, categories: ["IIT", "EIT", "OIT"], series: [bars(3, "๑๐๐.๐๐")] };
    const ten = { ...base, categories: Array.from({ length: 10 }, (_, i) => `I${i + 1}`), series: [bars(10, "๑๐๐.๐๐")] };
    expect(valueLabelSizePt(three, font)).toBe(14);
    expect(valueLabelSizePt(ten, font)).toBeLessThanOrEqual(13);
    expect(valueLabelSizePt(ten, font)).toBeGreaterThanOrEqual(11);
    // Crowded or narrow: never below 8 pt (and never zero or negative, which Word would refuse).
    const crowded = { ...ten, series: [bars(10, "๑๐๐.๐๐"), bars(10, "๑๐๐.๐๐"), bars(10, "๑๐๐.๐๐"), bars(10, "๑๐๐.๐๐")] };
    expect(valueLabelSizePt(crowded, font)).toBe(8);
    expect(valueLabelSizePt({ ...three, widthCm: 2 }, font)).toBe(8);
    expect(titleSizePt({ ...three, widthCm: 12 }, font)).toBe(16);
    const long = { ...three, widthCm: 12, title: "คะแนนรวมผลการประเมิน ITA ย้อนหลัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๔" };
    expect(titleSizePt(long, font)).toBeLessThan(16);
    expect(titleSizePt(long, font)).toBeGreaterThanOrEqual(14);
  });

  test("the chart part and its workbook are valid against ECMA-376's schemas (xmllint --schema dml-chart.xsd, sml.xsd), which reject children out of order", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-chart-xsd-"));
    try {
      const validate = (xml: string, schema = "dml-chart.xsd"): { ok: boolean; out: string } => {
        const file = join(dir, "part.xml");
        writeFileSync(file, xml);
        const r = spawnSync("xmllint", ["--noout", "--schema", join(XSD, schema), file], { encoding: "utf8" });
        if (r.error) throw r.error;
        return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
      };
      const named = parseMarkup('<document title="t"><section><chart title=""><series name="ก"><bar label="a" value="1"/></series></chart></section></document>', new Map());
      if (!named.ok) throw new Error("bad markup");
      for (const xml of [chartXml, chartSpaceXml(chartModelChart(named.doc), { family: "TH SarabunPSK", baseSizePt: 16 })]) {
        const r = validate(xml);
        expect(r.out).toContain("validates");
        expect(r.ok).toBe(true);
      }
      // The workbook "Edit Data" opens: its sheet and workbook parts against SpreadsheetML's schema.
      const book = unzipSync(unzipSync(docx)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] ?? new Uint8Array());
      for (const name of ["xl/worksheets/sheet1.xml", "xl/workbook.xml"]) {
        const r = validate(Buffer.from(book[name] ?? new Uint8Array()).toString("utf8"), "sml.xsd");
        expect(r.out).toContain("validates");
        expect(r.ok).toBe(true);
      }
      // The same part with c:smooth moved before c:cat (CT_LineSer's sequence broken) is refused: the check is real.
      const broken = chartXml.replace(/(<c:lineChart>.*?)(<c:cat>.*?<\/c:val>)(<c:smooth val="0"\/>)/s, "$1$3$2");
      expect(broken).not.toBe(chartXml);
      expect(validate(broken).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "itadoc-docx-chart-"));
    const path = join(dir, "chart.docx");
    writeFileSync(path, await exportDocx(chartModel("thai", 1, SINGLE), memoOptions));
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

  /** Columns of the pass line's red in a band of rows around `y` (the dashes, and the label right of the plot). */
  const redColumns = (page: ReturnType<typeof renderPage>, y0: number, y1: number): number[] => {
    const xs: number[] = [];
    for (let x = 0; x < page.width; x++) {
      for (let y = y0; y < y1; y++) {
        const i = (y * page.width + x) * 3;
        if ((page.rgb[i] ?? 0) > 150 && (page.rgb[i + 1] ?? 255) < 60 && (page.rgb[i + 2] ?? 255) < 60) {
          xs.push(x);
          break;
        }
      }
    }
    return xs;
  };

  test("with the pass line across the whole plot, past the first and last bars by half a gap, and over a single bar", () => {
    for (const [pageNo, count] of [[1, SCORES.length], [2, 1]] as const) {
      const page = renderPage(pdf, pageNo, 100);
      const bars = printedBars(page, CHART_LOOK.seriesColors[0] ?? "");
      expect(bars).toHaveLength(count);
      const first = bars[0]!;
      const last = bars.at(-1)!;
      const fit = fitToScores(bars, count === 1 ? [92.9] : SCORES);
      // The line's row: 85 on the bars' scale.
      const y = Math.round(first.bottom - (fit.fullPx * 85) / 100);
      const red = redColumns(page, y - 3, y + 4);
      const halfGap = count > 1 ? (bars[1]!.left - first.right) / 2 : (last.right - first.left) * 0.3;
      expect(Math.min(...red)).toBeLessThan(first.left - halfGap * 0.8);
      expect(red.some((x) => x > last.right + halfGap * 0.8 && x < last.right + halfGap * 1.2)).toBe(true);
    }
  });
});
