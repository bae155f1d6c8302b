/**
 * Round trip through LibreOffice: the DOCX must open and lay out, and the text
 * of the PDF it prints must hold the model's Thai text and numbers. Fails (not
 * skips) when soffice or pdftotext is missing. Thai language marks are checked
 * on the XML (memo-xml.test.ts): LibreOffice renders the same without them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDocx } from "../../../src/export/docx/index.js";
import { docxMemoModel } from "../../fixtures/models/docx-memo.js";
import { memoOptions } from "./helpers.js";
import { docxToPdf } from "../../helpers/libreoffice.js";

let dir: string;
let pages: string[];
/** Each page's first line as laid out (pdftotext -layout keeps the header's "- 2 -" together). */
let headerLines: string[];

/** pdftotext splits Thai lines and clusters at odd places; compare without whitespace. */
const squash = (s: string): string => s.replace(/\s+/g, "");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-docx-lo-"));
  const docxPath = join(dir, "memo.docx");
  writeFileSync(docxPath, await exportDocx(docxMemoModel, memoOptions));
  // The DOCX names TH SarabunPSK without embedding it; the helper gives LibreOffice a metric stand-in.
  const pdf = docxToPdf(docxPath, dir);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())?.[1]);
  pages = Array.from({ length: count }, (_, i) => execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), pdf, "-"]).toString());
  headerLines = Array.from({ length: count }, (_, i) =>
    squash(execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]).toString().split("\n").find((l) => l.trim() !== "") ?? ""),
  );
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("LibreOffice round trip", () => {
  it("prints the model's Thai text and numbers", () => {
    const all = squash(pages.join("\n"));
    for (const s of [
      "บันทึกข้อความ",
      "ส่วนราชการ",
      "ขก ๕๒๐๖/๐๑๑๐๙",
      "วันที่ ๒๙ กันยายน ๒๕๖๓",
      "เรียน นายกเทศมนตรีนครขอนแก่น",
      "๗๕.๓๐ คะแนน",
      "92.44",
      "86.80 ระดับ A",
      "O17 E-Service",
      "36.67",
      "(นางอินทิรา ช่างวีระ)",
      "๗ ต.ค. ๖๓",
    ]) {
      expect(all, s).toContain(squash(s));
    }
  });

  it("spreads the long weak-items table over pages, its header on each, numbered from page 2", () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(headerLines[0]).not.toMatch(/^-[1๑]-/);
    for (const [i, line] of headerLines.entries()) {
      if (i === 0) continue;
      // Word prints ๒ (w:pgNumType thaiNumbers on a plain PAGE field). LibreOffice 7.4 has no DOCX
      // form for Thai digits (thaiNumbers is read as decimal, \* ThaiArabic as the letters ก ข ค),
      // so it prints 2: never a Thai letter.
      expect(line, `page ${i + 1}`).toMatch(new RegExp(`^-(${i + 1}|${"๐๑๒๓๔๕๖๗๘๙"[i + 1]})-`));
    }
    const weakRows = pages.map((p) => (squash(p).match(/O\d+/g) ?? []).length);
    expect(weakRows.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    expect(squash(pages[1] ?? "")).toContain(squash("ปี ๒๕๖๒"));
  });
});
