/**
 * Issue 12 item 7: no line of any example PDF ends inside a compound or a
 * fixed phrase a Thai reader reads as one word (test/fixtures/thai-compounds.ts,
 * taken from real official documents). Lines are read with poppler's word
 * positions; a line end counts when the two lines continue one paragraph of
 * the document model.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { THAI_COMPOUNDS } from "../fixtures/thai-compounds.js";
import { builtinTemplates, exampleModel } from "../helpers/example-model.js";
import { cutsInside, wrapsOf, type Wrap } from "../helpers/line-wraps.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { pdfSegments } from "../helpers/pdf-text.js";
import { sharedExampleBuild } from "../helpers/shared-build.js";

/** Every example document, all kinds, as PDF. */
const DOCS = [
  ["khon-kaen-city", 2563, "memo"],
  ["khon-kaen-city", 2564, "measures"],
  ["nakhon-ratchasima-city", 2564, "report"],
  ["nakhon-ratchasima-city", 2565, "measures"],
] as const;

let out: string;
const wraps = new Map<string, Wrap[]>();

beforeAll(async () => {
  const r = await sharedExampleBuild("pdf");
  out = r.out;
  expect(r.code, r.output).toBe(0);
  const templates = await builtinTemplates();
  for (const [org, year, kind] of DOCS) {
    const paragraphs = modelParagraphs(exampleModel(templates, org, year, kind));
    wraps.set(`${org}/${year}-${kind}.pdf`, wrapsOf(pdfSegments(join(out, org, `${year}-${kind}.pdf`)), paragraphs));
  }
});

describe("line ends and compounds", () => {
  test("the list holds at least 300 compounds and phrases, none twice", () => {
    expect(THAI_COMPOUNDS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(THAI_COMPOUNDS).size).toBe(THAI_COMPOUNDS.length);
  });

  test("a cut inside a listed word is found, a cut between two is not", () => {
    const sample = [
      { before: "ได้จัด", after: "ทำรายงาน" },
      { before: "ผู้รับผิดชอบ", after: "ตรวจสอบ" },
      // มาตรการ|บริหารงาน: two words, though การบริหารงาน can be read across them
      { before: "กำหนดมาตรการ", after: "บริหารงานบุคคล" },
      // ดำเนินการ|ป้องกัน: the same with ดำเนินการ; การจัดหา|พัสดุ is a cut inside one term
      { before: "โดยดำเนินการ", after: "ป้องกันการทุจริต" },
      { before: "หรือการจัดหา", after: "พัสดุ" },
    ];
    expect(cutsInside(sample, ["จัดทำ", "ผู้รับผิดชอบ", "ตรวจสอบ", "การบริหารงาน", "การป้องกัน", "การจัดหาพัสดุ"])).toEqual(["ได้จัด|ทำรายงาน (จัดทำ)", "ือการจัดหา|พัสดุ (การจัดหาพัสดุ)"]);
  });

  for (const [org, year, kind] of DOCS) {
    const doc = `${org}/${year}-${kind}.pdf`;
    test(`no line of ${doc} ends inside a compound`, () => {
      const found = wraps.get(doc) ?? [];
      expect(found.length, "line ends found").toBeGreaterThan(5);
      const cuts = cutsInside(found, THAI_COMPOUNDS);
      expect(cuts, `${cuts.length} of ${found.length} line ends`).toEqual([]);
    });
  }
});
