/**
 * A table of the clerk's own with a header of more than one row: a column's
 * heading may be a list of texts from the top header row down. The generality
 * trial's ban-pao plan (docs/generality.md) prints each year above
 * "งบประมาณ (บาท)"; with one header row the two went into one cell.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diag/format.js";
import { headerRows } from "../../src/documents/layout/header-rows.js";
import type { Table } from "../../src/model/document.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { loadExample, loadFolder, ROOT } from "../helpers/load-example.js";
import { editedYaml } from "../helpers/yaml-edit.js";

const BAN_PAO = join(ROOT, "docs", "generality", "ban-pao");
const YEARS = ["๒๕๖๑", "๒๕๖๒", "๒๕๖๓", "๒๕๖๔"];

describe("headerRows", () => {
  test("one text per column: one header row, no spans (the tables as before)", () => {
    expect(headerRows(["ก", "ข"])).toEqual([[{ text: "ก", colspan: 1, rowspan: 1 }, { text: "ข", colspan: 1, rowspan: 1 }]]);
  });

  test("a year above its budget: the other columns span both rows; the budget cells stay one per year", () => {
    const rows = headerRows(["ภารกิจตามมิติ", ...YEARS.slice(0, 2).map((y) => [`ปี ${y}`, "งบประมาณ (บาท)"]), "หมายเหตุ"]);
    expect(rows).toEqual([
      [
        { text: "ภารกิจตามมิติ", colspan: 1, rowspan: 2 },
        { text: "ปี ๒๕๖๑", colspan: 1, rowspan: 1 },
        { text: "ปี ๒๕๖๒", colspan: 1, rowspan: 1 },
        { text: "หมายเหตุ", colspan: 1, rowspan: 2 },
      ],
      [
        { text: "งบประมาณ (บาท)", colspan: 1, rowspan: 1 },
        { text: "งบประมาณ (บาท)", colspan: 1, rowspan: 1 },
      ],
    ]);
  });

  test("a group heading over neighbouring columns is one cell across; a deeper column makes the shallower ones span down", () => {
    const rows = headerRows(["ที่", ["งบประมาณ (บาท)", "2566"], ["งบประมาณ (บาท)", "2567"], ["ระยะเวลา", "ไตรมาส", "1"]]);
    expect(rows).toEqual([
      [
        { text: "ที่", colspan: 1, rowspan: 3 },
        { text: "งบประมาณ (บาท)", colspan: 2, rowspan: 1 },
        { text: "ระยะเวลา", colspan: 1, rowspan: 1 },
      ],
      [
        { text: "2566", colspan: 1, rowspan: 2 },
        { text: "2567", colspan: 1, rowspan: 2 },
        { text: "ไตรมาส", colspan: 1, rowspan: 1 },
      ],
      [{ text: "1", colspan: 1, rowspan: 1 }],
    ]);
  });
});

describe("in a document", () => {
  let set: TemplateSet;
  beforeAll(async () => {
    set = await builtinTemplates();
  });

  /** ban-pao's plan with each year's heading [ปี …, งบประมาณ (บาท)]. */
  function twoRowPlan() {
    const set = Object.fromEntries(YEARS.map((y, i) => [`measures.sections.4.columns.${2 + i}.heading`, [`ปี ${y}`, "งบประมาณ (บาท)"]]));
    return loadFolder(BAN_PAO, { "2561.yaml": editedYaml(join(BAN_PAO, "2561.yaml"), { set }) });
  }

  const cellText = (t: Table, r: number) => t.rows[r]!.cells.map((c) => c.blocks.map((b) => (b.type === "paragraph" ? b.runs.map((x) => x.text).join("") : "")).join(""));

  test("the table has two header rows, spans where the source has them, and its body as before", () => {
    const m = loadedModel(set, twoRowPlan(), 2561, "measures");
    const table = m.sections.flatMap((s) => s.blocks).find((b): b is Table => b.type === "table")!;
    expect(table.headerRows).toBe(2);
    expect(cellText(table, 0)).toEqual(["ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", ...YEARS.map((y) => `ปี ${y}`), "หมายเหตุ"]);
    expect(table.rows[0]!.cells.map((c) => c.rowSpan ?? 1)).toEqual([2, 2, 1, 1, 1, 1, 2]);
    expect(cellText(table, 1)).toEqual(YEARS.map(() => "งบประมาณ (บาท)"));
    expect(cellText(table, 2)[1]).toBe("๑) โครงการความรู้คู่คุณธรรม๒) โครงการส่งเสริมคุณธรรมและจริยธรรมใน");
  });

  test("a built-in table refuses a list heading at its line, naming the part that takes one", () => {
    const sections = ["title", { type: "scores", columns: [{ key: "score", heading: ["คะแนน", "ปี 2564"] }] }];
    const loaded = loadExample("nakhon-ratchasima-city", { "2564.yaml": editedYaml(join(ROOT, "examples", "nakhon-ratchasima-city", "2564.yaml"), { set: { "report.sections": sections } }) });
    const messages = loaded.errors.map((d) => formatDiagnostic(d, "en"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/2564\.yaml:\d+:\d+: .*E_SECTION_SETTING.*"scores" does not use heading: \[ … \].*table/s);
  });
});
