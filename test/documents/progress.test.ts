/** The progress report: rows from the year's plan, progress entries keyed to its measures, and the errors a clerk can make. */
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diag/format.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import { exampleText, loadExample } from "../helpers/load-example.js";

const ORG = "nakhon-ratchasima-city";
const YEAR = exampleText(ORG, "2565.yaml");

function progressJob(text = YEAR) {
  const org = loadExample(ORG, { "2565.yaml": text });
  expect(org.errors).toEqual([]);
  const jobs = planDocuments(org.org!, { kinds: ["progress"] });
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

interface Row {
  number: number;
  name: string[];
  owner: string[];
  deadline: string[];
  status: string | null;
  done: string[];
}

describe("progress", () => {
  test("one row per measure of the plan, with the plan's name, owner and deadline and the entry's status", () => {
    const job = progressJob();
    expect(job.baseName).toBe("2565-progress");
    if (!job.result.ok) throw new Error(JSON.stringify(job.result.errors));
    const rows = (job.result.data as { rows: Row[] }).rows;
    expect(rows.map((r) => r.name[0])).toEqual(["๑. การเพิ่มประสิทธิภาพในการปฏิบัติหน้าที่", "๒. การใช้จ่ายงบประมาณ", "๓. มาตรการป้องกันการทุจริต", "๔. การปรับปรุงประสิทธิภาพการทำงานให้ดีขึ้น"]);
    expect(rows[1]!.owner).toEqual(["-กองยุทธศาสตร์"]);
    expect(rows[1]!.deadline).toEqual(["กันยายน ๒๕๖๕"]);
    // Entry 2 names its measure by name without the plan's number; the others by number.
    expect(rows.map((r) => r.status)).toEqual(["ดำเนินการแล้ว", "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "อยู่ระหว่างดำเนินการ"]);
    expect(job.result.warnings).toEqual([]);
  });

  test("an entry naming no measure of the plan is an error at its line:col, in Thai, listing the plan's measures", () => {
    const text = YEAR.replace("    - measure: การใช้จ่ายงบประมาณ\n", "    - measure: การใช้จ่ายงบประมาณประจำปี\n");
    const job = progressJob(text);
    expect(job.result.ok).toBe(false);
    if (job.result.ok) return;
    const [e] = job.result.errors;
    expect(e!.code).toBe("E_PROGRESS_MEASURE_UNKNOWN");
    const line = text.split("\n").findIndex((l) => l.includes("measure: การใช้จ่ายงบประมาณประจำปี")) + 1;
    expect(e!.pos).toMatchObject({ file: expect.stringContaining("2565.yaml"), line, col: 16 });
    const th = formatDiagnostic(e!, "th");
    expect(th).toContain(`2565.yaml:${line}:16`);
    expect(th).toContain("ไม่ใช่มาตรการในแผนของปีนี้");
    expect(th).toContain("2 ๒. การใช้จ่ายงบประมาณ");
    expect(formatDiagnostic(e!, "en")).toContain("is no measure of this year's plan");
  });

  test("a number beyond the plan, and a measure reported twice, are errors", () => {
    const beyond = progressJob(YEAR.replace('    - measure: "4"\n', '    - measure: "9"\n'));
    expect(beyond.result.ok ? [] : beyond.result.errors.map((e) => e.code)).toEqual(["E_PROGRESS_MEASURE_UNKNOWN"]);
    const twice = progressJob(YEAR.replace('    - measure: "4"\n', '    - measure: "๓"\n'));
    expect(twice.result.ok ? [] : twice.result.errors.map((e) => [e.code, e.params.first])).toEqual([["E_PROGRESS_MEASURE_TWICE", 3]]);
  });

  test("a measure without an entry is printed with dashes and warned about; a missing summary is drafted", () => {
    const text = YEAR.replace(/    - measure: "4"\n(?: {6}.*\n)+/, "").replace(/  summary: >-\n.*\n/, "");
    const job = progressJob(text);
    if (!job.result.ok) throw new Error(JSON.stringify(job.result.errors));
    const rows = (job.result.data as { rows: Row[] }).rows;
    expect(rows[3]!.status).toBeNull();
    expect(rows[3]!.done).toEqual([]);
    expect(job.result.warnings.map((w) => w.code)).toEqual(["W_PROGRESS_NOT_REPORTED", "W_DRAFTED"]);
    expect((job.result.data as { summary: string[] }).summary[0]).toContain("จำนวนทั้งสิ้น 4 มาตรการ");
  });

  test("a status outside the three is refused by the schema", () => {
    const org = loadExample(ORG, { "2565.yaml": YEAR.replace("      status: ดำเนินการแล้ว\n", "      status: เสร็จแล้ว\n") });
    expect(org.errors.map((e) => e.code)).toContain("E_ENUM");
  });

  test("a year without a plan of its own year cannot report progress", () => {
    const text = YEAR.replace(/\nmeasures:\n(?: .*\n|\n)*?(?=\S)/, "\n");
    const org = loadExample(ORG, { "2565.yaml": text });
    expect(org.errors).toEqual([]);
    const [job] = planDocuments(org.org!, { kinds: ["progress"] });
    expect(job!.result.ok ? [] : job!.result.errors.map((e) => e.code)).toEqual(["E_PROGRESS_NO_PLAN"]);
  });
});

describe("progress in next year's file (new-year)", () => {
  test("each measure's status and the report's date are emptied to be filled in again; the rest is kept", async () => {
    const { nextYearText } = await import("../../src/input/next-year.js");
    const r = nextYearText(YEAR, 2565, 2566);
    if (!r.ok) throw new Error("new-year failed");
    const emptied = r.changes.filter((c) => c.kind === "emptied" && c.field.startsWith("progress.")).map((c) => c.field);
    expect(emptied).toEqual(["progress.items[1].status", "progress.items[2].status", "progress.items[3].status", "progress.items[4].status"]);
    expect(r.text).toContain("measure: การใช้จ่ายงบประมาณ");
    expect(r.text).not.toMatch(/^ +status: (ดำเนินการแล้ว|อยู่ระหว่างดำเนินการ)/m);
  });
});
