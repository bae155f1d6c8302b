/**
 * The render path (compiled template set, counted programs, our #each over
 * arrays, the character-code markup reader) against the straightforward one:
 * plain Handlebars compiling the same template files with the same helpers
 * and nothing wrapped, its markup read by the regular-expression reader the
 * markup reader replaced (test/helpers/reference-tree.ts), then the same
 * model builder. Every document of every kind and year of the examples, and
 * synthetic organisations (bench/national-dataset.mjs), must give the same
 * markup and a deep-equal model. bench/render.mjs checks 300 organisations'
 * models against a base build the same way.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Handlebars from "handlebars";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BUILTIN_TEMPLATES, readTemplateFiles } from "../../src/cli/resources.js";
import { HELPERS } from "../../src/render/helpers.js";
import { createRenderer } from "../../src/render/handlebars.js";
import { compileTemplateSet, classifyTemplatePath, type TemplateSet } from "../../src/render/load-templates.js";
import { buildModel } from "../../src/render/markup/build-model.js";
import { withOutputBudget } from "../../src/render/output-budget.js";
import { renderDocument } from "../../src/render/render-template.js";
import { planJobs, type OrgLoadResult } from "../../src/pipeline/index.js";
import { loadExample, loadFolder, ROOT } from "../helpers/load-example.js";
import { referenceTree } from "../helpers/reference-tree.js";

type Reference = Map<string, { main: HandlebarsTemplateDelegate; columns: unknown }>;

/** Each kind's main template compiled by a plain Handlebars environment holding the kind's partials (its own over the shared ones). */
function referenceTemplates(files: ReadonlyMap<string, string>, set: TemplateSet): Reference {
  const byKind = new Map<string, { main?: string; partials: Map<string, string>; }>();
  const shared = new Map<string, string>();
  for (const [file, text] of files) {
    const role = classifyTemplatePath(file);
    if (!role || role.role === "columns") continue;
    if (role.role === "partial" && role.kind === "shared") {
      shared.set(role.name, text);
      continue;
    }
    const k = byKind.get(role.kind) ?? { partials: new Map<string, string>() };
    if (role.role === "main") k.main = text;
    else k.partials.set(role.name, text);
    byKind.set(role.kind, k);
  }
  const out: Reference = new Map();
  for (const [kind, k] of byKind) {
    if (k.main === undefined) continue;
    const hb = Handlebars.create();
    hb.unregisterHelper("log");
    for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
    for (const [name, text] of [...shared, ...k.partials]) hb.registerPartial(name, hb.compile(text, { strict: true }));
    out.set(kind, { main: hb.compile(k.main, { strict: true }), columns: set.data[kind]?.columns });
  }
  return out;
}

function referenceModel(ref: Reference, kind: string, data: object) {
  const r = ref.get(kind)!;
  const markup = r.main(data, { data: { columns: r.columns } });
  const tree = referenceTree(markup);
  if (!tree.ok) throw new Error(`reference markup does not read: ${tree.error.message}`);
  return { markup, built: buildModel(tree.roots) };
}

let files: ReadonlyMap<string, string>;
let set: TemplateSet;
let ref: Reference;
let work: string;

beforeAll(async () => {
  files = await readTemplateFiles(BUILTIN_TEMPLATES);
  const loaded = compileTemplateSet(files);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  set = loaded.set;
  ref = referenceTemplates(files, set);
  work = mkdtempSync(join(tmpdir(), "itadoc-render-eq-"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every document the organisation has data for, through both paths. */
function expectSameModels(loaded: OrgLoadResult): number {
  if (!loaded.org) throw new Error(JSON.stringify(loaded.errors));
  let n = 0;
  for (const job of planJobs(loaded.org, set)) {
    if (!job.result.ok) continue;
    const data = job.result.data;
    const t = set.kinds.get(job.kind)!;
    const markup = withOutputBudget(() => t.main(data, { partials: t.partials, data: { columns: set.data[job.kind]?.columns } }));
    const expected = referenceModel(ref, job.kind, data);
    expect(markup, `${job.baseName} markup`).toBe(expected.markup);
    const got = renderDocument(set, job.kind, data);
    expect(got.ok).toBe(true);
    expect(expected.built.ok).toBe(true);
    if (got.ok && expected.built.ok) expect(JSON.stringify(got.doc), job.baseName).toBe(JSON.stringify(expected.built.doc));
    n++;
  }
  return n;
}

describe("the render path gives what plain Handlebars and the first markup reader give", () => {
  test("every document of the examples (every kind and year)", () => {
    const n = expectSameModels(loadExample("khon-kaen-city")) + expectSameModels(loadExample("nakhon-ratchasima-city"));
    expect(n).toBeGreaterThanOrEqual(5);
  });

  test("12 synthetic organisations (memo and measures, both years)", () => {
    const dir = join(work, "orgs");
    const made = spawnSync(process.execPath, [join(ROOT, "bench", "national-dataset.mjs"), dir, "12"], { encoding: "utf8" });
    expect(made.status, made.stderr).toBe(0);
    let n = 0;
    for (const province of readdirSync(dir).sort()) {
      for (const org of readdirSync(join(dir, province)).sort()) n += expectSameModels(loadFolder(join(dir, province, org)));
    }
    expect(n).toBeGreaterThanOrEqual(12);
  });

  test("#each over arrays, objects, holes, block parameters and nesting: the same output as Handlebars' own", () => {
    const templates = [
      "{{#each a}}[{{@index}} {{@key}} {{@first}} {{@last}} {{this}} {{@root.x}}]{{else}}none{{/each}}",
      "{{#each a}}{{#each ../b}}<{{@index}}/{{@../index}} {{this}} {{../this}} {{@last}}>{{/each}}{{/each}}",
      "{{#each a as |v i|}}{{v}}:{{i}};{{#each ../b}}{{v}}{{this}}{{/each}}{{/each}}",
      "{{#each a as |v|}}{{#each ../b}}{{v}}-{{this}}-{{@index}} {{/each}}{{/each}}",
      "{{#each o}}{{@key}}={{this}} {{@first}}{{@last}};{{/each}}",
      "{{#each a}}{{#if @first}}F{{/if}}{{#unless @last}},{{/unless}}{{this}}{{/each}}",
      "{{#each a}}{{#digits \"arabic\"}}{{n this}}{{/digits}} {{n this}}{{/each}}",
      "{{#each e}}x{{else}}empty{{/each}}|{{#each h}}<{{@index}}:{{this}}:{{@last}}>{{else}}no{{/each}}",
    ];
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const data = { a: [10, 20, 30], b: ["p", "q"], o: { k1: "v1", k2: "v2" }, e: [], h: holes, x: "root" };
    const ours = createRenderer();
    const plain = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) plain.registerHelper(name, fn);
    for (const source of templates) {
      const expected = plain.compile(source, { strict: true })(data);
      expect(withOutputBudget(() => ours.compile(source, { strict: true })(data)), source).toBe(expected);
    }
  });
});
