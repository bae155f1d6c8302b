import { describe, expect, test } from "vitest";
import { planDocuments } from "../../src/documents/plan-documents.js";
import { draftReportAnalysis } from "../../src/ita/draft-analysis.js";
import { frameworkFor } from "../../src/ita/frameworks/index.js";
import { scoreYear } from "../../src/ita/score-year.js";
import { exampleText, loadExample } from "../helpers/load-example.js";

const YEAR = exampleText("khon-kaen-city", "2563.yaml");

/** The 2563 file with the analysis and recommendation of O2 removed and a memo without analysis texts. */
function withoutTexts(): string {
  return YEAR.replace(/(- id: O2\n(?:.*\n)*?)\s+analysis: >-\n.*\n\s+recommendation: >-\n.*\n/, "$1\n").replace(/\n  analysis:\n(?: {4}.*\n| *\n)*/, "\n");
}

describe("drafted analysis", () => {
  test("a weak item without text gets a sentence from its numbers, and a warning", () => {
    const org = loadExample("khon-kaen-city", { "2563.yaml": withoutTexts() });
    expect(org.errors).toEqual([]);
    const [memo] = planDocuments(org.org!, { kinds: ["memo"], years: new Set([2563]) });
    expect(memo!.result.ok).toBe(true);
    if (!memo!.result.ok) return;
    const data = memo!.result.data as { weak: { rows: { id: string; analysis: string[]; recommendation: string[] }[] } };
    const o2 = data.weak.rows.find((r) => r.id === "O2")!;
    expect(o2.analysis).toEqual(["ข้อ O2 ข้อมูลผู้บริหาร คะแนนลดลงจาก 100 คะแนน ในปี 2562 เป็น 0 คะแนน ในปี 2563"]);
    expect(o2.recommendation[0]).toContain("O2 ข้อมูลผู้บริหาร");
    const drafted = memo!.result.warnings.filter((w) => w.code === "W_DRAFTED");
    expect(drafted.map((w) => w.params.what)).toEqual(expect.arrayContaining(["O2 การวิเคราะห์", "O2 ข้อเสนอแนะ", "memo.analysis.passed", "memo.analysis.below"]));
    expect(drafted.every((w) => w.pos && w.pos.line > 0)).toBe(true);
  });

  test("tools below 85 are drafted with their drop from last year", () => {
    const org = loadExample("khon-kaen-city", { "2563.yaml": withoutTexts() });
    const [memo] = planDocuments(org.org!, { kinds: ["memo"], years: new Set([2563]) });
    if (!memo!.result.ok) throw new Error("memo data failed");
    const below = (memo!.result.data as { analysis: { below: { paragraphs: string[] } } }).analysis.below.paragraphs[0];
    expect(below).toBe("แบบวัด OIT มีคะแนนต่ำกว่าเกณฑ์เป้าหมาย (85 คะแนน) ได้แก่ OIT 57.78 คะแนน (ลดลงจาก 78.96 คะแนน ในปี 2562) ควรเร่งปรับปรุงการดำเนินงานในปีถัดไป");
  });

  test("the example's own texts are used as typed: no drafted memo passage", () => {
    const org = loadExample("khon-kaen-city");
    const [memo] = planDocuments(org.org!, { kinds: ["memo"], years: new Set([2563]) });
    expect(memo!.result.ok && memo!.result.warnings.filter((w) => w.code === "W_DRAFTED")).toEqual([]);
  });

  test("a memo comparing a year without results is an error at memo.years", () => {
    const text = YEAR.replace(/years: \[2561, 2562, 2563\]/, "years: [2560, 2562, 2563]");
    expect(text).not.toBe(YEAR);
    const org = loadExample("khon-kaen-city", { "2563.yaml": text });
    const [memo] = planDocuments(org.org!, { kinds: ["memo"], years: new Set([2563]) });
    expect(memo!.result.ok).toBe(false);
    if (memo!.result.ok) return;
    expect(memo!.result.errors.map((e) => [e.code, e.params.year])).toEqual([["E_MEMO_YEAR_MISSING", 2560]]);
  });
});

describe("drafted report analysis", () => {
  const fw = frameworkFor(2564)!;
  const scores = { I1: 90, I2: 90, I3: 90, I4: 90, I5: 90, E6: 90, E7: 90, E8: 90, O9: 80, O10: 70 } as const;
  test("an unchanged total says so, a higher one says it rose, with two decimals", () => {
    const prev = scoreYear(2563, { scores }, frameworkFor(2563)!);
    const same = scoreYear(2564, { scores }, fw);
    expect(draftReportAnalysis("เทศบาลตำบลทดสอบ", same, prev)[0]).toContain("อยู่ในระดับ A เท่ากับ 84.00 คะแนน ในปี 2563".replace("A", same.grade));
    const better = scoreYear(2564, { scores: { ...scores, O10: 100 } }, fw);
    expect(draftReportAnalysis("เทศบาลตำบลทดสอบ", better, prev)[0]).toContain(`ได้ ${better.total.toFixed(2)} คะแนน อยู่ในระดับ ${better.grade} เพิ่มขึ้นจาก 84.00 คะแนน ในปี 2563`);
  });
});
