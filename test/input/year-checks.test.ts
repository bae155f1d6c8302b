/**
 * A year file copied from last year's with only fiscal_year changed used to
 * validate clean. Now validate warns about each thing left behind, with its
 * line:col; and a plan's output is named after the plan's own year.
 */
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diag/format.js";
import type { Diagnostic } from "../../src/diag/diagnostic.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import { loadInput } from "../../src/pipeline/index.js";
import { exampleText, loadExample, source } from "../helpers/load-example.js";
import { lineOf } from "../hostile/helpers.js";

const KK_ORG = exampleText("khon-kaen-city", "org.yaml");
const KK = Object.fromEntries(["2561", "2562", "2563"].map((y) => [`${y}.yaml`, exampleText("khon-kaen-city", `${y}.yaml`)]));
const NR_ORG = exampleText("nakhon-ratchasima-city", "org.yaml");
const NR_2564 = exampleText("nakhon-ratchasima-city", "2564.yaml");
const NR_2565 = exampleText("nakhon-ratchasima-city", "2565.yaml");

function load(files: Record<string, string>, org = KK_ORG) {
  return loadInput("o", source("o/org.yaml", org), Object.entries(files).map(([n, t]) => source(`o/${n}`, t)));
}
const NEW_CODES = ["W_SCORES_UNCHANGED", "W_DATE_OUTSIDE_YEAR", "W_YEAR_IN_TEXT", "W_PLAN_YEAR"];
const fresh = (ds: readonly Diagnostic[]) => ds.filter((d) => NEW_CODES.includes(d.code));

describe("2563.yaml copied to 2564.yaml, only fiscal_year changed", () => {
  const copy = KK["2563.yaml"]!.replace("fiscal_year: 2563", "fiscal_year: 2564").replace("years: [2561, 2562, 2563]", "years: [2562, 2563, 2564]");
  const r = load({ ...KK, "2564.yaml": copy });
  const got = fresh(r.warnings);

  test("four warnings, each at its line:col: same scores, announcement and memo dated in fiscal 2563, subject says ๒๕๖๓", () => {
    expect(r.errors).toEqual([]);
    expect(got.map((d) => [d.code, d.pos?.file, d.pos?.line, d.pos?.col])).toEqual([
      ["W_SCORES_UNCHANGED", "o/2564.yaml", lineOf(copy, "  scores:"), 3],
      ["W_DATE_OUTSIDE_YEAR", "o/2564.yaml", lineOf(copy, "announced:"), 14],
      ["W_DATE_OUTSIDE_YEAR", "o/2564.yaml", lineOf(copy, "  date: 2563-09-29"), 9],
      ["W_YEAR_IN_TEXT", "o/2564.yaml", lineOf(copy, "  subject:"), 12],
    ]);
  });

  test("the Thai messages", () => {
    expect(got.map((d) => formatDiagnostic(d, "th").split("\n")[0]!.replace(/^[^ ]+ /, ""))).toEqual([
      "คำเตือน [W_SCORES_UNCHANGED] คะแนนทั้ง 10 ตัวชี้วัดของปี 2564 เท่ากับของปี 2563 ทุกตัว (o/2563.yaml)",
      "คำเตือน [W_DATE_OUTSIDE_YEAR] วันที่ assessment.announced (2563-09-28) อยู่นอกช่วงของเอกสารปีงบประมาณ 2564 (2563-10-01 ถึง 2564-12-31)",
      "คำเตือน [W_DATE_OUTSIDE_YEAR] วันที่ memo.date (2563-09-29) อยู่นอกช่วงของเอกสารปีงบประมาณ 2564 (2563-10-01 ถึง 2565-09-30)",
      'คำเตือน [W_YEAR_IN_TEXT] memo.subject เขียนว่า "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓" แต่เอกสารนี้เป็นของปีงบประมาณ 2564',
    ]);
    expect(formatDiagnostic(got[3]!, "th")).toContain("วิธีแก้: ถ้าคัดลอกมาจากปีก่อน แก้ ๒๕๖๓ เป็น ๒๕๖๔");
  });

  test("and in English", () => {
    expect(got.map((d) => formatDiagnostic(d, "en").split("\n")[0]!.replace(/^[^ ]+ /, ""))).toEqual([
      "warning [W_SCORES_UNCHANGED] all 10 indicator scores of 2564 equal those of 2563 (o/2563.yaml)",
      "warning [W_DATE_OUTSIDE_YEAR] date assessment.announced (2563-09-28) lies outside the window of a fiscal 2564 document (2563-10-01 to 2564-12-31)",
      "warning [W_DATE_OUTSIDE_YEAR] date memo.date (2563-09-29) lies outside the window of a fiscal 2564 document (2563-10-01 to 2565-09-30)",
      'warning [W_YEAR_IN_TEXT] memo.subject says "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓" but this document is for fiscal year 2564',
    ]);
  });

  test("the shipped examples give none of these warnings", () => {
    expect(fresh(loadExample("khon-kaen-city").warnings)).toEqual([]);
    expect(fresh(loadExample("nakhon-ratchasima-city").warnings)).toEqual([]);
  });
});

describe("dates against the fiscal year and the announcement", () => {
  const base = KK["2563.yaml"]!;
  const dateWarnings = (t: string) => fresh(load({ "2563.yaml": t }).warnings).filter((d) => d.code === "W_DATE_OUTSIDE_YEAR");

  test("a memo written after the results, in the next fiscal year, is normal", () => {
    expect(dateWarnings(base.replace("date: 2563-09-29", "date: 2564-01-15"))).toEqual([]);
  });
  test("a memo dated a year after that is not", () => {
    expect(dateWarnings(base.replace("date: 2563-09-29", "date: 2564-10-01")).map((d) => d.params.field)).toEqual(["memo.date"]);
  });
  test("a memo dated before the results were announced", () => {
    const w = dateWarnings(base.replace("date: 2563-09-29", "date: ๑ กันยายน ๒๕๖๓"));
    expect(w.map((d) => [d.params.reason, d.params.announced])).toEqual([["announced", "2563-09-28"]]);
  });
  test("an approval dated in an earlier fiscal year", () => {
    const t = base.replace("        position: หัวหน้าฝ่ายแผนงานและประเมินผล\n", "        position: หัวหน้าฝ่ายแผนงานและประเมินผล\n      date: 2562-09-30\n");
    expect(dateWarnings(t).map((d) => [d.params.field, d.pos?.line])).toEqual([["memo.approvals[1].date", lineOf(t, "date: 2562-09-30")]]);
  });
});

describe("years in titles", () => {
  test("body text may cite other years; only phrases naming the document's own year in titles are checked", () => {
    // The opening cites the assessment of ๒๕๖๓; a body paragraph naming ๒๕๖๒ is no mistake.
    const t = KK["2563.yaml"]!.replace("closing: จึงเรียนมาเพื่อโปรดทราบและพิจารณา", "closing: เทียบกับผลประจำปีงบประมาณ พ.ศ. ๒๕๖๒ ที่ผ่านมา จึงเรียนมาเพื่อโปรดทราบ");
    expect(fresh(load({ ...KK, "2563.yaml": t }).warnings)).toEqual([]);
  });
  test("a measures plan title naming the wrong year", () => {
    const t = NR_2565.replace("plan_title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสของเทศบาลนครนครราชสีมา ประจำปีงบประมาณ พ.ศ. ๒๕๖๕", "plan_title: มาตรการส่งเสริมคุณธรรมและความโปร่งใสของเทศบาลนครนครราชสีมา ประจำปีงบประมาณ พ.ศ. ๒๕๖๔");
    const w = fresh(load({ "2564.yaml": NR_2564, "2565.yaml": t }, NR_ORG).warnings);
    expect(w.map((d) => [d.code, d.params.field, d.params.found, d.pos?.line])).toEqual([["W_YEAR_IN_TEXT", "measures.plan_title", "๒๕๖๔", lineOf(t, "plan_title:")]]);
  });
});

describe("the output name of a measures plan", () => {
  // 2564.yaml holds the 2564 results and, made right after them, the plan for 2565.
  const nextPlan = NR_2564 + "\n" + NR_2565.slice(NR_2565.indexOf("measures:"));

  test("a 2565 plan written in 2564.yaml is 2565-measures (it used to come out as 2564-measures)", () => {
    const r = load({ "2564.yaml": nextPlan }, NR_ORG);
    expect(r.errors).toEqual([]);
    expect(fresh(r.warnings)).toEqual([]);
    const jobs = planDocuments(r.org!, { kinds: ["measures"] });
    expect(jobs.map((j) => [j.file, j.baseName, j.result.ok])).toEqual([["o/2564.yaml", "2565-measures", true]]);
  });

  test("the same plan year in two files: the second is refused, naming the first, at its measures.fiscal_year", () => {
    const r = load({ "2564.yaml": nextPlan, "2565.yaml": NR_2565 }, NR_ORG);
    const jobs = planDocuments(r.org!, { kinds: ["measures"] });
    expect(jobs.map((j) => [j.file, j.baseName, j.result.ok])).toEqual([
      ["o/2564.yaml", "2565-measures", true],
      ["o/2565.yaml", "2565-measures", false],
    ]);
    const e = jobs[1]!.result.ok ? undefined : jobs[1]!.result.errors[0];
    expect([e?.code, e?.pos?.line, e?.params.other]).toEqual(["E_OUTPUT_CLASH", lineOf(NR_2565, "  fiscal_year: 2565"), "o/2564.yaml"]);
    expect(formatDiagnostic(e!, "th")).toContain("เอกสาร 2565-measures จะถูกสร้างจากสองไฟล์ (ไฟล์นี้และ o/2564.yaml)");
  });

  test("a plan year that is neither the file's nor the next is a warning naming the output", () => {
    const copied = NR_2565.replace("fiscal_year: 2565\n", "fiscal_year: 2566\n");
    const r = load({ "2564.yaml": NR_2564, "2566.yaml": copied }, NR_ORG);
    const w = fresh(r.warnings);
    expect(w.map((d) => [d.code, d.params.planYear, d.params.name, d.pos?.line])).toEqual([["W_PLAN_YEAR", 2565, "2565-measures", lineOf(copied, "  fiscal_year: 2565")]]);
    expect(formatDiagnostic(w[0]!, "en")).toContain("warning [W_PLAN_YEAR] measures.fiscal_year (2565) is neither the file's year (2566) nor the next; the document will be named 2565-measures");
  });
});
