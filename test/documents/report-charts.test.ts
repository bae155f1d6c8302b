/**
 * The report's charts come from the data: the overall score against the pass
 * mark, the score of every assessed year file in the folder up to the year
 * analysed, per tool and per indicator. Checked on the model, on the PDF's
 * bars and text, and on the DOCX chart parts' values.
 */
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportDocx } from "../../src/export/docx/index.js";
import { exportPdf } from "../../src/export/pdf/index.js";
import type { Chart, DocModel } from "../../src/model/document.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { options as pdfOptions } from "../export/pdf/helpers.js";
import { memoOptions, part } from "../export/docx/helpers.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { pdfPages } from "../helpers/pdf-text.js";
import { syntheticOrg } from "../helpers/synthetic-org.js";

const YEARS = [
  { year: 2563, iit: 80, eit: 70, oit: 60 },
  { year: 2564, iit: 90, eit: 88, oit: 95, documents: true },
  // After the year analysed: not in that year's report.
  { year: 2565, iit: 99, eit: 99, oit: 99 },
];

let templates: TemplateSet;
let model: DocModel;
let totals: Map<number, number>;
let charts: Chart[];
let dir: string;

beforeAll(async () => {
  templates = await builtinTemplates();
  const loaded = syntheticOrg(YEARS);
  totals = new Map([...(loaded.org?.years ?? new Map()).values()].map((e) => [e.data.fiscal_year, e.result?.total ?? NaN]));
  model = loadedModel(templates, loaded, 2564, "report");
  charts = model.sections.flatMap((s) => s.blocks).filter((b): b is Chart => b.type === "chart");
  dir = mkdtempSync(join(tmpdir(), "itadoc-report-charts-"));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const values = (c: Chart | undefined): number[] => c?.series[0]?.values.map((v) => v.value) ?? [];

describe("the report's charts", () => {
  test("four charts after the score table: overall, over the years, per tool, per indicator, all with the pass line at 85", () => {
    expect(charts.map((c) => c.title)).toEqual([
      "คะแนนรวม ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๔",
      "คะแนนรวมผลการประเมิน ITA ย้อนหลัง",
      "คะแนนรายเครื่องมือการประเมิน ปี ๒๕๖๔",
      "คะแนนรายตัวชี้วัด ปี ๒๕๖๔",
    ]);
    for (const c of charts) expect(c.passLine).toEqual({ value: 85, label: "เกณฑ์ ๘๕" });
    const blocks = model.sections.flatMap((s) => s.blocks);
    const table = blocks.findIndex((b) => b.type === "table");
    expect(blocks.findIndex((b) => b.type === "chart")).toBe(table + 1);
  });

  test("the overall chart is the year's total; the years chart every year file up to the one analysed, oldest first", () => {
    const [overall, years] = charts;
    expect(values(overall)).toEqual([totals.get(2564)]);
    expect(years?.categories).toEqual(["๒๕๖๓", "๒๕๖๔"]);
    expect(values(years)).toEqual([totals.get(2563), totals.get(2564)]);
  });

  test("the tool and indicator charts carry every tool's and indicator's score", () => {
    const [, , tools, indicators] = charts;
    expect(tools?.categories).toEqual(["IIT", "EIT", "OIT"]);
    expect(values(tools)).toEqual([90, 88, 95]);
    expect(indicators?.categories).toEqual(["I1", "I2", "I3", "I4", "I5", "E6", "E7", "E8", "O9", "O10"]);
    expect(values(indicators)).toEqual([90, 90, 90, 90, 90, 88, 88, 88, 95, 95]);
    expect(indicators?.series[0]?.values[9]?.text).toBe("๙๕.๐๐");
  });

  test("a folder with one assessed year has no years chart", () => {
    const one = loadedModel(templates, syntheticOrg([YEARS[1]!]), 2564, "report");
    const titles = one.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === "chart" ? [b.title] : []));
    expect(titles).toHaveLength(3);
    expect(titles).not.toContain("คะแนนรวมผลการประเมิน ITA ย้อนหลัง");
  });

  test("the PDF prints every chart's title and labels as text", async () => {
    const path = join(dir, "report.pdf");
    writeFileSync(path, await exportPdf(model, pdfOptions));
    const text = pdfPages(path).join("").replace(/\s+/g, "");
    for (const c of charts) expect(text).toContain(c.title.replace(/\s+/g, ""));
    expect(text).toContain("๒๕๖๓");
    expect(text).toContain("เกณฑ์๘๕");
    expect(text).toContain("O10");
  });

  test("the DOCX holds each chart as a chart part with the same values", async () => {
    const docx = await exportDocx(model, memoOptions);
    charts.forEach((c, i) => {
      const xml = part(docx, `word/charts/chart${i + 1}.xml`);
      const bar = /<c:barChart>.*?<c:val>(.*?)<\/c:val>/s.exec(xml)?.[1] ?? "";
      expect([...bar.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(values(c));
    });
  });
});
