import { describe, expect, test } from "vitest";
import { FRAMEWORKS, frameworkFor } from "../../src/ita/frameworks/index.js";
import { labelOf } from "../../src/ita/grade.js";
import { indicatorIdOf } from "../../src/ita/frameworks/indicator-names.js";
import { scoreYear } from "../../src/ita/score-year.js";
import type { Assessment } from "../../src/input/schema/year.js";

/** Every indicator of a tool at the tool's score, so the tool means and the 30/30/40 total are exact. */
function uniform(iit: number, eit: number, oit: number): Assessment["scores"] {
  return { I1: iit, I2: iit, I3: iit, I4: iit, I5: iit, E6: eit, E7: eit, E8: eit, O9: oit, O10: oit };
}

describe("result scheme per year: grades up to 2565, labels from 2566", () => {
  test.each([2561, 2562, 2563, 2564, 2565])("%i publishes grades", (y) => {
    expect(frameworkFor(y)!.scheme).toBe("grade");
    expect(frameworkFor(y)!.labels).toEqual([]);
  });
  test.each([2566, 2567, 2568, 2569])("%i publishes result labels", (y) => {
    expect(frameworkFor(y)!.scheme).toBe("label");
    expect(frameworkFor(y)!.labels.map((l) => l.label)).toEqual(["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]);
  });
  test("a label year prints its label, never a grade letter", () => {
    const r = scoreYear(2566, { scores: uniform(94, 94.5, 98.15) }, frameworkFor(2566)!);
    expect(r.scheme).toBe("label");
    expect(r.rating).toBe("ผ่านดี");
  });
});

/**
 * Published cases (ita-reference.md). The tool scores are constructed to give
 * exactly the published total and to be consistent with the published label:
 * ผ่านดี needs every tool at 85 or more, ผ่านดีเยี่ยม every tool at 95.
 */
describe("published label cases", () => {
  test.each([
    ["ThaiPBS", 2566, [94.0, 94.5, 98.15], 95.81, "ผ่านดี"],
    ["Bangkok", 2566, [90.0, 80.0, 94.95], 88.98, "ผ่าน"],
    ["สสวท.", 2566, [92.0, 83.0, 85.7], 86.78, "ผ่าน"],
    ["สสวท.", 2567, [95.0, 84.5, 93.25], 91.15, "ผ่าน"],
    ["สตง.", 2567, [93.0, 90.1, 93.75], 92.43, "ผ่านดี"],
    ["สตง. (EIT under 85)", 2568, [99.0, 84.0, 99.35], 94.64, "ผ่าน"],
  ] as const)("%s %i: tools %j, total %f → %s", (_who, year, [iit, eit, oit], total, label) => {
    const r = scoreYear(year, { scores: uniform(iit, eit, oit) }, frameworkFor(year)!);
    expect(r.total).toBe(total);
    expect(r.tools.map((t) => t.score)).toEqual([iit, eit, oit]);
    expect(r.label).toBe(label);
    expect(r.rating).toBe(label);
    expect(r.warnings).toEqual([]);
  });

  test("ThaiPBS's 95.81 is not ผ่านดีเยี่ยม: not every tool reached 95", () => {
    expect(labelOf(95.81, [94.0, 94.5, 98.15], frameworkFor(2566)!)).toBe("ผ่านดี");
    expect(labelOf(95.81, [95.0, 95.0, 96.9], frameworkFor(2566)!)).toBe("ผ่านดีเยี่ยม");
  });

  test("สตง. 2568 would be ผ่านดี with its EIT at 85: the every-tool rule decides", () => {
    expect(labelOf(94.64, [99.0, 84.99, 99.35], frameworkFor(2568)!)).toBe("ผ่าน");
    expect(labelOf(94.64, [99.0, 85.0, 99.35], frameworkFor(2568)!)).toBe("ผ่านดี");
  });

  test("an official label is printed; a different computed one is a warning naming both", () => {
    const fw = frameworkFor(2567)!;
    const r = scoreYear(2567, { scores: uniform(93, 90.1, 93.75), official: { label: "ผ่าน" } }, fw);
    expect(r.label).toBe("ผ่าน");
    expect(r.labelComputed).toBe("ผ่านดี");
    expect(r.warnings.map((w) => [w.code, w.params.official, w.params.computed])).toEqual([["W_LABEL_DIFFERS", "ผ่าน", "ผ่านดี"]]);
  });

  test("a grade typed for a label year is not printed and is warned about", () => {
    const r = scoreYear(2568, { scores: uniform(99, 84, 99.35), official: { grade: "AA" } }, frameworkFor(2568)!);
    expect(r.rating).toBe("ผ่าน");
    expect(r.gradeOfficial).toBeUndefined();
    expect(r.warnings.map((w) => [w.code, w.params.scheme])).toEqual([["W_RESULT_SCHEME", "label"]]);
  });
});

describe("framework data", () => {
  test("the 2566 catalogue is O1–O43 renumbered, with the names the agencies publish", () => {
    const c = frameworkFor(2566)!.oitCatalogue;
    expect(c.map((i) => i.id)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    const name = (id: string) => c.find((i) => i.id === id)!.name;
    expect(name("O10")).toBe("นโยบายคุ้มครองข้อมูลส่วนบุคคล");
    expect(name("O11")).toBe("แผนดำเนินงานและการใช้งบประมาณประจำปี");
    expect(name("O12")).toBe("รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน");
    expect(["O31", "O32", "O33"].map(name).every((n) => n.includes("No Gift Policy"))).toBe(true);
    expect(["O34", "O35"].map(name).every((n) => n.includes("ความเสี่ยง"))).toBe(true);
    expect(["O36", "O37", "O38"].map(name).every((n) => n.includes("ป้องกันการทุจริต"))).toBe(true);
    expect(["O39", "O40", "O41"].map(name).every((n) => n.includes("จริยธรรม"))).toBe(true);
    expect(["O42", "O43"].map(name).every((n) => n.includes("มาตรการส่งเสริมคุณธรรมและความโปร่งใส"))).toBe(true);
    expect(c.filter((i) => i.indicator === "O10").map((i) => i.id)).toEqual(Array.from({ length: 13 }, (_, i) => `O${i + 31}`));
    expect(frameworkFor(2566)!.catalogueStatus).toBe("known");
  });

  test("the 2563 and 2566 catalogues differ where 2566 renumbered", () => {
    const n = (y: number, id: string) => frameworkFor(y)!.oitCatalogue.find((i) => i.id === id)!.name;
    expect(n(2563, "O10")).toBe("แผนดำเนินงานประจำปี");
    expect(n(2566, "O10")).toBe("นโยบายคุ้มครองข้อมูลส่วนบุคคล");
    expect(n(2563, "O17")).toBe("E-Service");
    expect(n(2566, "O18")).toBe("E-Service");
  });

  test("how far each year's OIT catalogue is known", () => {
    const status = Object.fromEntries([...FRAMEWORKS.values()].map((f) => [f.year, [f.catalogueStatus, f.oitCatalogue.length]]));
    expect(status).toEqual({
      2561: ["none", 0],
      2562: ["none", 0],
      2563: ["known", 43],
      2564: ["known", 43],
      2565: ["provisional", 43],
      2566: ["known", 43],
      2567: ["provisional", 43],
      2568: ["provisional", 26],
      2569: ["none", 0],
    });
  });

  test("no year claims a shortened catalogue any more; what is provisional is said per year", () => {
    for (const f of FRAMEWORKS.values()) for (const p of f.provisional) expect(`${p.th} ${p.en}`).not.toMatch(/shortened|ลดลง/);
    expect(frameworkFor(2563)!.provisional).toEqual([]);
    expect(frameworkFor(2564)!.provisional).toEqual([]);
    expect(frameworkFor(2569)!.provisional.length).toBeGreaterThan(0);
  });

  test("2568 renamed indicator 10 and accepts the old and the variant wording", () => {
    const o10 = (y: number) => frameworkFor(y)!.indicators.find((i) => i.id === "O10")!;
    expect(o10(2567).name).toBe("การป้องกันการทุจริต");
    expect(o10(2568).name).not.toBe("การป้องกันการทุจริต");
    expect(o10(2568).aliases).toEqual(expect.arrayContaining(["การป้องกันการทุจริต", "การส่งเสริมคุณธรรมและความโปร่งใส"]));
  });
});

describe("indicator names: the printed variants are the same indicator", () => {
  test.each([
    ["I4", "I4"],
    ["i4", "I4"],
    ["ตัวชี้วัดที่ ๔", "I4"],
    ["4", "I4"],
    ["การใช้ทรัพย์สินของราชการ", "I4"],
    ["การใช้ทรัพย์สินของทางราชการ", "I4"],
    ["การใช้ทรัพย์สิน ราชการ", "I4"],
    ["การปรับปรุงระบบการทำงาน", "E8"],
    ["การเปิดเผยข้อมูลสาธารณะ", "O9"],
    ["ตัวชี้วัดที่ 10", "O10"],
    ["การป้องกันการทุจริต", "O10"],
    ["การป้องกันการทุจริตในประเด็นสินบน", "O10"],
  ])("%s → %s", (typed, id) => {
    expect(indicatorIdOf(typed)).toBe(id);
  });
  test.each(["I11", "ตัวชี้วัดที่ 11", "การบริหารงาน", ""])("%j is no indicator", (typed) => {
    expect(indicatorIdOf(typed)).toBeUndefined();
  });
});
