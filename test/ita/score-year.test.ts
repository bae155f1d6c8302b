import { describe, expect, test } from "vitest";
import { frameworkFor } from "../../src/ita/frameworks/index.js";
import { gradeOf, labelOf } from "../../src/ita/grade.js";
import { scoreYear } from "../../src/ita/score-year.js";
import { loadExample } from "../helpers/load-example.js";

const fw2564 = frameworkFor(2564)!;

describe("scores published in the seeds", () => {
  const kk = loadExample("khon-kaen-city");
  const nr = loadExample("nakhon-ratchasima-city");

  test.each([
    [2561, 82.75, 76.58, 97.5, 86.8, "A"],
    [2562, 83.71, 72.91, 78.96, 78.57, "B"],
    [2563, 88.95, 85.02, 57.78, 75.3, "B"],
    [2564, 92.0, 92.22, 100, 95.26, "AA"],
  ])("Khon Kaen %i: computed tools, total and grade", (year, iit, eit, oit, total, grade) => {
    const r = kk.org!.years.get(year)!.result!;
    const computed = r.tools.map((t) => Number(t.computed.toFixed(2)));
    expect(computed).toEqual([iit, eit, oit]);
    expect(Number(r.totalComputed.toFixed(2))).toBe(total);
    expect(r.gradeComputed).toBe(grade);
    expect(r.grade).toBe(grade);
  });

  test("Nakhon Ratchasima 2564 gives the published 92.9, grade A", () => {
    const r = nr.org!.years.get(2564)!.result!;
    expect(Number(r.totalComputed.toFixed(2))).toBe(92.9);
    expect(r.grade).toBe("A");
  });

  test("the published EIT 92.21 of 2564 wins over the mean 92.22, with a warning naming both", () => {
    const r = kk.org!.years.get(2564)!.result!;
    expect(r.tools[1]!.score).toBe(92.21);
    const w = r.warnings.filter((d) => d.code === "W_OFFICIAL_DIFFERS");
    expect(w).toHaveLength(1);
    expect(w[0]!.params).toMatchObject({ field: "EIT", official: "92.21", computed: "92.22" });
    expect(w[0]!.pos?.line).toBeGreaterThan(0);
  });

  test("years whose official figures match their means give no difference warning", () => {
    for (const y of [2561, 2562, 2563]) expect(kk.org!.years.get(y)!.result!.warnings).toEqual([]);
  });
});

describe("grade boundaries", () => {
  test.each([
    [84.99, "B"],
    [85.0, "A"],
    [94.99, "A"],
    [95.0, "AA"],
    [74.99, "C"],
    [75, "B"],
    [49.99, "F"],
    [50, "E"],
    [0, "F"],
    [100, "AA"],
  ])("%f → %s", (score, grade) => {
    expect(gradeOf(score, fw2564)).toBe(grade);
  });
});

describe("official total and grade", () => {
  const scores = { I1: 90, I2: 90, I3: 90, I4: 90, I5: 90, E6: 90, E7: 90, E8: 90, O9: 90, O10: 90 } as const;
  test("an official total 0.08 away is printed, with a warning naming both", () => {
    const r = scoreYear(2564, { scores, official: { total: 90.08 } }, fw2564);
    expect(r.total).toBe(90.08);
    expect(r.warnings.map((w) => [w.code, w.params.official, w.params.computed])).toEqual([["W_OFFICIAL_DIFFERS", "90.08", "90.00"]]);
  });
  test("an official grade that contradicts the total is kept and warned about", () => {
    const r = scoreYear(2564, { scores, official: { grade: "AA" } }, fw2564);
    expect(r.grade).toBe("AA");
    expect(r.gradeComputed).toBe("A");
    expect(r.warnings.map((w) => w.code)).toEqual(["W_GRADE_DIFFERS"]);
  });
  test("tools under 85 fail the pass mark", () => {
    const r = scoreYear(2564, { scores: { ...scores, O9: 60, O10: 50 } }, fw2564);
    expect(r.tools.map((t) => t.passed)).toEqual([true, true, false]);
  });
});

describe("result labels (from 2566; the 70 boundary provisional)", () => {
  const fw = frameworkFor(2567)!;
  test.each([
    [96, [96, 95, 97], "ผ่านดีเยี่ยม"],
    [96, [96, 90, 99], "ผ่านดี"],
    [86, [80, 90, 88], "ผ่าน"],
    [84.99, [90, 90, 80], "ต้องปรับปรุง"],
    [69.99, [60, 70, 80], "ต้องปรับปรุงโดยด่วน"],
  ])("total %f, tools %j → %s", (total, tools, label) => {
    expect(labelOf(total, tools, fw)).toBe(label);
  });
  test("years before 2566 have no label (they publish grades)", () => {
    expect(labelOf(96, [96, 96, 96], fw2564)).toBeUndefined();
    expect(labelOf(96, [96, 96, 96], frameworkFor(2565)!)).toBeUndefined();
  });
});
