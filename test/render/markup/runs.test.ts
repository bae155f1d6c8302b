/**
 * normalizeRuns (src/render/markup/runs.ts) collapses the template's
 * whitespace as HTML does and joins neighbours of one style. Its short ways
 * (one piece made into a run directly; a text with only single spaces not
 * copied) must give what the general walk gave: checked against that walk,
 * kept here as it was (bench/RESULTS.md, wip/front).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { normalizeRuns, type Piece, type RunStyle } from "../../../src/render/markup/runs.js";

/** normalizeRuns before the short ways: every piece collapsed with replace, gathered, then joined. */
function generalWalk(pieces: readonly Piece[]): unknown[] {
  const SPACE = /[ \t\n\r\f]+/g;
  const collapsed: { text: string; style: RunStyle }[] = [];
  let endsWithSpace = true;
  for (const p of pieces) {
    let text = p.text.replace(SPACE, " ");
    if (endsWithSpace && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    endsWithSpace = text.endsWith(" ");
    collapsed.push({ text, style: p.style });
  }
  const last = collapsed[collapsed.length - 1];
  if (last && last.text.endsWith(" ")) {
    last.text = last.text.slice(0, -1);
    if (last.text === "") collapsed.pop();
  }
  const same = (a: RunStyle, b: RunStyle) => !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline && a.sizePt === b.sizePt;
  const runs: { text: string; style: RunStyle }[] = [];
  for (const p of collapsed) {
    const prev = runs[runs.length - 1];
    if (prev && same(prev.style, p.style)) prev.text += p.text;
    else runs.push({ text: p.text, style: p.style });
  }
  return runs.map(({ text, style: s }) => ({ text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.underline ? { underline: true } : {}), ...(s.sizePt !== undefined ? { sizePt: s.sizePt } : {}) }));
}

describe("normalizeRuns", () => {
  test("random pieces (one or several, spaces, tabs, newlines, U+00A0, Thai): the same runs, key order included, as the general walk", () => {
    const text = fc.array(fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\f", "\u00a0", "ก", "ข้อ", "a", "1"), { maxLength: 8 }).map((xs) => xs.join(""));
    const style = fc.record({ bold: fc.boolean(), italic: fc.boolean(), sizePt: fc.option(fc.constantFrom(12, 14), { nil: undefined }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(fc.record({ text, style }), { minLength: 1, maxLength: 4 }), (pieces) => {
        expect(JSON.stringify(normalizeRuns(pieces))).toBe(JSON.stringify(generalWalk(pieces)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  test("one piece: leading and trailing space dropped, inner runs of space one space, U+00A0 kept", () => {
    expect(normalizeRuns([{ text: "\n  ตาม ที่\t\tประกาศ\u00a0 ", style: { bold: true } }])).toEqual([{ text: "ตาม ที่ ประกาศ\u00a0", bold: true }]);
    expect(normalizeRuns([{ text: " \n ", style: {} }])).toEqual([]);
  });
});
