/**
 * The markup reader scans character codes (src/render/markup/read-tree.ts); it
 * used sticky regular expressions. That reader is kept as the oracle
 * (test/helpers/reference-tree.ts): on random markup both give the same tree or the same error.
 * One difference, by design: a text of spaces, tabs and line ends only is
 * read as one space (no copy of the template's indentation), which is what
 * the model makes of it anywhere (whitespace collapses, blank text between
 * blocks is ignored); the oracle's tree is compared with that applied.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isSpace, readTree, type ReadTreeResult, type TreeNode } from "../../../src/render/markup/read-tree.js";
import { referenceTree } from "../../helpers/reference-tree.js";

const LAYOUT_SPACE = /^[ \t\n\r\f]+$/;

/** The oracle's tree with a text of layout space only as one space. */
function spacesAsOne(r: ReadTreeResult): ReadTreeResult {
  const map = (n: TreeNode): TreeNode =>
    n.kind === "text" ? (LAYOUT_SPACE.test(n.text) ? { ...n, text: " " } : n) : { ...n, children: n.children.map(map) };
  return r.ok ? { ok: true, roots: r.roots.map(map) } : r;
}

describe("the markup reader", () => {
  test("its space is a regular expression's \\s, for every UTF-16 code unit", () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) throw new Error(`U+${c.toString(16)}`);
    }
  });

  test("random markup: the same tree, or the same error at the same line, as the regular-expression reader", () => {
    // Mostly well-formed pieces, so that reading goes on long enough to meet the odd one.
    const good = fc.constantFrom(
      "<p>", "</p>", "<b>", "</b>", "<td>", "</td>", "<p/>", "<size pt=\"14\">", "</size>", '<td align="center">', '<td  a="1"\tb="2" >',
      '<td a="1"\u00a0b="2"/>', '<p x="&amp;&#160;">', '<td data-x9="ก">', " ", "\n", "\r\n", "\t", "  ", "\f", "ก", "ผู้อำนวยการ", "text &amp; &lt;", "a-b", '<td align="left" colspan="2">', '<b/>', "&#160;", "&#x3D;",
    );
    const odd = fc.constantFrom(
      "<td", "<td ", "</ p>", "<1", "<", "</", ">", "/>", "/", "=", '"', '="', "\t", "\u2028", "\u180e", "\ufeff", "\u3000",
      ' a="1" a="2"', '<td x="a<b">', '<td x="a>b">', '<td x="&bad;">', "<td x=>", "<td x='1'>", '<td X="1">', '<td a="1"b="2">', '<td a="1"/ >',
      '<td\u2028a="1">', '<td\u180ea="1">', "&bad;", "&", "</b >", "</b\n>",
    );
    const piece = fc.oneof({ arbitrary: good, weight: 8 }, { arbitrary: odd, weight: 1 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join("");
        expect(readTree(text)).toEqual(spacesAsOne(referenceTree(text)));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});

describe("the markup reader's names and spaces", () => {
  test("a name of the vocabulary is the listed string; another is read as written", () => {
    const r = readTree('<td align="center" x-y="1"><zz/>\n  \t<b>ก</b></td>');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const td = r.roots[0]!;
    expect(td).toMatchObject({ kind: "element", name: "td", attrs: [{ name: "align", value: "center" }, { name: "x-y", value: "1" }] });
    if (td.kind !== "element") return;
    expect(td.children.map((c) => (c.kind === "text" ? c.text : c.name))).toEqual(["zz", " ", "b"]);
  });

  test("a text of layout space is one space; one with a no-break space or a letter is kept as written", () => {
    const r = readTree("<p>\n\t \r\n</p><p> \u00a0 </p><p>  ก  </p>");
    expect(r.ok && r.roots.map((p) => (p.kind === "element" && p.children[0]?.kind === "text" ? p.children[0].text : undefined))).toEqual([" ", " \u00a0 ", "  ก  "]);
  });
});
