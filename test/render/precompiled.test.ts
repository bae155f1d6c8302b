/**
 * The shipped templates precompiled at build time (src/render/precompiled.ts,
 * scripts/precompile-templates.mjs): the same document models as compiling them
 * at run time, used only for exactly the text they were made from, and the
 * module `npm run build` writes is the one these functions make.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";
import { describe, expect, test } from "vitest";
import { BUILTIN_TEMPLATES, readTemplateFiles } from "../../src/cli/resources.js";
import { DOC_KINDS } from "../../src/documents/kind-names.js";
import { modelOf, planJobs } from "../../src/pipeline/index.js";
import { createRenderer } from "../../src/render/handlebars.js";
import { compileTemplateSet, type TemplateSet } from "../../src/render/load-templates.js";
import { precompiledModule, precompiledSet, precompileTemplates, type PrecompiledSet } from "../../src/render/precompiled.js";
import { loadExample, ROOT } from "../helpers/load-example.js";

type GeneratedModule = Parameters<typeof precompiledSet>[0];

/** The generated module's text, written out and imported as the build's dist/ module is. */
async function generated(files: ReadonlyMap<string, string>): Promise<{ text: string; module: GeneratedModule }> {
  const text = precompiledModule(precompileTemplates(createRenderer(), files), Handlebars.VERSION);
  const file = join(mkdtempSync(join(tmpdir(), "itadoc-precompiled-")), "precompiled-templates.mjs");
  writeFileSync(file, text);
  return { text, module: (await import(pathToFileURL(file).href)) as GeneratedModule };
}

function compiled(files: ReadonlyMap<string, string>, pre?: PrecompiledSet): TemplateSet {
  const r = compileTemplateSet(files, pre);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

/** Every document of both examples, as models (or their errors), through `set`. */
function models(set: TemplateSet): unknown[] {
  return ["khon-kaen-city", "nakhon-ratchasima-city"].flatMap((name) => {
    const org = loadExample(name).org!;
    return planJobs(org, set, { kinds: DOC_KINDS }).map((job) => [job.baseName, modelOf(set, job)]);
  });
}

describe("precompiled templates", () => {
  test("every shipped template is precompiled, and the examples' documents are the same models as with templates compiled at run time", async () => {
    const files = await readTemplateFiles(BUILTIN_TEMPLATES);
    const pre = precompiledSet((await generated(files)).module, Handlebars.VERSION);
    const hbs = [...files.keys()].filter((f) => f.endsWith(".hbs"));
    expect(pre.size).toBe(hbs.length);
    const atRunTime = models(compiled(files));
    expect(atRunTime.length).toBeGreaterThanOrEqual(5);
    expect(models(compiled(files, pre))).toEqual(atRunTime);
  });

  test("used only for exactly the text it was made from: an edited copy compiles at run time, its errors reported", async () => {
    const files = await readTemplateFiles(BUILTIN_TEMPLATES);
    const pre = precompiledSet((await generated(files)).module, Handlebars.VERSION);
    const memo = [...files.keys()].find((f) => f.endsWith("memo/memo.hbs"))!;
    const edited = new Map(files).set(memo, files.get(memo)!.replace('subject="บันทึกข้อความ"', 'subject="บันทึกข้อความที่แก้"'));
    expect(edited.get(memo)).not.toBe(files.get(memo));
    const subjects = (set: TemplateSet) => models(set).flatMap((m) => ((m as [string, { ok: boolean; doc?: { meta: { subject: string } } }])[1].doc?.meta.subject ?? []));
    expect(subjects(compiled(edited, pre))).toContain("บันทึกข้อความที่แก้");
    expect(subjects(compiled(files, pre))).not.toContain("บันทึกข้อความที่แก้");
    const broken = new Map(files).set(memo, `${files.get(memo)!}\n{{#if x}}\n`);
    const r = compileTemplateSet(broken, pre);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file])).toEqual([["E_TEMPLATE_SYNTAX", memo]]);
    // A template with an error is never precompiled: it is reported at run time, where its line is told.
    expect(precompileTemplates(createRenderer(), broken).map((e) => e.file)).not.toContain(memo);
  });

  test("a set all precompiled runs on Handlebars' runtime; one template to compile brings the compiler", async () => {
    const files = await readTemplateFiles(BUILTIN_TEMPLATES);
    const pre = precompiledSet((await generated(files)).module, Handlebars.VERSION);
    const runtimeOnly = compiled(files, pre).renderer;
    expect(runtimeOnly.parse).toBeUndefined();
    expect(runtimeOnly.precompile).toBeUndefined();
    expect(typeof runtimeOnly.template).toBe("function");
    const memo = [...files.keys()].find((f) => f.endsWith("memo/memo.hbs"))!;
    const edited = new Map(files).set(memo, `${files.get(memo)!}\n`);
    expect(typeof compiled(edited, pre).renderer.parse).toBe("function");
    expect(typeof compiled(files).renderer.parse).toBe("function");
    // Helpers are the same either way.
    expect(Object.keys(runtimeOnly.helpers).sort()).toEqual(Object.keys(compiled(files).renderer.helpers).sort());
  });

  test("made by another Handlebars version: none used", async () => {
    const { module } = await generated(await readTemplateFiles(BUILTIN_TEMPLATES));
    expect(precompiledSet(module, "0.0.0").size).toBe(0);
  });

  test("the module `npm run build` wrote into dist/ is the one made from templates/ now", async () => {
    const { text } = await generated(await readTemplateFiles(BUILTIN_TEMPLATES));
    expect(readFileSync(join(ROOT, "dist", "render", "precompiled-templates.js"), "utf8")).toBe(text);
  });
});
