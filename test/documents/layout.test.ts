/**
 * Issue 14 items 1–4 and 6: layout as data. Each variation is a YAML input
 * (an example's file with keys added) and a check of the text the document
 * model prints (the same text both exporters print; test/e2e/layout-build
 * checks the PDF and DOCX themselves).
 */
import { parseDocument } from "yaml";
import { beforeAll, describe, expect, test } from "vitest";
import type { DocKind } from "../../src/documents/common.js";
import { formatDiagnostic } from "../../src/diag/format.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import type { DocModel, Table } from "../../src/model/document.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { exampleText, loadExample } from "../helpers/load-example.js";
import { modelParagraphs } from "../helpers/model-text.js";

const NR = "nakhon-ratchasima-city";
const KK = "khon-kaen-city";

let set: TemplateSet;
beforeAll(async () => {
  set = await builtinTemplates();
});

/** The example's file with `yaml` (a YAML map of key paths → values) set into it. */
function edited(org: string, file: string, changes: Record<string, unknown>): string {
  const doc = parseDocument(exampleText(org, file));
  for (const [path, value] of Object.entries(changes)) doc.setIn(path.split("."), doc.createNode(value));
  return doc.toString({ lineWidth: 0 });
}

function model(org: string, file: string, year: number, kind: DocKind, changes: Record<string, unknown>, orgChanges?: Record<string, unknown>): DocModel {
  const overrides: Record<string, string> = { [file]: edited(org, file, changes) };
  if (orgChanges) overrides["org.yaml"] = edited(org, "org.yaml", orgChanges);
  return loadedModel(set, loadExample(org, overrides), year, kind);
}

const text = (m: DocModel) => modelParagraphs(m);
const report = (changes: Record<string, unknown>, orgChanges?: Record<string, unknown>) => model(NR, "2564.yaml", 2564, "report", changes, orgChanges);
const tables = (m: DocModel): Table[] => m.sections.flatMap((s) => s.blocks.filter((b): b is Table => b.type === "table"));
const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.blocks.map((b) => (b.type === "paragraph" ? b.runs.map((x) => x.text).join("") : "")).join("|")));

function errorsOf(org: string, file: string, changes: Record<string, unknown>, orgChanges?: Record<string, unknown>): string[] {
  const overrides: Record<string, string> = { [file]: edited(org, file, changes) };
  if (orgChanges) overrides["org.yaml"] = edited(org, "org.yaml", orgChanges);
  const loaded = loadExample(org, overrides);
  return loaded.errors.map((d) => formatDiagnostic(d, "th"));
}

describe("item 1: printed names and wording as data", () => {
  test("org.yaml renames a tool and an indicator; the document overrides the org; result words and headings", () => {
    const m = report(
      { "report.wording": { I4: "การใช้ทรัพย์สินของทางราชการ (ตามที่หน่วยงานพิมพ์)", passed: "ผ่านเกณฑ์", failed: "ไม่ผ่านเกณฑ์", scores_heading: "ส่วนที่ ๑ คะแนน" } },
      { wording: { eit: "แบบวัดการรับรู้ของผู้รับบริการ", I4: "ชื่อระดับหน่วยงาน" } },
    );
    const t = text(m);
    expect(t).toContain("I4 การใช้ทรัพย์สินของทางราชการ (ตามที่หน่วยงานพิมพ์)");
    expect(t).not.toContain("I4 ชื่อระดับหน่วยงาน");
    expect(t).toContain("รวม EIT แบบวัดการรับรู้ของผู้รับบริการ");
    expect(t).toContain("ส่วนที่ ๑ คะแนน");
    expect(t).not.toContain("๑. ผลคะแนนรายตัวชี้วัด");
    expect(t.filter((x) => x === "ผ่านเกณฑ์").length).toBeGreaterThanOrEqual(10);
    expect(t).not.toContain("ผ่าน");
  });

  test("the title and the org line: replaced, or the org line left out with org_line: false", () => {
    const m = report({ "report.title": "รายงานการวิเคราะห์ผล ITA ปี ๒๕๖๔", "report.wording": { org_line: "false" } });
    const t = text(m);
    expect(t[0]).toBe("รายงานการวิเคราะห์ผล ITA ปี ๒๕๖๔");
    expect(t.some((x) => x.includes("อำเภอเมืองนครราชสีมา"))).toBe(false);
    const m2 = report({ "report.wording": { org_line: "เทศบาลนครนครราชสีมา จังหวัดนครราชสีมา" } });
    expect(text(m2)[1]).toBe("เทศบาลนครนครราชสีมา จังหวัดนครราชสีมา");
  });

  test("an unknown wording key is an error at its line with the closest key", () => {
    const errs = errorsOf(NR, "2564.yaml", { "report.wording": { passd: "ผ่านเกณฑ์" } });
    expect(errs.join("\n")).toMatch(/2564\.yaml:\d+:\d+: .*E_UNKNOWN_KEY.*passd.*/);
    expect(errs.join("\n")).toContain("passed");
  });
});

describe("item 2: sections as data", () => {
  test("reorder, retitle, drop, and add a heading, paragraphs and a table of one's own", () => {
    const m = report({
      "report.sections": [
        "title",
        { type: "heading", text: "ภาพรวม" },
        { type: "paragraphs", text: ["ย่อหน้าแนะนำก่อนตารางคะแนน"] },
        { type: "analysis", title: "ก. การวิเคราะห์" },
        { type: "scores", title: "ข. คะแนน" },
        { type: "table", title: "ค. ตารางของหน่วยงาน", columns: [{ heading: "เรื่อง", width: 3 }, { heading: "ผล", width: 1 }], rows: [["ประชุม", "ครบ"], [["บรรทัด ๑", "บรรทัด ๒"], "ยัง"]] },
      ],
    });
    const t = text(m);
    const at = (s: string) => t.indexOf(s);
    expect(at("ภาพรวม")).toBeGreaterThan(0);
    expect(at("ภาพรวม")).toBeLessThan(at("ย่อหน้าแนะนำก่อนตารางคะแนน"));
    expect(at("ย่อหน้าแนะนำก่อนตารางคะแนน")).toBeLessThan(at("ก. การวิเคราะห์"));
    expect(at("ก. การวิเคราะห์")).toBeLessThan(at("ข. คะแนน"));
    expect(at("ข. คะแนน")).toBeLessThan(at("ค. ตารางของหน่วยงาน"));
    expect(t).not.toContain("๓. กิจกรรมเพื่อพัฒนาตัวชี้วัดที่เลือก");
    expect(t.some((x) => x.includes("อำเภอเมืองนครราชสีมา"))).toBe(false);
    const own = tables(m).at(-1)!;
    expect(cellTexts(own)).toEqual([["เรื่อง", "ผล"], ["ประชุม", "ครบ"], ["บรรทัด ๑|บรรทัด ๒", "ยัง"]]);
    expect(own.columns.map((c) => c.width)).toEqual([3, 1]);
  });

  test("a built-in table's columns: one renamed and one hidden without listing the rest", () => {
    const m = report({ "report.sections": ["title", { type: "scores", columns: [{ key: "analysis", show: "no" }, { key: "score", heading: "คะแนนที่ได้" }] }] });
    const score = tables(m)[0]!;
    expect(cellTexts(score)[0]).toEqual(["ลำดับ", "เครื่องมือ", "ตัวชี้วัด", "คะแนนที่ได้", "ผลการประเมิน|(เกณฑ์ ๘๕)"]);
    // The total's grade cell now spans the one column after the score.
    expect(cellTexts(score).at(-1)).toEqual(["คะแนนรวม", "๙๒.๙๐", "ระดับ A"]);
    expect(score.rows.at(-1)!.cells.map((c) => c.colSpan ?? 1)).toEqual([3, 1, 1]);
  });

  test("the measures table: renaming one column needs only that column (it took all five, else 16 errors)", () => {
    const m = model(NR, "2565.yaml", 2565, "measures", { "measures.columns": [{ key: "deadline", heading: "ระยะเวลา" }] });
    const plan = tables(m).at(-1)!;
    expect(cellTexts(plan)[0]).toEqual(["มาตรการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา", "การรายงานผล"]);
    const hidden = model(NR, "2565.yaml", 2565, "measures", { "measures.columns": [{ key: "reporting", show: "no" }, { key: "budget", heading: "งบประมาณ" }] });
    expect(cellTexts(tables(hidden).at(-1)!)[0]).toEqual(["มาตรการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ", "งบประมาณ"]);
    // A new key needs its heading: one error at the column's line, not one per measure.
    const loaded = loadExample(NR, { "2565.yaml": edited(NR, "2565.yaml", { "measures.columns": [{ key: "deadline", heading: "ระยะเวลา" }, { key: "budget" }] }) });
    const job = planDocuments(loaded.org!, { kinds: ["measures"] })[0]!;
    expect(job.result.ok).toBe(false);
    if (!job.result.ok) {
      expect(job.result.errors).toHaveLength(1);
      expect(formatDiagnostic(job.result.errors[0]!, "th")).toMatch(/2565\.yaml:\d+:\d+: .*E_COLUMN_HEADING.*"budget"/);
    }
  });

  test("the report's activities table takes columns of the organisation's own; a key without a column is an error at its line", () => {
    const file = exampleText(NR, "2564.yaml").replace("    - indicator: I1\n", "    - indicator: I1\n      budget: \"๒๐,๐๐๐\"\n");
    const doc = parseDocument(file);
    doc.setIn(["report", "sections"], doc.createNode(["title", { type: "activities", columns: [{ key: "budget", heading: "งบประมาณ (บาท)", width: 2 }, { key: "period", show: "no" }] }]));
    const m = loadedModel(set, loadExample(NR, { "2564.yaml": doc.toString({ lineWidth: 0 }) }), 2564, "report");
    const rows = cellTexts(tables(m)[0]!);
    expect(rows[0]).toEqual(["ตัวชี้วัด", "กิจกรรม", "ผู้รับผิดชอบ", "งบประมาณ (บาท)"]);
    expect(rows[1]!.at(-1)).toBe("๒๐,๐๐๐");
    expect(rows[2]!.at(-1)).toBe("");
    const loaded = loadExample(NR, { "2564.yaml": file });
    const jobs = planDocuments(loaded.org!, { kinds: ["report"] });
    const r = jobs[0]!.result;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((d) => formatDiagnostic(d, "th")).join("\n")).toMatch(/2564\.yaml:\d+:\d+: .*E_ACTIVITY_COLUMN.*"budget"/);
  });

  test("a page section turns the rest landscape; every kind takes a sections list (memo, progress)", () => {
    const m = report({ "report.sections": ["title", "scores", { type: "page", orientation: "landscape" }, "activities"] });
    expect(m.sections.map((s) => s.page.orientation)).toEqual(["portrait", "landscape"]);
    const memo = model(KK, "2563.yaml", 2563, "memo", { "memo.sections": ["header", "to", "opening", { type: "paragraphs", text: "ย่อหน้าเพิ่มก่อนลงนาม" }, "signature"] });
    const mt = text(memo);
    expect(mt.indexOf("ย่อหน้าเพิ่มก่อนลงนาม")).toBeGreaterThan(0);
    expect(tables(memo)).toHaveLength(0);
    const progress = model(NR, "2565.yaml", 2565, "progress", { "progress.sections": ["title", "progress-table", { type: "summary", title: "สรุป" }] });
    expect(text(progress)).toContain("สรุป");
    expect(text(progress)).not.toContain("สรุปผลการดำเนินการ");
  });

  test("an unknown section type and an unknown column are errors at their line:col, listing what there is", () => {
    const errs = errorsOf(NR, "2564.yaml", { "report.sections": ["title", "scorez", { type: "scores", columns: [{ key: "nmber", heading: "ที่" }] }] }).join("\n");
    expect(errs).toMatch(/2564\.yaml:\d+:\d+: .*E_ENUM.*"scorez"/);
    expect(errs).toMatch(/scores, analysis, activities/);
    expect(errs).toMatch(/2564\.yaml:\d+:\d+: .*E_SECTION_COLUMN.*"nmber"/);
    expect(errs).toMatch(/number, tool, indicator, score, result, analysis/);
    const setting = errorsOf(NR, "2564.yaml", { "report.sections": [{ type: "analysis", numbering: "thai" }] }).join("\n");
    expect(setting).toMatch(/2564\.yaml:\d+:\d+: .*E_SECTION_SETTING.*numbering/);
    expect(setting).toContain("scores");
    const table = errorsOf(NR, "2564.yaml", { "report.sections": [{ type: "table" }, { type: "heading" }] }).join("\n");
    expect(table).toMatch(/E_REQUIRED.*columns/);
    expect(table).toMatch(/E_REQUIRED.*text/);
    const row = errorsOf(NR, "2564.yaml", { "report.sections": [{ type: "table", columns: [{ heading: "ก" }], rows: [["๑", "๒"]] }] }).join("\n");
    expect(row).toMatch(/2564\.yaml:\d+:\d+: .*E_SECTION_ROW/);
  });
});

describe("item 3: numbering styles and digits per part", () => {
  test("indicators numbered by code (default), running number in Thai or Arabic digits, or not at all", () => {
    const rowOf = (numbering: string | undefined) => {
      const m = report({ "report.sections": ["title", numbering ? { type: "scores", numbering } : "scores"] });
      return cellTexts(tables(m)[0]!)[1]![2];
    };
    expect(rowOf(undefined)).toBe("I1 การปฏิบัติหน้าที่");
    expect(rowOf("thai")).toBe("๑. การปฏิบัติหน้าที่");
    expect(rowOf("arabic")).toBe("1. การปฏิบัติหน้าที่");
    expect(rowOf("none")).toBe("การปฏิบัติหน้าที่");
    const list = model(NR, "2565.yaml", 2565, "measures", { "measures.sections": ["title", { type: "analysis", numbering: "arabic" }] });
    expect(cellTexts(tables(list)[0]!)[0]).toEqual(["", "1.", "การปฏิบัติหน้าที่", "ได้ ๙๓.๓๑ คะแนน"]);
    const memo = model(KK, "2563.yaml", 2563, "memo", { "memo.sections": ["header", { type: "year-table", numbering: "thai" }] });
    expect(cellTexts(tables(memo)[0]!).map((r) => r[0])).toContain("๔. การใช้ทรัพย์สินของราชการ");
  });

  test("a table in Arabic digits in a Thai-digit report", () => {
    const m = report({ "report.sections": ["title", { type: "scores", numerals: "arabic" }, "analysis"] });
    const score = cellTexts(tables(m)[0]!);
    expect(score[1]).toContain("1");
    expect(score.at(-1)).toEqual(["คะแนนรวม", "92.90", "ระดับ A"]);
    expect(score[0]).toContain("ผลการประเมิน|(เกณฑ์ 85)");
    // The text around it keeps the document's Thai digits.
    expect(text(m).some((x) => x.includes("ประจำปี ๒๕๖๔"))).toBe(true);
  });
});

describe("item 4: analysis tables in the shapes real documents use", () => {
  const measures = (section: Record<string, unknown>) => model(KK, "2564.yaml", 2564, "measures", { "measures.sections": ["title", { type: "analysis", ...section }] });

  test("two columns with subtotal rows (default), and without them", () => {
    const withSub = cellTexts(tables(measures({}))[0]!).map((r) => r[0]);
    expect(withSub).toContain("รวม IIT 92.00 คะแนน");
    const without = cellTexts(tables(measures({ subtotals: "no" }))[0]!).map((r) => r[0]);
    expect(without.some((c) => c!.startsWith("รวม "))).toBe(false);
  });

  test("three columns: score in its own column under a merged year heading", () => {
    const t = tables(measures({ shape: "score-column" }))[0]!;
    const rows = cellTexts(t);
    expect(t.columns).toHaveLength(3);
    expect(t.headerRows).toBe(2);
    expect(rows[0]).toEqual(["ปีงบประมาณ 2564", "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ"]);
    expect(t.rows[0]!.cells[0]!.colSpan).toBe(2);
    expect(rows[1]).toEqual(["ตัวชี้วัด", "คะแนน"]);
    expect(rows).toContainEqual(["I1 การปฏิบัติหน้าที่", "95.57"]);
    expect(rows).toContainEqual(["รวม IIT", "92.00"]);
  });
});

describe("item 5 placed by item 2: chart sections", () => {
  const charts = (m: DocModel) => m.sections.flatMap((s) => s.blocks).filter((b) => b.type === "chart");

  test("the report's default sections place the overall, per-tool and per-indicator charts after the score table", () => {
    const m = report({});
    const blocks = m.sections.flatMap((s) => s.blocks);
    const firstChart = blocks.findIndex((b) => b.type === "chart");
    expect(firstChart).toBeGreaterThan(blocks.findIndex((b) => b.type === "table"));
    // One assessed year up to 2564 in the folder: no chart over the years.
    expect(charts(m).map((c) => c.type === "chart" && c.categories.length)).toEqual([1, 3, 10]);
  });

  test("a chart section in a memo, with the year chart from every assessed year file, in the part's digits", () => {
    const m = model(KK, "2563.yaml", 2563, "memo", { "memo.sections": ["header", "to", { type: "chart", chart: "years", numerals: "arabic", title: "คะแนนย้อนหลัง" }, "opening", "signature"] });
    const [c] = charts(m);
    if (!c || c.type !== "chart") throw new Error("no chart");
    expect(c.categories).toEqual(["2561", "2562", "2563"]);
    const totals = loadExample(KK).org!;
    expect(c.series[0]!.values.map((v) => v.value)).toEqual([2561, 2562, 2563].map((y) => totals.years.get(y)!.result!.total));
    expect(text(m)).toContain("คะแนนย้อนหลัง");
  });

  test("a report without chart sections has none; a chart with no assessment is left out", () => {
    expect(charts(report({ "report.sections": ["title", "scores"] }))).toHaveLength(0);
    const progress = model(NR, "2565.yaml", 2565, "progress", { "progress.sections": ["title", { type: "chart", chart: "overall" }, "progress-table"] });
    const assessed = loadExample(NR).org!.years.get(2565)!.result !== undefined;
    expect(charts(progress)).toHaveLength(assessed ? 1 : 0);
  });
});

describe("item 6: approval chain", () => {
  test("a last level without to: prints its options and signature, no เรียน line", () => {
    const file = exampleText(KK, "2563.yaml").replace(
      "  approvals:\n",
      "  approvals:\n    - options: [ทราบ, อนุมัติ]\n      signer: { name: นายธีระศักดิ์ ฑีฆายุพันธุ์, position: นายกเทศมนตรีนครขอนแก่น }\n",
    );
    const m = loadedModel(set, loadExample(KK, { "2563.yaml": file }), 2563, "memo");
    const approvals = m.sections.flatMap((s) => s.blocks).filter((b) => b.type === "approval");
    const mayor = approvals[0]!;
    expect(mayor.type === "approval" && mayor.to).toBeUndefined();
    expect(mayor.type === "approval" && mayor.options).toEqual(["ทราบ", "อนุมัติ"]);
    expect(text(m)).not.toContain("เรียน undefined");
  });
});
