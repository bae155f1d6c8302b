/**
 * From 2566 the NACC publishes result labels, not grades: the documents print
 * what each year's NACC printed, and a memo table can hold a grade year next
 * to a label year.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, loadedModel } from "../helpers/example-model.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { syntheticOrg } from "../helpers/synthetic-org.js";

let set: TemplateSet;
beforeAll(async () => {
  set = await builtinTemplates();
});

// 2565: 88.5 → grade A; 2566: the ThaiPBS case, 95.81 → ผ่านดี (no grade is published for 2566).
const y2565 = { year: 2565, iit: 90, eit: 85, oit: 90 };
const y2566 = { year: 2566, iit: 94, eit: 94.5, oit: 98.15, memoYears: [2565, 2566], documents: true };

describe("a grade year and a label year side by side in one memo table", () => {
  test("2565 prints its grade, 2566 its label, and no letter grade for 2566", () => {
    const org = syntheticOrg([y2565, y2566]);
    expect(org.errors).toEqual([]);
    const text = modelParagraphs(loadedModel(set, org, 2566, "memo"));
    const summary = text.filter((p) => /^[๐-๙]+\.[๐-๙]{2} /.test(p));
    expect(summary).toEqual(["๘๘.๕๐ ระดับ A", "๙๕.๘๑ ผ่านดี"]);
    expect(text.join("\n")).not.toMatch(/ระดับ AA|ระดับ A \(|ระดับ ผ่าน/);
  });
});

describe("label years in the measures plan and the report", () => {
  test("the report prints the label, not a grade", () => {
    const text = modelParagraphs(loadedModel(set, syntheticOrg([y2565, y2566]), 2566, "report")).join("\n");
    expect(text).toContain("ผ่านดี");
    expect(text).not.toMatch(/ระดับ (AA|A|B|C|D|E|F)\b/);
  });
  test("the measures plan prints the label, not a grade", () => {
    const text = modelParagraphs(loadedModel(set, syntheticOrg([y2565, y2566]), 2566, "measures")).join("\n");
    expect(text).toContain("ผลการประเมิน ผ่านดี");
    expect(text).not.toMatch(/ระดับ (AA|A|B|C|D|E|F)\b/);
  });
  test("a 2568 year with its EIT under 85 prints ผ่าน, and the memo drafts no grade", () => {
    const org = syntheticOrg([{ year: 2568, iit: 99, eit: 84, oit: 99.35, memoYears: [2568], documents: true }]);
    expect(org.errors).toEqual([]);
    const memo = modelParagraphs(loadedModel(set, org, 2568, "memo"));
    expect(memo).toContain("๙๔.๖๔ ผ่าน");
    const report = modelParagraphs(loadedModel(set, org, 2568, "report")).join("\n");
    expect(report).not.toMatch(/ระดับ (AA|A|B|C|D|E|F)\b/);
  });
  test("a grade year still prints its grade in the report", () => {
    const text = modelParagraphs(loadedModel(set, syntheticOrg([{ ...y2565, documents: true }]), 2565, "report")).join("\n");
    expect(text).toContain("ระดับ A");
  });
});
