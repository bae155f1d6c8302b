/**
 * A cell that spans rows stays inside its span: its text is printed between
 * the top of its first row and the bottom of its last, on the page where the
 * span starts (issue 12 item 8: the "IIT" of the report's เครื่องมือ column
 * was printed beside the EIT rows when the rows were short).
 *
 * Checked on text positions from poppler (pdftotext -bbox): every row's
 * label and the spanning cell's code are single words, so each word's box is
 * a row's (or the span's) text line.
 */
import { describe, expect, test } from "vitest";
import type { DocModel, TableCell, TableRow } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { pdfWords, type PdfWord } from "../../helpers/pdf-words.js";
import { options, writePdf } from "./helpers.js";

type Word = PdfWord;

const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ blocks: [{ type: "paragraph", runs: [{ text }] }], ...extra });

/** Groups of rows; each group's first row opens a cell spanning the group, vertically centred (as the report's เครื่องมือ). */
function spanTable(groups: ReadonlyArray<{ code: string; rows: number; tall?: boolean }>): DocModel {
  // Text above the table: pdfmake's fault grew with the distance from the top margin to the table.
  const above = Array.from({ length: 6 }, () => ({ type: "paragraph" as const, runs: [{ text: "ข้อความก่อนตาราง" }] }));
  const rows: TableRow[] = [{ cells: [cell("ลำดับ"), cell("เครื่องมือ"), cell("ตัวชี้วัด")] }];
  let n = 0;
  for (const g of groups) {
    for (let i = 0; i < g.rows; i++) {
      n++;
      const label = cell(`row${n}` + (g.tall ? "\nบรรทัดที่สอง\nบรรทัดที่สาม\nบรรทัดที่สี่" : ""));
      const first = i === 0 ? [cell(g.code, { rowSpan: g.rows, align: "center", vAlign: "middle" })] : [];
      rows.push({ cells: [cell(String(n)), ...first, label] });
    }
  }
  return {
    meta: { title: "t", lang: "th-TH" },
    baseSizePt: 16,
    sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [...above, { type: "table", columns: [{ width: 1 }, { width: 2 }, { width: 6 }], headerRows: 1, rows }] }],
  };
}

async function render(name: string, doc: DocModel): Promise<Word[]> {
  return pdfWords(writePdf(name, await exportPdf(doc, options)));
}

/** The one word with this text (the test's labels are unique). */
function word(all: readonly Word[], text: string): Word {
  const found = all.filter((w) => w.text === text);
  expect(found, `"${text}" printed once`).toHaveLength(1);
  return found[0]!;
}

/** Each group's code lies within its rows, on the page of its first row. */
function expectCodesInsideSpans(all: readonly Word[], groups: ReadonlyArray<{ code: string; rows: number }>): void {
  let n = 0;
  for (const g of groups) {
    const first = word(all, `row${n + 1}`);
    const rowsOnFirstPage = Array.from({ length: g.rows }, (_, i) => word(all, `row${n + 1 + i}`)).filter((w) => w.page === first.page);
    const last = rowsOnFirstPage[rowsOnFirstPage.length - 1]!;
    const code = word(all, g.code);
    expect(code.page, `${g.code} on the page its span starts`).toBe(first.page);
    expect(code.yMin, `${g.code} not above its first row`).toBeGreaterThanOrEqual(first.yMin - 1);
    expect(code.yMax, `${g.code} not below its last row on the page`).toBeLessThanOrEqual(last.yMax + 2);
    const next = all.find((w) => w.text === `row${n + g.rows + 1}`);
    if (next && next.page === code.page) expect(code.yMax, `${g.code} above the next span`).toBeLessThan(next.yMin);
    n += g.rows;
  }
}

describe("row-spanning cells in the PDF", () => {
  test("short rows: a span that starts in the row kept with the header stays in its rows", async () => {
    const groups = [
      { code: "IIT", rows: 5 },
      { code: "EIT", rows: 3 },
      { code: "OIT", rows: 2 },
    ];
    expectCodesInsideSpans(await render("span-short", spanTable(groups)), groups);
  });

  test("tall rows and a span that runs over a page break", async () => {
    const groups = [
      { code: "IIT", rows: 2, tall: true },
      { code: "EIT", rows: 30, tall: true },
      { code: "OIT", rows: 2 },
    ];
    const all = await render("span-tall", spanTable(groups));
    expect(Math.max(...all.map((w) => w.page)), "the long span crosses pages").toBeGreaterThan(1);
    expectCodesInsideSpans(all, groups);
  });
});
