/**
 * The PDF writer gathers pdfkit's writes itself (internals/pdfmake.ts: one Buffer per file, one
 * per run of strings in a stream) instead of one Buffer per write. The file must still be laid
 * out exactly: every cross-reference offset at its object, every stream's /Length its bytes,
 * each deflated stream inflating to its content, and the same model giving the same bytes.
 */
import { inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { A4_PORTRAIT_OFFICIAL, type Block, type DocModel } from "../../../src/model/document.js";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { options } from "./helpers.js";

const blocks: Block[] = [
  { type: "paragraph", style: "title", runs: [{ text: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" }] },
  ...Array.from({ length: 60 }, (_, i): Block => ({ type: "paragraph", runs: [{ text: `${i + 1}. ปรับปรุงข้อมูลบนเว็บไซต์ให้เป็นปัจจุบัน ` }, { text: "ตัวหนา", bold: true }] })),
];
const model: DocModel = { meta: { title: "ผัง", lang: "th-TH" }, baseSizePt: 16, sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks }] };

describe("PDF file layout", () => {
  test("xref offsets, stream lengths and deflated contents are exact; same model, same bytes", async () => {
    const bytes = Buffer.from(await exportPdf(model, options));
    const text = bytes.toString("latin1");
    expect(text.startsWith("%PDF-1.7\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);

    const startxref = Number(/startxref\n([0-9]+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe("xref\n");
    const [, first, count] = /^xref\n([0-9]+) ([0-9]+)\n/.exec(text.slice(startxref))!.map(Number) as [number, number, number];
    expect(first).toBe(0);
    const rows = text.slice(startxref).split("\n").slice(3, 2 + count);
    expect(rows.length).toBeGreaterThan(10);
    for (const [i, row] of rows.entries()) {
      const offset = Number(row.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length), `object ${i + 1}`).toBe(`${i + 1} 0 obj`);
    }

    const streams = [...text.matchAll(/\/Length ([0-9]+)[^]*?>>\nstream\n/g)];
    expect(streams.length).toBeGreaterThan(5);
    let pageContent = 0;
    for (const m of streams) {
      const start = m.index! + m[0].length;
      const length = Number(m[1]);
      expect(text.slice(start + length, start + length + 10)).toBe("\nendstream");
      if (!m[0].includes("FlateDecode")) continue;
      const inflated = inflateSync(bytes.subarray(start, start + length)).toString("latin1");
      if (/\bBT\b[^]*\bTf\b[^]*\bET\b/.test(inflated)) pageContent++;
    }
    expect(pageContent).toBeGreaterThanOrEqual(2);

    expect(Buffer.from(await exportPdf(model, options)).equals(bytes)).toBe(true);
  });
});
