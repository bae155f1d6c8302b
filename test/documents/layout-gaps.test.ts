/**
 * Issue 14's gaps closed in stop 20: a built-in table's columns reordered by
 * naming only the ones to move (`order:`), numbering reaching the memo's
 * weak-items table, space above a score table that does not follow the
 * title, and `validate` checking the pictures image sections name.
 */
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { beforeAll, describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diag/format.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import type { DocModel, Paragraph, Table } from "../../src/model/document.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { EXAMPLES, exampleText, loadExample } from "../helpers/load-example.js";
import { runCli } from "../helpers/run-cli.js";

const NR = "nakhon-ratchasima-city";
const KK = "khon-kaen-city";

let set: TemplateSet;
beforeAll(async () => {
  set = await builtinTemplates();
});

/** The example's file with `sections` set under `kind`. */
function withSections(org: string, file: string, kind: string, sections: unknown): string {
  const doc = parseDocument(exampleText(org, file));
  doc.setIn([kind, "sections"], doc.createNode(sections));
  return doc.toString({ lineWidth: 0 });
}

const tables = (m: DocModel): Table[] => m.sections.flatMap((s) => s.blocks.filter((b): b is Table => b.type === "table"));
const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.blocks.map((b) => (b.type === "paragraph" ? b.runs.map((x) => x.text).join("") : "")).join("|")));
const reportWith = (sections: unknown) => loadedModel(set, loadExample(NR, { "2564.yaml": withSections(NR, "2564.yaml", "report", sections) }), 2564, "report");
const errorsWith = (sections: unknown, lang: "th" | "en" = "th") =>
  loadExample(NR, { "2564.yaml": withSections(NR, "2564.yaml", "report", sections) }).errors.map((d) => formatDiagnostic(d, lang)).join("\n");

describe("gap 1: a built-in table's columns reordered without listing the rest", () => {
  test("order: [score, indicator] swaps the two; subtotal and total rows follow the columns", () => {
    const before = cellTexts(tables(reportWith(["title", "scores"]))[0]!);
    const t = tables(reportWith(["title", { type: "scores", order: ["score", "indicator"] }]))[0]!;
    const rows = cellTexts(t);
    const iitTotal = before.find((r) => r[0]!.startsWith("รวม IIT"))![1];
    expect(rows[0]).toEqual(["ลำดับ", "เครื่องมือ", "คะแนน", "ตัวชี้วัด", "ผลการประเมิน|(เกณฑ์ ๘๕)", "การวิเคราะห์"]);
    expect(rows[1]!.slice(0, 4)).toEqual(["๑", "IIT", before[1]![3], "I1 การปฏิบัติหน้าที่"]);
    expect(rows[2]!.slice(0, 3)).toEqual(["๒", before[2]![2], "I2 การใช้งบประมาณ"]);
    // The widths move with their columns.
    expect(t.columns.map((c) => c.width)).toEqual([1.0, 1.6, 1.5, 3.2, 2.2, 4.5]);
    // The total: the label spans the columns before the score, the grade the ones after it.
    expect(cellTexts(t).at(-1)).toEqual(["คะแนนรวม", "๙๒.๙๐", "ระดับ A"]);
    expect(t.rows.at(-1)!.cells.map((c) => c.colSpan ?? 1)).toEqual([2, 1, 3]);
    // A tool's subtotal row: the result word stays under the result column.
    const sub = rows.find((r) => r[0]!.startsWith("รวม IIT"))!;
    expect(sub.slice(1)).toEqual([iitTotal, "", "ผ่าน", ""]);
  });

  test("the analysis column moved before the result; the activities' own column moved first", () => {
    const before = cellTexts(tables(reportWith(["title", "scores"]))[0]!);
    const scores = cellTexts(tables(reportWith(["title", { type: "scores", order: ["analysis", "result"] }]))[0]!);
    expect(scores[0]).toEqual(["ลำดับ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "การวิเคราะห์", "ผลการประเมิน|(เกณฑ์ ๘๕)"]);
    expect(scores.find((r) => r[0]!.startsWith("รวม IIT"))!.slice(1)).toEqual([before.find((r) => r[0]!.startsWith("รวม IIT"))![1], "", "ผ่าน"]);
    const file = exampleText(NR, "2564.yaml").replace("    - indicator: I1\n", "    - indicator: I1\n      budget: \"๒๐,๐๐๐\"\n");
    const doc = parseDocument(file);
    doc.setIn(["report", "sections"], doc.createNode(["title", { type: "activities", columns: [{ key: "budget", heading: "งบประมาณ" }], order: ["budget", "indicator"] }]));
    const m = loadedModel(set, loadExample(NR, { "2564.yaml": doc.toString({ lineWidth: 0 }) }), 2564, "report");
    const rows = cellTexts(tables(m)[0]!);
    expect(rows[0]).toEqual(["งบประมาณ", "กิจกรรม", "ผู้รับผิดชอบ", "ระยะเวลา", "ตัวชี้วัด"]);
    expect(rows[1]![0]).toBe("๒๐,๐๐๐");
    expect(rows[1]![4]).toMatch(/^ตัวชี้วัดที่ ๑ /);
  });

  test("the measures plan: order: on the plan section moves columns.yaml's columns (and measures.columns' own); an unknown key is an error at its line", () => {
    const sections = (order: string[]) => ["title", "analysis", { type: "plan", order }];
    const planOf = (file: string) => tables(loadedModel(set, loadExample(NR, { "2565.yaml": file }), 2565, "measures")).at(-1)!;
    const plan = planOf(withSections(NR, "2565.yaml", "measures", sections(["owner", "measure"])));
    expect(cellTexts(plan)[0]).toEqual(["ผู้รับผิดชอบ", "ขั้นตอน/วิธีการปฏิบัติ", "มาตรการ", "กำหนดแล้วเสร็จ", "การรายงานผล"]);
    expect(cellTexts(plan)[1]![2]).toMatch(/^๑\. /);
    const doc = parseDocument(withSections(NR, "2565.yaml", "measures", sections(["budget", "measure"])));
    doc.setIn(["measures", "columns"], doc.createNode([{ key: "deadline", heading: "ระยะเวลา" }, { key: "budget", heading: "งบประมาณ" }]));
    expect(cellTexts(planOf(doc.toString({ lineWidth: 0 })))[0]).toEqual(["งบประมาณ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลา", "การรายงานผล", "มาตรการ"]);
    const loaded = loadExample(NR, { "2565.yaml": withSections(NR, "2565.yaml", "measures", sections(["owner", "ownr"])) });
    const job = planDocuments(loaded.org!, { kinds: ["measures"] }).find((j) => j.fiscalYear === 2565)!;
    expect(job.result.ok).toBe(false);
    if (!job.result.ok) expect(job.result.errors.map((d) => formatDiagnostic(d, "th")).join("\n")).toMatch(/2565\.yaml:\d+:\d+: ข้อผิดพลาด \[E_SECTION_COLUMN\] ส่วน "plan" ไม่มีคอลัมน์ "ownr"/);
  });

  test("an unknown key in order: and a key named twice are errors at their line:col, in Thai and English", () => {
    const errs = errorsWith(["title", { type: "scores", order: ["score", "scor", "score"] }]);
    expect(errs).toMatch(/2564\.yaml:\d+:\d+: ข้อผิดพลาด \[E_SECTION_COLUMN\] ส่วน "scores" ไม่มีคอลัมน์ "scor"/);
    expect(errs).toContain("number, tool, indicator, score, result, analysis");
    expect(errs).toMatch(/2564\.yaml:\d+:\d+: ข้อผิดพลาด \[E_SECTION_ORDER_TWICE\] คอลัมน์ "score" อยู่ใน order: ซ้ำ/);
    const en = errorsWith(["title", { type: "scores", order: ["score", "score"] }], "en");
    expect(en).toMatch(/2564\.yaml:\d+:\d+: error \[E_SECTION_ORDER_TWICE\] column "score" is named twice in order:/);
    expect(errorsWith([{ type: "analysis", order: ["score"] }])).toMatch(/E_SECTION_SETTING.*order/);
  });
});

describe("gap 2: numbering reaches the memo's weak-items table", () => {
  const weakLabels = (numbering?: string) => {
    const sections = ["header", numbering ? { type: "weak-items", numbering } : "weak-items"];
    const m = loadedModel(set, loadExample(KK, { "2563.yaml": withSections(KK, "2563.yaml", "memo", sections) }), 2563, "memo");
    return cellTexts(tables(m)[0]!).slice(1).map((r) => r[0]!.split("|").at(-1));
  };

  test("running number and code by default; code, Thai, Arabic or none when asked", () => {
    const byDefault = weakLabels();
    expect(byDefault[0]).toMatch(/^๑\. O\d+ \S/);
    const name = byDefault[0]!.replace(/^๑\. O\d+ /, "");
    const code = byDefault[0]!.match(/O\d+/)![0];
    expect(weakLabels("code")[0]).toBe(`${code} ${name}`);
    expect(weakLabels("thai")[0]).toBe(`๑. ${name}`);
    expect(weakLabels("arabic")[1]).toMatch(/^2\. \S/);
    expect(weakLabels("none")[0]).toBe(name);
  });
});

describe("gap 3: a score table that is not first has space above its heading", () => {
  const headingOf = (m: DocModel, text: string) =>
    m.sections.flatMap((s) => s.blocks).find((b): b is Paragraph => b.type === "paragraph" && b.runs.map((r) => r.text).join("") === text)!;

  test("under the title: none (today's report); after another part: as the other headings", () => {
    const under = headingOf(reportWith(["title", "org-line", "scores"]), "๑. ผลคะแนนรายตัวชี้วัด");
    expect(under.spaceBeforePt ?? 0).toBe(0);
    const later = headingOf(reportWith(["title", { type: "paragraphs", text: "บทนำก่อนตารางคะแนน" }, "scores"]), "๑. ผลคะแนนรายตัวชี้วัด");
    const analysis = headingOf(reportWith(["title", "scores", "analysis"]), "๒. การวิเคราะห์ผลการประเมิน");
    expect(later.spaceBeforePt).toBe(12);
    expect(later.spaceBeforePt).toBe(analysis.spaceBeforePt);
  });
});

describe("gap 4: validate checks the pictures image sections name, as build does", () => {
  test("a missing picture and a file that is not a picture: E_SECTION_IMAGE at the entry's file:, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-"));
    cpSync(join(EXAMPLES, NR), join(dir, "nr"), { recursive: true });
    writeFileSync(join(dir, "nr", "notes.png"), "not a picture");
    const file = withSections(NR, "2564.yaml", "report", ["title", { type: "image", file: "chart.png" }, { type: "image", file: "notes.png" }]);
    writeFileSync(join(dir, "nr", "2564.yaml"), file);
    const lines = file.split("\n");
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    const r = await runCli(["validate", "nr"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`nr/2564\\.yaml:${lineOf("chart.png")}:\\d+: ข้อผิดพลาด \\[E_SECTION_IMAGE\\] .*chart\\.png`));
    expect(r.stdout).toMatch(new RegExp(`nr/2564\\.yaml:${lineOf("notes.png")}:\\d+: ข้อผิดพลาด \\[E_SECTION_IMAGE\\] .*notes\\.png`));
    const build = await runCli(["build", "nr", "--kind", "report", "--year", "2564", "--out", join(dir, "out")], dir);
    const codes = (s: string) => s.split("\n").filter((l) => l.includes("E_SECTION_IMAGE")).map((l) => l.trim().replace(/^.*?(nr\/2564\.yaml:\d+:\d+)/, "$1"));
    expect(codes(r.stdout)).toEqual(codes(build.stdout + build.stderr));
  });
});
