/** A template whose loops or partials produce ~100 M characters stops with E_TEMPLATE_OUTPUT naming the template, not a V8 out-of-memory abort. */
import { describe, expect, test } from "vitest";
import { compileTemplateSet, type TemplateSet } from "../../src/render/load-templates.js";
import { renderDocument } from "../../src/render/render-template.js";
import { MAX_MARKUP_CHARS } from "../../src/render/output-budget.js";

function load(main: string, partials: Record<string, string> = {}): TemplateSet {
  const files = new Map<string, string>([["t/memo/memo.hbs", main], ...Object.entries(partials).map(([n, src]) => [`t/memo/partials/${n}.hbs`, src] as [string, string])]);
  const r = compileTemplateSet(files);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

const wrap = (body: string) => `<document title="t"><section>${body}</section></document>`;
const a = Array.from({ length: 1000 }, (_, i) => i);

describe("output budget", () => {
  test("three nested #each over 1,000 items (10⁹ paragraphs): E_TEMPLATE_OUTPUT naming the template", () => {
    const set = load(wrap("{{#each a}}{{#each @root.a}}{{#each @root.a}}<p>ข้อความทดสอบยาวพอสมควร</p>{{/each}}{{/each}}{{/each}}"));
    const r = renderDocument(set, "memo", { a });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.file, e.params?.template])).toEqual([["E_TEMPLATE_OUTPUT", "t/memo/memo.hbs", "t/memo/memo.hbs"]]);
    expect(r.errors[0]!.params?.limit).toBe(MAX_MARKUP_CHARS.toLocaleString("en-US"));
  });

  test("partials that call each other twice, 40 levels deep (2⁴⁰ leaves): E_TEMPLATE_OUTPUT", () => {
    const partials: Record<string, string> = { p40: "<p>x</p>" };
    for (let i = 0; i < 40; i++) partials[`p${i}`] = `{{> p${i + 1}}}{{> p${i + 1}}}`;
    const r = renderDocument(load(wrap("{{> p0}}"), partials), "memo", {});
    expect(r.ok ? "ok" : r.errors.map((e) => e.code)).toEqual(["E_TEMPLATE_OUTPUT"]);
  });

  test("inline partials doubling 40 times: E_TEMPLATE_OUTPUT", () => {
    let inl = `{{#*inline "q40"}}<p>x</p>{{/inline}}`;
    for (let i = 39; i >= 0; i--) inl += `{{#*inline "q${i}"}}{{> q${i + 1}}}{{> q${i + 1}}}{{/inline}}`;
    const r = renderDocument(load(wrap(`${inl}{{> q0}}`)), "memo", {});
    expect(r.ok ? "ok" : r.errors.map((e) => e.code)).toEqual(["E_TEMPLATE_OUTPUT"]);
  });

  test("a large but sane document (10,000 paragraphs) renders", () => {
    const big = Array.from({ length: 10_000 }, (_, i) => i);
    const r = renderDocument(load(wrap("{{#each big}}<p>ย่อหน้าที่ {{this}}</p>{{/each}}")), "memo", { big });
    expect(r.ok).toBe(true);
  });
});
