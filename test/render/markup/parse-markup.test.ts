import { describe, expect, test } from "vitest";
import type { DocModel, Block } from "../../../src/model/document.js";
import type { MarkupError } from "../../../src/render/errors.js";
import { parseMarkup } from "../../../src/render/markup/parse-markup.js";

const NO_SOURCES = new Map<string, string>();

function doc(body: string, docAttrs = 'title="t"'): string {
  return `<document ${docAttrs}>\n<section>\n${body}\n</section>\n</document>`;
}

function model(markup: string): DocModel {
  const r = parseMarkup(markup, NO_SOURCES);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  return r.doc;
}

function blocks(body: string): readonly Block[] {
  return model(doc(body)).sections[0]?.blocks ?? [];
}

function errors(markup: string, sources: ReadonlyMap<string, string> = NO_SOURCES): readonly MarkupError[] {
  const r = parseMarkup(markup, sources);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("runs", () => {
  test("nested <b>/<i>/<u>/<size> become styled runs with whitespace collapsed across them", () => {
    expect(blocks('<p indent="2.5">  ตาม\n   <b>ผล <i>ITA</i>\n</b> <u><size pt="14">ปี</size></u>  ๒๕๖๓ </p>')).toEqual([
      {
        type: "paragraph",
        firstLineIndentCm: 2.5,
        runs: [
          { text: "ตาม " },
          { text: "ผล ", bold: true },
          { text: "ITA", bold: true, italic: true },
          // The newline before </b> is inside the bold run, as in HTML; the space after </b> collapses into it.
          { text: " ", bold: true },
          { text: "ปี", underline: true, sizePt: 14 },
          { text: " ๒๕๖๓" },
        ],
      },
    ]);
  });

  test("adjacent runs with the same style merge", () => {
    expect(blocks("<p><b>ก</b><b>ข</b> ค</p>")).toEqual([
      { type: "paragraph", runs: [{ text: "กข", bold: true }, { text: " ค" }] },
    ]);
  });

  test("&#160; survives collapsing and trimming; escaped entities decode to the typed characters", () => {
    expect(blocks("<p>&#160;a&#xA0;&#160; b &amp; &lt;b&gt; &quot;q&quot; &#x27;&#x60;&#x3D; &#3647;</p>")).toEqual([
      { type: "paragraph", runs: [{ text: "\u00a0a\u00a0\u00a0 b & <b> \"q\" '`= ฿" }] },
    ]);
  });

  test("an empty <p> is kept as a blank line", () => {
    expect(blocks("<p></p><p/>")).toEqual([
      { type: "paragraph", runs: [] },
      { type: "paragraph", runs: [] },
    ]);
  });
});

describe("blocks", () => {
  test("document and section attributes", () => {
    const m = model(
      '<document title="t" subject="s" author="a" size="15" page-numbers="bottom-center" page-numbers-from="1" page-number-format="หน้า {n}" numerals="arabic">' +
        '<section orientation="landscape" margins="1 1.5 2 2.5"><page-break/><spacer pt="12"/></section></document>',
    );
    expect(m).toEqual({
      meta: { title: "t", subject: "s", author: "a", lang: "th-TH" },
      baseSizePt: 15,
      pageNumbers: { position: "bottom-center", from: 1, numerals: "arabic", format: "หน้า {n}" },
      sections: [
        {
          page: { size: "A4", orientation: "landscape", margins: { topCm: 1, rightCm: 1.5, bottomCm: 2, leftCm: 2.5 } },
          blocks: [{ type: "pageBreak" }, { type: "spacer", heightPt: 12 }],
        },
      ],
    });
  });

  test("defaults: official A4 margins, 16 pt, no page numbers", () => {
    const m = model(doc("<p>x</p>"));
    expect(m.baseSizePt).toBe(16);
    expect(m.pageNumbers).toBeUndefined();
    expect(m.sections[0]?.page).toEqual({ size: "A4", orientation: "portrait", margins: { topCm: 2.5, rightCm: 2, bottomCm: 2, leftCm: 3 } });
  });

  test("table with colspan, rowspan, header rows and a cell holding blocks", () => {
    const t = blocks(`
      <table widths="1 3 1" header-rows="2" size="14" borders="false">
        <tr><td rowspan="2" valign="middle" shaded="true">ที่</td><td colspan="2" align="center" shaded="true">ผล</td></tr>
        <tr><td>ตัวชี้วัด</td><td>คะแนน</td></tr>
        <tr><td></td><td><p>ก</p><list left="0.5"><li marker="-">ข</li></list></td><td align="right">92.44</td></tr>
      </table>`);
    const para = (text: string) => ({ type: "paragraph", runs: [{ text }] });
    expect(t).toEqual([
      {
        type: "table",
        columns: [{ width: 1 }, { width: 3 }, { width: 1 }],
        headerRows: 2,
        sizePt: 14,
        borders: false,
        rows: [
          {
            cells: [
              { blocks: [para("ที่")], rowSpan: 2, vAlign: "middle", shaded: true },
              { blocks: [para("ผล")], colSpan: 2, align: "center", shaded: true },
            ],
          },
          { cells: [{ blocks: [para("ตัวชี้วัด")] }, { blocks: [para("คะแนน")] }] },
          {
            cells: [
              { blocks: [{ type: "paragraph", runs: [] }] },
              { blocks: [para("ก"), { type: "list", leftIndentCm: 0.5, items: [{ marker: "-", runs: [{ text: "ข" }] }] }] },
              { blocks: [para("92.44")], align: "right" },
            ],
          },
        ],
      },
    ]);
  });

  test("memo header with default labels and title", () => {
    expect(blocks('<memo-header emblem="garuda" division="สำนักปลัด" number="ขก 52001/1" date="๒๙ กันยายน ๒๕๖๓" subject="รายงานผล"/>')).toEqual([
      {
        type: "memoHeader",
        emblem: "garuda",
        title: "บันทึกข้อความ",
        division: "สำนักปลัด",
        number: "ขก 52001/1",
        date: "๒๙ กันยายน ๒๕๖๓",
        subject: "รายงานผล",
        labels: { division: "ส่วนราชการ", number: "ที่", date: "วันที่", subject: "เรื่อง" },
      },
    ]);
  });

  test("approval with options, comments and its signature", () => {
    expect(blocks(`
      <approval to="นายกเทศมนตรี" comment-lines="2">
        <option>เพื่อโปรดทราบ</option>
        <option>เพื่อโปรด   พิจารณา</option>
        <comment>เห็นควรอนุมัติ</comment>
        <signature name="นายสมชาย ใจดี" date="๓๐ ก.ย. ๖๓" sign-lines="1">
          <position>ปลัดเทศบาล</position>
          <position>ผู้อำนวยการ</position>
        </signature>
      </approval>`)).toEqual([
      {
        type: "approval",
        to: "นายกเทศมนตรี",
        salutation: "เรียน",
        options: ["เพื่อโปรดทราบ", "เพื่อโปรด พิจารณา"],
        comments: ["เห็นควรอนุมัติ"],
        commentLines: 2,
        signer: { type: "signature", name: "นายสมชาย ใจดี", positions: ["ปลัดเทศบาล", "ผู้อำนวยการ"], date: "๓๐ ก.ย. ๖๓", signLines: 1 },
      },
    ]);
  });

  test("heading, list, image", () => {
    expect(blocks('<h level="2" align="center" before="6" after="3">หัว</h><list><li marker="๑)">ก</li><li>ข</li></list><image ref="logo" width="1.5" height="1.5" align="left"/>')).toEqual([
      { type: "heading", level: 2, runs: [{ text: "หัว" }], align: "center", spaceBeforePt: 6, spaceAfterPt: 3 },
      { type: "list", items: [{ marker: "๑)", runs: [{ text: "ก" }] }, { marker: "", runs: [{ text: "ข" }] }] },
      { type: "image", ref: "logo", widthCm: 1.5, heightCm: 1.5, align: "left" },
    ]);
  });

  test("numbers printed with Thai digits are read as numbers", () => {
    expect(blocks('<spacer pt="๑๒"/><p indent="๒.๕">x</p>')).toEqual([
      { type: "spacer", heightPt: 12 },
      { type: "paragraph", runs: [{ text: "x" }], firstLineIndentCm: 2.5 },
    ]);
  });
});

describe("errors", () => {
  const codes = (es: readonly MarkupError[]) => es.map((e) => [e.code, e.element, e.attribute]);

  test("unknown element and attribute, misplaced element, bad values are all reported at once", () => {
    const es = errors(doc('<para>x</para>\n<p colour="red" indent="wide">y</p>\n<td>z</td>\n<table widths="1 x"></table>'));
    expect(codes(es)).toEqual([
      ["E_TEMPLATE_ELEMENT", "para", undefined],
      ["E_TEMPLATE_ATTRIBUTE", "p", "colour"],
      ["E_TEMPLATE_ATTRIBUTE", "p", "indent"],
      ["E_TEMPLATE_ELEMENT", "td", undefined],
      ["E_TEMPLATE_ATTRIBUTE", "table", "widths"],
    ]);
  });

  test("missing required attribute", () => {
    expect(codes(errors(doc('<h>x</h><image ref="a" width="1"/>')))).toEqual([
      ["E_TEMPLATE_ATTRIBUTE", "h", "level"],
      ["E_TEMPLATE_ATTRIBUTE", "image", "height"],
    ]);
  });

  test.each([
    ["mismatched closing tag", "<p><b>x</p></b>"],
    ["unclosed element", "<p>x"],
    ["stray <", "<p>1 < 2</p>"],
    ["unknown entity", "<p>&nbsp;</p>"],
    ["bare &", "<p>A & B</p>"],
    ["unquoted attribute", "<p align=center>x</p>"],
    ["text directly in a section", "loose text"],
    ["a row that does not fill the columns", '<table widths="1 1"><tr><td>a</td></tr></table>'],
    ["a rowspan past the last row", '<table widths="1"><tr><td rowspan="2">a</td></tr></table>'],
    ["a cell mixing text and paragraphs", "<table widths=\"1\"><tr><td>a<p>b</p></td></tr></table>"],
    ["an approval without a signature", '<approval to="x"><option>a</option></approval>'],
  ])("%s → E_TEMPLATE_MARKUP", (_name, body) => {
    const es = errors(doc(body));
    expect(es.map((e) => e.code)).toContain("E_TEMPLATE_MARKUP");
  });

  test("a row spanned from above counts as filled", () => {
    expect(blocks('<table widths="1 1"><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toHaveLength(1);
  });

  test("markup outside <document> and a document without sections", () => {
    expect(errors("<p>x</p>").map((e) => [e.code, e.element])).toEqual([["E_TEMPLATE_ELEMENT", "p"]]);
    expect(errors("  ").map((e) => e.code)).toEqual(["E_TEMPLATE_MARKUP"]);
    expect(errors('<document title="t"></document>').map((e) => e.code)).toEqual(["E_TEMPLATE_MARKUP"]);
  });

  test("positions are the template's file:line where the literal name is written, skipping comments", () => {
    const sources = new Map([
      ["tpl/memo/memo.hbs", '<document title="t">\n{{!-- <bogus> was here --}}\n<section>\n  <p>{{t a}}</p>\n  <p align="left"\n     colour="red">x</p>\n{{> end}}\n</section></document>'],
      ["tpl/memo/partials/end.hbs", "\n\n<bogus/>"],
    ]);
    const rendered = '<document title="t">\n\n<section>\n  <p>a</p>\n  <p align="left"\n     colour="red">x</p>\n\n\n<bogus/></section></document>';
    expect(errors(rendered, sources).map((e) => [e.code, e.file, e.line])).toEqual([
      ["E_TEMPLATE_ATTRIBUTE", "tpl/memo/memo.hbs", 6],
      ["E_TEMPLATE_ELEMENT", "tpl/memo/partials/end.hbs", 3],
    ]);
  });

  test("a bad value written in the template is found among same-named attributes", () => {
    const sources = new Map([["m.hbs", '<document title="t"><section>\n<p indent="2.5">a</p>\n<p indent="wide">b</p>\n<p indent="{{w}}">c</p>\n</section></document>']]);
    const bad = (v: string) => errors(doc(`<p indent="2.5">a</p><p indent="${v}">b</p>`), sources).map((e) => [e.attribute, e.line]);
    expect(bad("wide")).toEqual([["indent", 3]]);
    // A value that came from data is not in the template: the first <p indent=> is the best guess.
    expect(bad("from data")).toEqual([["indent", 2]]);
  });

  test("a name found in no template gives the main template with line 0", () => {
    const sources = new Map([["m.hbs", "<document>{{x}}</document>"]]);
    expect(errors(doc("<made-up/>"), sources).map((e) => [e.file, e.line])).toEqual([["m.hbs", 0]]);
  });
});

describe("attribute values read once per text (the parsed-value cache)", () => {
  test("the same malformed value on two elements is reported at each, and a good one parses the same every time", () => {
    const bad = errors(doc('<p align="middle">a</p>\n<p align="middle">b</p>'));
    expect(bad.map((e) => [e.code, e.message])).toEqual([
      ["E_TEMPLATE_ATTRIBUTE", '<p align>: expected one of left, center, right, justify, got "middle" (output line 3)'],
      ["E_TEMPLATE_ATTRIBUTE", '<p align>: expected one of left, center, right, justify, got "middle" (output line 4)'],
    ]);
    for (let round = 0; round < 2; round++) {
      expect(blocks('<p indent="๒.๕" before="6">x</p><table widths="4.2 1.4"><tr><td colspan="2">y</td></tr></table>')).toEqual([
        { type: "paragraph", firstLineIndentCm: 2.5, spaceBeforePt: 6, runs: [{ text: "x" }] },
        { type: "table", columns: [{ width: 4.2 }, { width: 1.4 }], headerRows: 0, rows: [{ cells: [{ blocks: [{ type: "paragraph", runs: [{ text: "y" }] }], colSpan: 2 }] }] },
      ]);
    }
  });

  test("past the cache's bound, values are still parsed, and each document's widths are its own list", () => {
    const many = Array.from({ length: 700 }, (_, i) => `<spacer pt="${i}.5"/>`).join("\n");
    expect(blocks(many).map((b) => (b.type === "spacer" ? b.heightPt : -1))).toEqual(Array.from({ length: 700 }, (_, i) => i + 0.5));
    const t1 = blocks('<table widths="3 4"><tr><td>a</td><td>b</td></tr></table>')[0];
    const t2 = blocks('<table widths="3 4"><tr><td>a</td><td>b</td></tr></table>')[0];
    expect(t1).toEqual(t2);
    expect(t1 && t1.type === "table" && t2 && t2.type === "table" && t1.columns !== t2.columns).toBe(true);
  });
});
