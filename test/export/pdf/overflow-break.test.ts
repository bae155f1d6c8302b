/**
 * A piece too wide for a whole line (a long compound in a narrow table cell)
 * breaks at its best inner word boundary, not after the last character that
 * fits (pdfmake's own cut gave สาธา|รณะ, เทศบ|าล).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import type { DocModel } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { overflowBreak } from "../../../src/export/pdf/thai-wrap.js";
import { options, writePdf } from "./helpers.js";

const icu = new Intl.Segmenter("th", { granularity: "word" });
const icuBounds = (s: string): Set<number> => new Set([...icu.segment(s)].map((x) => x.index));

describe("overflowBreak", () => {
  test("takes the last phrase boundary that fits, then after การ, then inside a word", () => {
    const text = "คุณภาพการดำเนินงาน";
    const upTo = (n: number) => (prefix: string) => prefix.length <= n;
    expect(overflowBreak(text, upTo(17))).toBe("คุณภาพ".length);
    // no word boundary fits: between two letters, never before a mark or a following vowel (not คุณภ|าพ)
    expect(overflowBreak(text, upTo(5))).toBe("คุณภา".length);
    expect(overflowBreak(text, upTo(4))).toBe("คุณ".length);
    expect(overflowBreak(text, upTo(0))).toBeUndefined();
    // no phrase boundary inside: after การ
    expect(overflowBreak("การดำเนินงาน", upTo(11))).toBe("การ".length);
  });
});

describe("a compound wider than its cell", () => {
  test("wraps at word boundaries only", async () => {
    const words = ["องค์กรปกครองส่วนท้องถิ่น", "ผู้มีส่วนได้ส่วนเสียภายนอก", "คุณภาพการดำเนินงาน", "สาธารณะ"];
    const lines = await narrowColumnLines("overflow", words, 8);
    expect(lines.length, "the long words wrap in the narrow column").toBeGreaterThan(words.length);
    // the lines rebuild the words, and every line end inside a word is an ICU word boundary
    let at = 0;
    for (const word of words) {
      let rebuilt = "";
      while (rebuilt.length < word.length && at < lines.length) {
        const line = lines[at++]!;
        if (rebuilt.length > 0) expect(icuBounds(word).has(rebuilt.length), `${word}: ${rebuilt}|${line}`).toBe(true);
        rebuilt += line;
      }
      expect(rebuilt).toBe(word);
    }
  });

  test("a word with no boundary that fits breaks between letters, never before a mark", async () => {
    const words = ["ประชาสัมพันธ์", "สาธารณสุข", "ผู้ใต้บังคับบัญชา", "พระราชกฤษฎีกา", "เจ้าหน้าที่"];
    const lines = await narrowColumnLines("overflow-letters", words, 24);
    expect(lines.join("")).toBe(words.join(""));
    expect(lines.length).toBeGreaterThan(words.length * 2);
    for (const line of lines) {
      expect(line, "a line starts with a mark or a following vowel").not.toMatch(/^[\u0E30-\u0E3A\u0E45-\u0E4E]/);
      expect(line, "a line ends with a leading vowel").not.toMatch(/[\u0E40-\u0E44]$/);
    }
  });
});

/** The words, one a row, in a narrow first column (1 : widthOfSecond), as pdftotext lays out its lines. */
async function narrowColumnLines(name: string, words: readonly string[], widthOfSecond: number): Promise<string[]> {
  const doc: DocModel = {
    meta: { title: "t", lang: "th-TH" },
    baseSizePt: 16,
    sections: [
      {
        page: A4_PORTRAIT_OFFICIAL,
        blocks: [
          {
            type: "table",
            columns: [{ width: 1 }, { width: widthOfSecond }],
            headerRows: 0,
            rows: words.map((w) => ({ cells: [{ blocks: [{ type: "paragraph", runs: [{ text: w }] }] }, { blocks: [{ type: "paragraph", runs: [{ text: "x" }] }] }] })),
          },
        ],
      },
    ],
  };
  const path = writePdf(name, await exportPdf(doc, options));
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", path, "-"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.replace(/\s+x\s*$/, "").trim())
    .filter((l) => l !== "" && l !== "x");
}
