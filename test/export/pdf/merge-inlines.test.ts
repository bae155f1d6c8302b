import { describe, expect, test } from "vitest";
import { ZWSP } from "../../../src/export/pdf/text-pieces.js";
import { mergeInlines, mergeLine } from "../../../src/export/pdf/merge-inlines.js";
import { INLINE_DRAWN_ALONE_FIELDS, INLINE_LOOK_FIELDS } from "../../../src/export/pdf/internals/pdfmake.js";

const font = { id: "F1" };
const other = { id: "F2" };
/** Inlines laid out one after the other from x = 10, as pdfmake places them. */
function laid(...specs: Array<{ text: string; width: number; [k: string]: unknown }>) {
  let x = 10;
  return specs.map((s) => {
    const inline = { font, fontSize: 11, color: "black", opacity: 1, height: 15, x, ...s };
    x += s.width;
    return inline;
  });
}

describe("mergeLine", () => {
  test("touching words of one look become one string, cut where the words were", () => {
    const merged = mergeLine(laid({ text: `ผู้รับผิดชอบ${ZWSP}`, width: 40 }, { text: "โครงการ ", width: 30 }, { text: "E-", width: 8 }, { text: "Service", width: 20 }));
    expect(merged).toHaveLength(1);
    // a ZWSP is added only where the first word does not already end a shaping piece
    expect(merged[0]?.text).toBe(`ผู้รับผิดชอบ${ZWSP}โครงการ E-${ZWSP}Service`);
    expect(merged[0]?.x).toBe(10);
    expect(merged[0]?.width).toBe(98);
  });

  test("joins words as a regular expression on the joined text would (empty words, spaces, tabs, U+200B at either end)", () => {
    const words = ["", " ", "\t", ZWSP, "ก", "ข ", `ค${ZWSP}`, "ง\t", ` จ`];
    const byRegex = (texts: string[]) => texts.reduce((acc, t) => (/[\u200B \t]$/.test(acc) ? acc + t : acc + ZWSP + t));
    // every sequence of three words, and a few longer ones
    const sequences: string[][] = [];
    for (const a of words) for (const b of words) for (const c of words) sequences.push([a, b, c]);
    sequences.push(["", "", "", "ก"], [" ", "", "ก", "", "", "ข"], words, [...words].reverse());
    for (const texts of sequences) {
      const merged = mergeLine(laid(...texts.map((text) => ({ text, width: 5 }))));
      expect(merged.map((i) => i.text), JSON.stringify(texts)).toEqual([byRegex(texts)]);
    }
  });

  test("a change of font, size or colour, a gap, a link or a decoration starts a new string", () => {
    const line = laid(
      { text: "ก", width: 5 },
      { text: "ข", width: 5, font: other },
      { text: "ค", width: 5, fontSize: 12 },
      { text: "ง", width: 5, color: "red" },
      { text: "จ", width: 5, link: "https://example.org" },
      { text: "ฉ", width: 5, decoration: "underline" },
      { text: "ช", width: 5, decoration: "underline" },
    );
    const gapped = laid({ text: "ซ", width: 5 }, { text: "ฌ", width: 5 });
    (gapped[1] as { x: number }).x += 3;
    const merged = mergeLine(line);
    expect(merged.map((i) => i.text)).toEqual(["ก", "ข", "ค", "ง", "จ", `ฉ${ZWSP}ช`]);
    expect(mergeLine(gapped)).toHaveLength(2);
  });

  test("every field of INLINE_LOOK_FIELDS keeps two words apart when it differs, not when both are unset", () => {
    for (const field of INLINE_LOOK_FIELDS) {
      const differing = laid({ text: "ก", width: 5, [field]: "one" }, { text: "ข", width: 5, [field]: "two" });
      expect(mergeLine(differing), field).toHaveLength(2);
      const unset = laid({ text: "ก", width: 5, [field]: null }, { text: "ข", width: 5, [field]: undefined });
      expect(mergeLine(unset), field).toHaveLength(1);
      const equal = laid({ text: "ก", width: 5, [field]: "one" }, { text: "ข", width: 5, [field]: "one" });
      expect(mergeLine(equal), field).toHaveLength(1);
    }
  });

  test("a word with any field of INLINE_DRAWN_ALONE_FIELDS set, or a line end, is drawn alone", () => {
    for (const field of INLINE_DRAWN_ALONE_FIELDS) {
      expect(mergeLine(laid({ text: "ก", width: 5 }, { text: "ข", width: 5, [field]: 1 }, { text: "ค", width: 5 })), field).toHaveLength(3);
      expect(mergeLine(laid({ text: "ก", width: 5, [field]: null }, { text: "ข", width: 5 })), field).toHaveLength(1);
    }
    expect(mergeLine(laid({ text: "ก\n", width: 5 }, { text: "ข", width: 5 }))).toHaveLength(2);
  });

  test("does not change the inlines it was given", () => {
    const line = laid({ text: "ก", width: 5 }, { text: "ข", width: 5 });
    const before = JSON.stringify(line);
    mergeLine(line);
    expect(JSON.stringify(line)).toBe(before);
  });

  test("mergeInlines rewrites text lines and leaves other page items alone", () => {
    const line = { inlines: laid({ text: "ก", width: 5 }, { text: "ข", width: 5 }) };
    const vector = { type: "rect" };
    mergeInlines([{ items: [{ type: "line", item: line }, { type: "vector", item: vector }] }]);
    expect(line.inlines.map((i) => i.text)).toEqual([`ก${ZWSP}ข`]);
    expect(vector).toEqual({ type: "rect" });
  });
});
