/**
 * The document model of each real example, pinned as JSON: any change in
 * data building, templates or markup reading shows up as a reviewable diff
 * (test/golden/<kind>/<org>-<year>.model.json; UPDATE_GOLDEN=1 rewrites).
 */
import { beforeAll, describe, test } from "vitest";
import type { DocKind } from "../../src/documents/common.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { builtinTemplates, exampleModel } from "../helpers/example-model.js";
import { expectGoldenJson } from "../helpers/golden.js";

const EXAMPLES: ReadonlyArray<{ org: string; year: number; kind: DocKind }> = [
  { org: "khon-kaen-city", year: 2563, kind: "memo" },
  { org: "khon-kaen-city", year: 2564, kind: "measures" },
  { org: "nakhon-ratchasima-city", year: 2564, kind: "report" },
  { org: "nakhon-ratchasima-city", year: 2565, kind: "measures" },
];

let templates: TemplateSet;

beforeAll(async () => {
  templates = await builtinTemplates();
});

describe("golden document models of the examples", () => {
  for (const { org, year, kind } of EXAMPLES) {
    test(`${kind} ${org} ${year}`, () => {
      expectGoldenJson(`${kind}/${org}-${year}.model.json`, exampleModel(templates, org, year, kind));
    });
  }
});
