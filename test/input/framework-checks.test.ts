/** Input checked against the year's framework: OIT ids and names against its catalogue, indicators by any printed name. */
import { describe, expect, test } from "vitest";
import { planDocuments } from "../../src/documents/plan-documents.js";
import { loadInput } from "../../src/pipeline/index.js";
import { exampleText, source } from "../helpers/load-example.js";
import { syntheticOrg, yearYaml, type SyntheticYear } from "../helpers/synthetic-org.js";

const loadWith = (year: number, text: string) =>
  loadInput("in/org", source("in/org/org.yaml", exampleText("khon-kaen-city", "org.yaml")), [source(`in/org/${year}.yaml`, text)]);

const item = (id: string, score: number, extra: string[] = []) => [`    - id: ${id}`, `      score: ${score}`, "      previous: 100", ...extra];
const withItems = (year: number, items: string[][], memo = false): SyntheticYear => ({
  year,
  iit: 90,
  eit: 90,
  oit: 80,
  assessmentExtra: ["  oit_items:", ...items.flat()],
  ...(memo ? { memoYears: [year] } : {}),
});
const lineOf = (y: SyntheticYear, needle: string) => yearYaml(y).split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("OIT item ids against the year's catalogue", () => {
  test("2566 (catalogue known): an unknown id is an error at its line and column", () => {
    const y = withItems(2566, [item("O5", 0), item("O44", 0)]);
    const r = syntheticOrg([y]);
    const e = r.errors.filter((d) => d.code === "E_OIT_ITEM_UNKNOWN");
    expect(e.map((d) => [d.params.id, d.params.year, d.params.range, d.pos?.file, d.pos?.line, d.pos?.col])).toEqual([["O44", 2566, "O1–O43", "in/org/2566.yaml", lineOf(y, "id: O44"), 11]]);
    // The file is refused: no documents are made from it.
    expect(r.org!.years.has(2566)).toBe(false);
  });

  test("2563 (catalogue known): O44 and O99 are refused too", () => {
    const r = syntheticOrg([withItems(2563, [item("O44", 0), item("O99", 0)])]);
    expect(r.errors.filter((d) => d.code === "E_OIT_ITEM_UNKNOWN").map((d) => d.params.id)).toEqual(["O44", "O99"]);
  });

  test("2567 (catalogue provisional, taken from 2566): unknown ids are one warning that lists them", () => {
    const y = withItems(2567, [item("O5", 0), item("O44", 0), item("O50", 0, ["      name: ข้อที่หน่วยงานเพิ่ม"])]);
    const r = syntheticOrg([y]);
    expect(r.errors).toEqual([]);
    const w = r.warnings.filter((d) => d.code === "W_OIT_ITEM_UNCHECKED");
    expect(w.map((d) => [d.params.ids, d.params.range, d.pos?.line])).toEqual([["O44, O50", "O1–O43", lineOf(y, "id: O44")]]);
    // O44 has neither a catalogue name nor a typed one; O50 was named.
    expect(r.warnings.filter((d) => d.code === "W_OIT_NAMES_MISSING").map((d) => d.params.ids)).toEqual(["O44"]);
  });

  test("2569 (no catalogue): one warning lists every item still to name, and the documents print each code once", () => {
    const y = withItems(2569, [item("O5", 0), item("O7", 50), item("O9", 0, ["      name: ข้อที่ตั้งชื่อแล้ว"])], true);
    const r = syntheticOrg([y]);
    expect(r.errors).toEqual([]);
    const w = r.warnings.filter((d) => d.code === "W_OIT_NAMES_MISSING");
    expect(w.map((d) => [d.params.ids, d.params.year, d.pos?.line])).toEqual([["O5, O7", 2569, lineOf(y, "id: O5")]]);
    expect(r.warnings.filter((d) => d.code === "W_OIT_ITEM_UNCHECKED")).toEqual([]);
    const [memo] = planDocuments(r.org!, { kinds: ["memo"], years: new Set([2569]) });
    if (!memo?.result.ok) throw new Error("memo data failed");
    const rows = (memo.result.data as { weak: { rows: { id: string; name: string | null; analysis: string[]; recommendation: string[] }[] } }).weak.rows;
    expect(rows.map((x) => [x.id, x.name])).toEqual([["O5", null], ["O7", null], ["O9", "ข้อที่ตั้งชื่อแล้ว"]]);
    // The drafted sentences name the item once: "ข้อ O5 ได้ …", never "ข้อ O5 O5".
    expect(rows[0]!.analysis[0]).toBe("ข้อ O5 คะแนนลดลงจาก 100 คะแนน ในปี 2568 เป็น 0 คะแนน ในปี 2569");
    for (const x of rows) expect(`${x.analysis.join(" ")} ${x.recommendation.join(" ")}`).not.toMatch(new RegExp(`${x.id}\\s+${x.id}`));
  });

  test("2566: a known id takes its catalogue name and sub-indicator when none is typed", () => {
    const r = syntheticOrg([withItems(2566, [item("O10", 0), item("O34", 50)], true)]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.filter((d) => d.code.startsWith("W_OIT"))).toEqual([]);
    const [memo] = planDocuments(r.org!, { kinds: ["memo"], years: new Set([2566]) });
    if (!memo?.result.ok) throw new Error("memo data failed");
    const rows = (memo.result.data as { weak: { rows: { id: string; name: string; subIndicator: string | null }[] } }).weak.rows;
    expect(rows.map((x) => [x.id, x.name, x.subIndicator])).toEqual([
      ["O10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "9.1 ข้อมูลพื้นฐาน"],
      ["O34", "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี", "10.1 การดำเนินการเพื่อป้องกันการทุจริต"],
    ]);
  });
});

describe("report activities name their indicator as organisations print it", () => {
  const withActivity = (indicator: string) => yearYaml({ year: 2566, iit: 90, eit: 90, oit: 90, documents: true }).replace("indicator: I1,", `indicator: ${indicator},`);
  test.each([
    ["การใช้ทรัพย์สินของทางราชการ", "I4"],
    ["ตัวชี้วัดที่ ๑๐", "O10"],
    ["E8", "E8"],
  ])("%s is %s", (typed, id) => {
    const text = withActivity(typed);
    expect(text).toContain(`indicator: ${typed},`);
    const r = loadWith(2566, text);
    expect(r.errors).toEqual([]);
    expect(r.org!.years.get(2566)!.data.report!.activities![0]!.indicator).toBe(id);
  });
  test("a name that is no indicator is refused with its line and the ids to use", () => {
    const text = withActivity("การบริหารงาน");
    const r = loadWith(2566, text);
    const e = r.errors.find((d) => d.code === "E_ENUM")!;
    expect(e.params.value).toBe("การบริหารงาน");
    expect(e.pos?.line).toBe(text.split("\n").findIndex((l) => l.includes("การบริหารงาน")) + 1);
  });
});
