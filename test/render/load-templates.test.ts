import { describe, expect, test } from "vitest";
import { classifyTemplatePath, compileTemplateSet } from "../../src/render/load-templates.js";
import { readFixtureTemplates } from "./read-fixture-templates.js";

const errorsOf = (files: ReadonlyMap<string, string>) => {
  const r = compileTemplateSet(files);
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => [e.code, e.file, e.line]);
};

describe("compileTemplateSet", () => {
  test("finds main templates, partials and columns by path; ignores other files", () => {
    const r = compileTemplateSet(readFixtureTemplates("good"));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect([...r.set.kinds.keys()].sort()).toEqual(["note", "other"]);
    const note = r.set.kinds.get("note");
    expect(note?.file).toBe("good/note/note.hbs");
    expect(Object.keys(note?.partials ?? {}).sort()).toEqual(["approvals", "signer"]);
    // Main first, then partials in the order they are first reached.
    expect([...(note?.sources.keys() ?? [])]).toEqual(["good/note/note.hbs", "good/note/partials/signer.hbs", "good/shared/partials/approvals.hbs"]);
    expect(r.set.data["note"]?.columns).toEqual([
      { key: "no", label: "ลำดับ" },
      { key: "name", label: "ตัวชี้วัด" },
      { key: "score", label: "คะแนน" },
    ]);
    expect(r.set.data["other"]).toBeUndefined();
  });

  test("a Handlebars syntax error is E_TEMPLATE_SYNTAX at the line of the mistake", () => {
    expect(errorsOf(readFixtureTemplates("bad-syntax"))).toEqual([["E_TEMPLATE_SYNTAX", "bad-syntax/note/note.hbs", 5]]);
  });

  test("a parse error reports the line from Handlebars' message", () => {
    expect(errorsOf(new Map([["t/memo/memo.hbs", "<document>\n\n  {{t x</document>"]]))).toEqual([["E_TEMPLATE_SYNTAX", "t/memo/memo.hbs", 3]]);
  });

  test("{{{ }}} and {{& }} are refused with their lines", () => {
    expect(errorsOf(readFixtureTemplates("bad-stash"))).toEqual([
      ["E_TEMPLATE_MARKUP", "bad-stash/note/note.hbs", 4],
      ["E_TEMPLATE_MARKUP", "bad-stash/note/note.hbs", 5],
    ]);
  });

  test("a triple-stash inside a Handlebars comment is not output and is allowed", () => {
    const r = compileTemplateSet(new Map([["t/memo/memo.hbs", '{{!-- {{{x}}} --}}<document title="t"><section/></document>']]));
    expect(r.ok).toBe(true);
  });

  test("unknown helpers and missing partials are found at load time, in partials too", () => {
    const files = new Map([
      ["t/memo/memo.hbs", "<document>\n{{scroe x}}\n{{> footer}}\n{{> nowhere}}</document>"],
      ["t/shared/partials/footer.hbs", "\n{{#each (reverse xs)}}{{/each}}"],
    ]);
    expect(errorsOf(files)).toEqual([
      ["E_TEMPLATE_SYNTAX", "t/memo/memo.hbs", 2],
      ["E_TEMPLATE_SYNTAX", "t/shared/partials/footer.hbs", 2],
      ["E_TEMPLATE_SYNTAX", "t/memo/memo.hbs", 4],
    ]);
  });

  test("hyphenated partial names resolve, and a kind's own partial wins over the shared one", () => {
    const files = new Map([
      ["t/memo/memo.hbs", '<document title="t"><section>{{> score-table}}</section></document>'],
      ["t/shared/partials/score-table.hbs", "<p>shared</p>"],
      ["t/memo/partials/score-table.hbs", "<p>own</p>"],
    ]);
    const r = compileTemplateSet(files);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.set.kinds.get("memo")?.main({}, { partials: r.set.kinds.get("memo")?.partials })).toContain("<p>own</p>");
  });

  test("inline partials count as defined", () => {
    const r = compileTemplateSet(new Map([["t/memo/memo.hbs", '{{#*inline "row"}}<p/>{{/inline}}<document title="t"><section>{{> row}}</section></document>']]));
    expect(r.ok).toBe(true);
  });

  test("a compile-phase error surfaces at load time, not at the first render", () => {
    expect(errorsOf(new Map([["t/memo/memo.hbs", "\n{{> footer a b}}"], ["t/shared/partials/footer.hbs", ""]]))).toEqual([
      ["E_TEMPLATE_SYNTAX", "t/memo/memo.hbs", 2],
    ]);
  });

  test("a broken columns.yaml is E_COLUMNS with its file and line", () => {
    const files = new Map([
      ["t/memo/memo.hbs", '<document title="t"><section/></document>'],
      ["t/memo/columns.yaml", "- key: a\n- key: [b\n"],
    ]);
    const [e] = errorsOf(files);
    expect(e?.slice(0, 2)).toEqual(["E_COLUMNS", "t/memo/columns.yaml"]);
    expect(e?.[2]).toBeGreaterThan(0);
  });
});

test.each([
  ["templates/memo/memo.hbs", { role: "main", kind: "memo" }],
  ["/abs/my-templates/report/report.hbs", { role: "main", kind: "report" }],
  ["C:\\t\\memo\\partials\\row.hbs", { role: "partial", kind: "memo", name: "row" }],
  ["templates/shared/partials/score-table.hbs", { role: "partial", kind: "shared", name: "score-table" }],
  ["templates/measures/columns.yaml", { role: "columns", kind: "measures" }],
  ["templates/shared/shared.hbs", undefined],
  ["templates/memo/notes.hbs", undefined],
  ["README.md", undefined],
])("classifyTemplatePath(%s)", (path, role) => {
  expect(classifyTemplatePath(path)).toEqual(role);
});
