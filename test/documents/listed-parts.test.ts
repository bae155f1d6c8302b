/**
 * What a document's listed parts decide (src/documents/listed-parts.ts): a
 * report or measures plan whose parts print nothing of an assessment is made
 * without one, and texts are drafted (W_DRAFTED) only for parts that print
 * them. Both came out of the generality trial (docs/generality.md): the three
 * real documents needed stand-in scores that none of their parts printed, and
 * the clerk was warned about drafts that appeared nowhere.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diag/diagnostic.js";
import { listedParts, needsAssessment } from "../../src/documents/listed-parts.js";
import { planJobs } from "../../src/pipeline/index.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { loadExample, loadFolder, ROOT } from "../helpers/load-example.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { editedYaml, type YamlEdit } from "../helpers/yaml-edit.js";

const GENERALITY = join(ROOT, "docs", "generality");

/** A generality folder with one year file's keys set and removed. */
function folder(name: string, file: string, edit: YamlEdit) {
  return loadFolder(join(GENERALITY, name), { [file]: editedYaml(join(GENERALITY, name, file), edit) });
}

let set: TemplateSet;
beforeAll(async () => {
  set = await builtinTemplates();
});

/** The one job of that kind and year: its errors and warnings as codes. */
function outcome(loaded: ReturnType<typeof loadFolder>, kind: "report" | "measures" | "memo" | "progress", year: number) {
  expect(loaded.errors).toEqual([]);
  const jobs = planJobs(loaded.org!, set, { kinds: [kind], years: new Set([year]) });
  expect(jobs).toHaveLength(1);
  const r = jobs[0]!.result;
  const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
  return r.ok ? { ok: true, errors: [], warnings: codes(r.warnings) } : { ok: false, errors: codes(r.errors), warnings: codes(r.warnings) };
}

describe("needsAssessment", () => {
  test("the kinds' default parts need it; a report or plan of titles, the org line and the clerk's own parts does not", () => {
    expect(needsAssessment("report", listedParts("report", undefined))).toBe(true);
    expect(needsAssessment("measures", listedParts("measures", undefined))).toBe(true);
    const own = [{ type: "title" }, { type: "org-line" }, { type: "heading" }, { type: "paragraphs" }, { type: "table" }, { type: "chart" }, { type: "page" }] as never[];
    expect(needsAssessment("report", listedParts("report", own))).toBe(false);
    expect(needsAssessment("measures", listedParts("measures", [...own, { type: "narrative" }, { type: "plan" }] as never[]))).toBe(false);
    expect(needsAssessment("report", listedParts("report", [...own, { type: "scores" }] as never[]))).toBe(true);
    expect(needsAssessment("measures", listedParts("measures", [...own, { type: "analysis-intro" }] as never[]))).toBe(true);
    // A memo always prints the results (its year table, the analysis): it needs them whatever its parts.
    expect(needsAssessment("memo", listedParts("memo", [{ type: "header" }] as never[]))).toBe(true);
  });
});

describe("a document without an assessment", () => {
  test("a report of a title and paragraphs is made, and prints them", () => {
    const loaded = folder("tha-duea-mued-ka", "2564.yaml", { unset: ["assessment"] });
    expect(outcome(loaded, "report", 2564)).toEqual({ ok: true, errors: [], warnings: [] });
    const text = modelParagraphs(loadedModel(set, loaded, 2564, "report"));
    expect(text[0]).toBe("การประกาศผลการประเมิน ITA ประจำปี 2564");
    expect(text.some((t) => t.includes("จำนวน 88.37 คะแนน จากคะแนนเต็ม 100 คะแนน"))).toBe(true);
  });

  test("a report that lists the score table still needs it, at the report's line", () => {
    const loaded = folder("tha-duea-mued-ka", "2564.yaml", { unset: ["assessment"], set: { "report.sections": ["title", "scores"] } });
    expect(outcome(loaded, "report", 2564)).toMatchObject({ ok: false, errors: ["E_ASSESSMENT_MISSING"] });
  });

  test("a plan of headings, paragraphs and a table is made; with the default parts it still needs one", () => {
    const loaded = folder("ban-pao", "2561.yaml", { unset: ["assessment"] });
    expect(outcome(loaded, "measures", 2561)).toEqual({ ok: true, errors: [], warnings: [] });
    expect(modelParagraphs(loadedModel(set, loaded, 2561, "measures"))).toContain("ภารกิจตามมิติ");
    const defaults = folder("ban-pao", "2561.yaml", { unset: ["assessment", "measures.sections"] });
    expect(outcome(defaults, "measures", 2561)).toMatchObject({ ok: false, errors: ["E_ASSESSMENT_MISSING"] });
  });
});

describe("drafts only for printed parts", () => {
  test("a plan that does not list analysis-intro or analysis drafts neither; with the default parts it drafts and warns", () => {
    // chun's trial input has (stand-in) scores and no analysis text: the default parts draft four texts.
    expect(outcome(folder("chun", "2565.yaml", {}), "measures", 2565).warnings).toEqual([]);
    const all = outcome(folder("chun", "2565.yaml", { unset: ["measures.sections"] }), "measures", 2565).warnings;
    expect(all.filter((c) => c === "W_DRAFTED")).toHaveLength(4);
  });

  test("a report without its analysis part drafts no analysis", () => {
    expect(outcome(folder("tha-duea-mued-ka", "2564.yaml", {}), "report", 2564).warnings).toEqual([]);
    expect(outcome(folder("tha-duea-mued-ka", "2564.yaml", { unset: ["report.sections"] }), "report", 2564).warnings).toContain("W_DRAFTED");
  });

  test("a memo without its analysis part drafts no tool analysis", () => {
    const kk = (sections?: string[]) =>
      loadExample("khon-kaen-city", { "2563.yaml": editedYaml(join(ROOT, "examples", "khon-kaen-city", "2563.yaml"), { unset: ["memo.analysis"], ...(sections ? { set: { "memo.sections": sections } } : {}) }) });
    const drafted = (loaded: ReturnType<typeof loadFolder>) => outcome(loaded, "memo", 2563).warnings.filter((c) => c === "W_DRAFTED").length;
    expect(drafted(kk())).toBeGreaterThan(0);
    expect(drafted(kk(["header", "to", "opening", "year-table", "weak-items", "closing", "signature"]))).toBe(0);
  });
});
