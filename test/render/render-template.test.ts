import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { DocModel, Paragraph } from "../../src/model/document.js";
import { compileTemplateSet, type TemplateSet } from "../../src/render/load-templates.js";
import { renderDocument } from "../../src/render/render-template.js";
import { readFixtureTemplates } from "./read-fixture-templates.js";

function load(files: ReadonlyMap<string, string>): TemplateSet {
  const r = compileTemplateSet(files);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.set;
}

const good = load(readFixtureTemplates("good"));

const noteData = {
  numerals: "thai",
  title: "ผล ITA 2563",
  org: "เทศบาลนครขอนแก่น",
  number: "ขก 52001/123",
  date: { year: 2563, month: 9, day: 29 },
  subject: "รายงานผลการประเมิน",
  to: "นายกเทศมนตรีนครขอนแก่น",
  body: "ย่อหน้าแรก\nย่อหน้าที่ 2",
  rows: [
    { name: "I1 การปฏิบัติหน้าที่", value: 95.57 },
    { name: "O17 E-Service", value: 100 },
  ],
  signer: { name: "นายสมชาย ใจดี", positions: ["ปลัดเทศบาล"] },
  approvals: [{ to: "นายกเทศมนตรี", option: "เพื่อโปรดทราบ", comment_lines: 2, signer: { name: "นายมานะ", positions: ["นายกเทศมนตรี"] } }],
};

function render(set: TemplateSet, kind: string, data: object): DocModel {
  const r = renderDocument(set, kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.doc;
}

const texts = (doc: DocModel): string[] =>
  (doc.sections[0]?.blocks ?? []).flatMap((b) => (b.type === "paragraph" || b.type === "heading" ? [b.runs.map((r) => r.text).join("")] : []));

describe("renderDocument", () => {
  test("the fixture note renders to the expected blocks", () => {
    const doc = render(good, "note", noteData);
    const blocks = doc.sections[0]?.blocks ?? [];
    expect(blocks.map((b) => b.type)).toEqual(["memoHeader", "paragraph", "paragraph", "paragraph", "heading", "table", "signature", "approval"]);
    expect(texts(doc)).toEqual(["เรียน นายกเทศมนตรีนครขอนแก่น", "ย่อหน้าแรก", "ย่อหน้าที่ ๒", "ผล ITA ๒๕๖๓"]);
    expect(blocks[0]).toMatchObject({ type: "memoHeader", number: "ขก ๕๒๐๐๑/๑๒๓", date: "๒๙ กันยายน ๒๕๖๓" });
    const table = blocks[5];
    if (table?.type !== "table") throw new Error("no table");
    const cellText = table.rows.map((r) => r.cells.map((c) => ((c.blocks[0] as Paragraph).runs[0]?.text ?? "")));
    // Header from columns.yaml (@columns), then rows with a Thai-numeral index; O17 keeps its digits.
    expect(cellText).toEqual([
      ["ลำดับ", "ตัวชี้วัด", "คะแนน"],
      ["๑", "I1 การปฏิบัติหน้าที่", "๙๕.๕๗"],
      ["๒", "O17 E-Service", "๑๐๐.๐๐"],
    ]);
    // Kind partial "signer" wins over the shared one, inside the shared "approvals" partial too.
    expect(blocks[6]).toEqual({ type: "signature", name: "นายสมชาย ใจดี", positions: ["ปลัดเทศบาล"], signLines: 2 });
    expect(blocks[7]).toMatchObject({ type: "approval", commentLines: 2, options: ["เพื่อโปรดทราบ"], signer: { name: "นายมานะ" } });
  });

  test("a kind without its own partial uses the shared one", () => {
    const doc = render(good, "other", { signer: {} });
    expect(texts(doc)).toEqual(["shared signer: overridden by the kind's own partial, never rendered for note"]);
  });

  test("arabic numerals", () => {
    const doc = render(good, "note", { ...noteData, numerals: "arabic" });
    expect(texts(doc)).toContain("ผล ITA 2563");
    expect(doc.pageNumbers?.numerals).toBe("arabic");
  });

  test("user text with {{ }}, <b>, & and quotes prints literally, in text and in attributes", () => {
    const hostile = 'ก {{title}} <b>ตัวหนา</b> & "อ้าง" \'เดี่ยว\' `x` a=b </p></section>';
    const doc = render(good, "note", { ...noteData, title: hostile, to: hostile, org: hostile });
    expect(texts(doc)[0]).toBe(`เรียน ${hostile}`);
    expect(texts(doc)[3]).toBe(hostile);
    expect(doc.meta.title).toBe(hostile);
    expect(doc.sections[0]?.blocks[0]).toMatchObject({ division: hostile });
    expect(JSON.stringify(doc)).not.toContain('"bold":true');
  });

  // Only ASCII whitespace collapses: U+00A0 and other Unicode spaces are content and survive.
  test("any user string comes back as its text with whitespace collapsed", () => {
    const set = load(new Map([["t/x/x.hbs", '<document title="{{t s}}"><section><p>{{t s}}</p></section></document>']]));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const r = renderDocument(set, "x", { numerals: "arabic", s });
        const expected = s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[ \t\n\r\f]+/g, " ").replace(/^ | $/g, "");
        const p = r.ok ? r.doc.sections[0]?.blocks[0] : undefined;
        const text = p?.type === "paragraph" ? p.runs.map((x) => x.text).join("") : undefined;
        return r.ok && text === expected;
      }),
      { numRuns: 300 },
    );
  });

  test("unknown element in a partial and unknown attribute in the main template: each at its own file:line", () => {
    const set = load(readFixtureTemplates("bad-element"));
    const r = renderDocument(set, "note", { numerals: "thai", title: "t" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.code, e.file, e.line, e.element, e.attribute])).toEqual([
      ["E_TEMPLATE_ATTRIBUTE", "bad-element/note/note.hbs", 5, "p", "colour"],
      ["E_TEMPLATE_ELEMENT", "bad-element/shared/partials/footer.hbs", 4, "sig", undefined],
    ]);
  });

  test("a missing field is E_TEMPLATE_MISSING_FIELD at the template file:line, in a partial too", () => {
    const { rows: _rows, ...noRows } = noteData;
    const r1 = renderDocument(good, "note", noRows);
    expect(r1.ok ? [] : r1.errors.map((e) => [e.code, e.file, e.line])).toEqual([["E_TEMPLATE_MISSING_FIELD", "good/note/note.hbs", 12]]);
    expect(r1.ok ? "" : r1.errors[0]?.message).toContain("{{#each rows}}");

    const r2 = renderDocument(good, "note", { ...noteData, signer: { positions: [] } });
    expect(r2.ok ? [] : r2.errors.map((e) => [e.code, e.file, e.line])).toEqual([["E_TEMPLATE_MISSING_FIELD", "good/note/partials/signer.hbs", 1]]);
    expect(r2.ok ? "" : r2.errors[0]?.message).toContain("{{t name}}");

    // A bare {{x}} is caught by Handlebars' own strict mode.
    const set = load(new Map([["t/x/x.hbs", '<document title="t">\n<section>\n<p>{{x.y}}</p></section></document>']]));
    const r3 = renderDocument(set, "x", { x: {} });
    expect(r3.ok ? [] : r3.errors.map((e) => [e.code, e.file, e.line])).toEqual([["E_TEMPLATE_MISSING_FIELD", "t/x/x.hbs", 3]]);
  });

  test("a helper given a bad value is E_TEMPLATE_HELPER at its line", () => {
    const r = renderDocument(good, "note", { ...noteData, rows: [{ name: "I1", value: "เก้าสิบ" }] });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.file, e.line])).toEqual([["E_TEMPLATE_HELPER", "good/note/note.hbs", 13]]);
  });

  test("an unknown kind is an error, not a throw", () => {
    const r = renderDocument(good, "nope", {});
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(["E_TEMPLATE_SYNTAX"]);
  });

  test("the same set renders repeatedly with the same result", () => {
    expect(render(good, "note", noteData)).toEqual(render(good, "note", noteData));
  });
});
