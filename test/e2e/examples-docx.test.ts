/**
 * The Khon Kaen 2563 memo built as DOCX by the CLI, printed by LibreOffice:
 * every number of its three tables must be in the printed text, in Thai
 * digits (the memo's numerals), and the XML must mark the text Thai and draw
 * the header's dotted leaders. LibreOffice renders Thai the same with or
 * without language marks, so those are checked on the XML (DESIGN.md).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyNumerals } from "../../src/thai/digits.js";
import { paragraphsOf, part, runsOf, textOf } from "../export/docx/helpers.js";
import { exampleYaml, keys, list, score2, str } from "../helpers/example-yaml.js";
import { docxToPdf } from "../helpers/libreoffice.js";
import { pdfPageCount, pdfPages, squash } from "../helpers/pdf-text.js";
import { runCli } from "../helpers/run-cli.js";

let dir: string;
let docx: Uint8Array;
let printed: string;
let pdfPath: string;

const y = exampleYaml("khon-kaen-city", "2563.yaml");
const years = list(y, "memo", "years").map((v) => String(v));
const thai = (s: string): string => applyNumerals(s, "thai");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-e2e-docx-"));
  const r = await runCli(["build", "examples/khon-kaen-city", "--kind", "memo", "--year", "2563", "--format", "docx", "--out", join(dir, "out"), "--force"]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const path = join(dir, "out", "khon-kaen-city", "2563-memo.docx");
  docx = new Uint8Array(readFileSync(path));
  pdfPath = docxToPdf(path, dir);
  printed = pdfPages(pdfPath).join("\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * pdftotext reads LibreOffice's PDF of the TH SarabunPSK stand-in with some tone
 * marks one letter late (ตัวชี้วัด → "ตัวชีว้ัด"; the page shows them right), so
 * words are compared without tone marks.
 */
const words = (s: string): string => squash(s).replace(/[\u0E48-\u0E4B]/g, "");

/** Every number in the printed text, in reading order ("๘๗.๘๔", "๓๖.๖๗%", "๐"). */
const numbers = (text: string): string[] => text.match(/[๐-๙0-9]+(?:\.[๐-๙0-9]+)?%?/g) ?? [];

/** The expected numbers missing from `found`, counting repeats (ten "๑๐๐" need ten). */
function missingFrom(found: readonly string[], expected: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const n of found) left.set(n, (left.get(n) ?? 0) + 1);
  return expected.filter((n) => {
    const k = left.get(n) ?? 0;
    left.set(n, k - 1);
    return k <= 0;
  });
}

/** Is `seq` a subsequence of `found` (a table column read top to bottom)? */
function inOrder(found: readonly string[], seq: readonly string[]): boolean {
  let i = 0;
  for (const n of found) if (n === seq[i]) i++;
  return i === seq.length;
}

/** A year's column of the multi-year table, top to bottom: indicator scores with each tool's subtotal after them, then the total. */
function yearColumn(year: string): string[] {
  const f = exampleYaml("khon-kaen-city", `${year}.yaml`);
  const s = (id: string) => score2(str(f, "assessment", "scores", id));
  const o = (k: string) => score2(str(f, "assessment", "official", k));
  return [...["I1", "I2", "I3", "I4", "I5"].map(s), o("iit"), ...["E6", "E7", "E8"].map(s), o("eit"), ...["O9", "O10"].map(s), o("oit"), o("total")].map(thai);
}

describe("the memo DOCX printed by LibreOffice", () => {
  test("holds every score, subtotal and total of the multi-year table, each year's column in order", () => {
    const found = numbers(printed);
    expect(found.length).toBeGreaterThan(100);
    const all = years.flatMap((year) => [thai(year), ...yearColumn(year)]);
    expect(all).toHaveLength(3 * 15);
    expect(missingFrom(found, all)).toEqual([]);
    for (const year of years) expect(inOrder(found, yearColumn(year)), `column ${year}`).toBe(true);
    for (const year of years) {
      const f = exampleYaml("khon-kaen-city", `${year}.yaml`);
      const total = thai(`${score2(str(f, "assessment", "official", "total"))} ระดับ ${str(f, "assessment", "official", "grade")}`);
      expect(words(printed)).toContain(words(total));
      expect(words(printed)).toContain(words(thai(`${str(f, "assessment", "indicator_count")} ตัวชี้วัด`)));
    }
    expect(printed).not.toMatch(/\b(87\.84|75\.30)\b/);
  });

  test("holds the previous and current score of every weak item, in the table's order", () => {
    const items = list(y, "assessment", "oit_items");
    expect(items).toHaveLength(14);
    const previous = items.map((_, i) => thai(str(y, "assessment", "oit_items", i, "previous")));
    const current = items.map((_, i) => thai(str(y, "assessment", "oit_items", i, "score")));
    const found = numbers(printed);
    expect(missingFrom(found, [...previous, ...current])).toEqual([]);
    expect(inOrder(found, previous)).toBe(true);
    expect(inOrder(found, current)).toBe(true);
    const header = words(thai(`คะแนนปี ${years[1]}`));
    expect(words(printed)).toContain(header);
  });

  test("holds the grade distribution: counts and percentages, passed and failed", () => {
    const total = Number(str(y, "assessment", "peers", "total"));
    const grades = keys(y, "assessment", "peers", "counts");
    const counts = grades.map((g) => Number(str(y, "assessment", "peers", "counts", g)));
    const pct = (n: number) => thai(`${((n / total) * 100).toFixed(2)}%`);
    const passed = grades.reduce((s, g, i) => (g === "AA" || g === "A" ? s + counts[i]! : s), 0);
    const expected = [...counts.map((n) => thai(String(n))), ...counts.map(pct), thai(String(passed)), thai(String(total - passed)), pct(passed), pct(total - passed)];
    expect(expected).toContain("๓๖.๖๗%");
    expect(expected).toContain("๖๓.๓๓%");
    expect(missingFrom(numbers(printed), expected)).toEqual([]);
    expect(inOrder(numbers(printed), counts.map(pct))).toBe(true);
  });
});

describe("the memo DOCX in LibreOffice with TH SarabunPSK's stand-in installed", () => {
  test("is laid out in TH SarabunPSK only (no substitute face) and stays at most 5 pages (Laksaman unscaled: 10)", () => {
    const fonts = execFileSync("pdffonts", [pdfPath], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ""))
      .filter((f) => f !== "");
    expect([...new Set(fonts)].sort()).toEqual(["THSarabunPSK-Bold", "THSarabunPSK-Regular"]);
    expect(pdfPageCount(pdfPath)).toBeLessThanOrEqual(5);
  });

  test("numbers pages from 2 at the top centre: - 2 - (LibreOffice 7.4 cannot print Thai page digits from a DOCX; Word prints ๒)", () => {
    const pages = pdfPageCount(pdfPath);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= pages; i++) {
      const first = execFileSync("pdftotext", ["-layout", "-f", String(i), "-l", String(i), pdfPath, "-"], { encoding: "utf8" }).split("\n").find((l) => l.trim() !== "") ?? "";
      if (i === 1) expect(squash(first)).toBe("บันทึกข้อความ");
      else expect(squash(first)).toMatch(new RegExp(`^-(${i}|${"๐๑๒๓๔๕๖๗๘๙"[i]})-$`));
    }
    const header = part(docx, "word/header1.xml");
    expect(header).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(part(docx, "word/document.xml")).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
  });
});

describe("the memo DOCX's XML", () => {
  test("LibreOffice keeps English words whole (Latin runs are en-US, Thai runs th-TH)", () => {
    const words = printed.split(/\s+/);
    expect(words.filter((w) => /^(Tra|Transp|Integ|Assess)[a-z]*$/.test(w) && !["Transparency", "Integrity", "Assessment"].includes(w))).toEqual([]);
    expect(printed).toContain("Transparency");
  });

  test("marks every run of text Thai, in the complex-script slot too", () => {
    const xml = part(docx, "word/document.xml");
    const runs = runsOf(xml).filter((r) => textOf(r).length > 0);
    expect(runs.length).toBeGreaterThan(100);
    const unmarked = runs.filter((r) => !/<w:lang [^>]*w:val="en-US"[^>]*w:bidi="th-TH"|<w:lang [^>]*w:bidi="th-TH"[^>]*w:val="en-US"/.test(r));
    expect(unmarked.map(textOf)).toEqual([]);
    const noCsFont = runs.filter((r) => !/<w:rFonts [^>]*w:cs="[^"]+"/.test(r));
    expect(noCsFont.map(textOf)).toEqual([]);
  });

  test("draws dotted leaders to the right margin on the header lines and the approval comment lines", () => {
    const xml = part(docx, "word/document.xml");
    const paragraphs = paragraphsOf(xml);
    // A4 21 cm − left 3 cm − right 2 cm = 16 cm of text, in twentieths of a point.
    const rightEdge = Math.round((16 / 2.54) * 1440);
    const dotTabToEdge = (p: string) =>
      [...p.matchAll(/<w:tab w:val="right" w:pos="(\d+)" w:leader="dot"\/>/g)].some((m) => Math.abs(Number(m[1]) - rightEdge) <= 2);
    for (const label of ["ส่วนราชการ", "วันที่", "เรื่อง"]) {
      const p = paragraphs.find((x) => textOf(x).startsWith(label) || textOf(x).includes(`\t${label}`) || (label === "วันที่" && textOf(x).includes(label)));
      expect(p, label).toBeDefined();
      expect(dotTabToEdge(p!), label).toBe(true);
    }
    const commentLines = list(y, "memo", "approvals").reduce((n, _, i) => n + Number(str(y, "memo", "approvals", i, "comment_lines")), 0);
    expect(paragraphs.filter(dotTabToEdge).length).toBe(3 + commentLines);
  });
});
