/**
 * The report's score table merges the เครื่องมือ cell over each tool's rows
 * (IIT over I1–I5, EIT over E6–E8, OIT over O9–O10). Issue 12 item 8: with
 * short rows (no indicator_analysis) the PDF printed "IIT" beside E6 and
 * "EIT" beside E7, with no border between them. With long rows the table
 * runs over a page break (OIT's span starts on page 1 and ends on page 2).
 *
 * Built by the CLI from the Nakhon Ratchasima example with long rows (as it
 * is) and short rows (its indicator_analysis removed), in both formats: the
 * PDF's text positions, the DOCX's vMerge XML and LibreOffice's print of it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { part } from "../export/docx/helpers.js";
import { docxToPdf } from "../helpers/libreoffice.js";
import { EXAMPLES } from "../helpers/load-example.js";
import { pdfWords, type PdfWord } from "../helpers/pdf-words.js";
import { runCli } from "../helpers/run-cli.js";

const ORG = "nakhon-ratchasima-city";
const TOOLS = [
  { code: "IIT", rows: ["I1", "I2", "I3", "I4", "I5"] },
  { code: "EIT", rows: ["E6", "E7", "E8"] },
  { code: "OIT", rows: ["O9", "O10"] },
] as const;

type Word = PdfWord;

/** (page, y) order of the printed words. */
const before = (a: Word, b: Word): boolean => a.page < b.page || (a.page === b.page && a.yMax <= b.yMax + 2);

/**
 * Each tool's code is printed within its own rows, on the page its span
 * starts: not above its first row, not below its last row on that page,
 * above the next tool's first row.
 */
function expectCodesBesideTheirRows(pdf: string): void {
  // Only the score table: the report's charts follow it, and the indicator chart's labels (I1 … O10)
  // can stand at the indicator column's x. The first chart's title ("คะแนนรวม ITA …") ends the table.
  const all = pdfWords(pdf);
  const chartTitle = all.filter((w) => w.text === "ITA").sort((a, b) => a.page - b.page || a.yMin - b.yMin)[0];
  const words = chartTitle ? all.filter((w) => w.page < chartTitle.page || (w.page === chartTitle.page && w.yMax < chartTitle.yMin)) : all;
  const one = (text: string, where: (w: Word) => boolean): Word => {
    const found = words.filter((w) => w.text === text && where(w));
    expect(found, `"${text}" once in its place`).toHaveLength(1);
    return found[0]!;
  };
  // Indicator ids start the indicator column; the tool codes stand left of it,
  // before the subtotal rows ("รวม IIT …") that follow the last indicator.
  const indicatorX = words.find((w) => w.text === "I1")?.xMin ?? NaN;
  const row = (id: string) => one(id, (w) => Math.abs(w.xMin - indicatorX) < 3);
  const lastRow = row("O10");
  const toolCode = (text: string) => one(text, (w) => w.xMin < indicatorX - 4 && before(w, lastRow));
  TOOLS.forEach((tool, t) => {
    const code = toolCode(tool.code);
    const first = row(tool.rows[0]);
    const onPage = tool.rows.map(row).filter((w) => w.page === code.page);
    const last = onPage[onPage.length - 1]!;
    expect(code.page, `${tool.code} on the page of ${tool.rows[0]}`).toBe(first.page);
    expect(code.yMin, `${tool.code} not above ${tool.rows[0]}`).toBeGreaterThanOrEqual(first.yMin - 2);
    expect(code.yMax, `${tool.code} not below ${last.text}'s row`).toBeLessThanOrEqual(last.yMax + 14);
    const nextTool = TOOLS[t + 1];
    const next = nextTool ? row(nextTool.rows[0]) : undefined;
    if (next && next.page === code.page) expect(code.yMax, `${tool.code} above ${next.text}`).toBeLessThan(next.yMin);
  });
}

/** The score table's tool column in the DOCX: restart at each tool's first row, continue over the rest. */
function toolColumnMerges(docx: Uint8Array): string[] {
  const xml = part(docx, "word/document.xml");
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? "";
  const rows = Array.from(table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g), (m) => m[0]).slice(1, 11);
  return rows.map((row) => {
    const second = Array.from(row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g), (m) => m[0])[1] ?? "";
    const merge = /<w:vMerge w:val="(\w+)"\/>/.exec(second)?.[1] ?? "none";
    const text = Array.from(second.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1]).join("");
    return text ? `${merge}:${text}` : merge;
  });
}

const EXPECTED_MERGES = ["restart:IIT", "continue", "continue", "continue", "continue", "restart:EIT", "continue", "continue", "restart:OIT", "continue"];

let dir: string;
const built: Record<"long" | "short", { pdf: string; docx: string }> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-e2e-spans-"));
  for (const variant of ["long", "short"] as const) {
    const input = join(dir, variant, ORG);
    cpSync(join(EXAMPLES, ORG), input, { recursive: true });
    if (variant === "short") {
      const path = join(input, "2564.yaml");
      const doc = parseDocument(readFileSync(path, "utf8"));
      const key = findAnalysis(doc);
      expect(key, "the example has indicator_analysis to remove").toBeDefined();
      doc.deleteIn(key!);
      writeFileSync(path, doc.toString());
    }
    const out = join(dir, variant, "out");
    const r = await runCli(["build", input, "--kind", "report", "--format", "pdf,docx", "--out", out]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    built[variant] = { pdf: join(out, ORG, "2564-report.pdf"), docx: join(out, ORG, "2564-report.docx") };
  }
});

/** The path of the year's indicator_analysis key, wherever the example keeps it. */
function findAnalysis(doc: ReturnType<typeof parseDocument>): string[] | undefined {
  const top = doc.toJS() as Record<string, unknown>;
  for (const [key, value] of Object.entries(top)) {
    if (key === "indicator_analysis") return [key];
    if (value && typeof value === "object" && "indicator_analysis" in value) return [key, "indicator_analysis"];
  }
  return undefined;
}

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(["short", "long"] as const)("report score table, %s rows", (variant) => {
  test("PDF: each tool's merged cell is printed beside its own rows", () => {
    expectCodesBesideTheirRows(built[variant].pdf);
  });

  test("DOCX: the tool column merges exactly each tool's rows", () => {
    expect(toolColumnMerges(new Uint8Array(readFileSync(built[variant].docx)))).toEqual(EXPECTED_MERGES);
  });

  test("DOCX printed by LibreOffice: each tool's merged cell is beside its own rows", () => {
    expectCodesBesideTheirRows(docxToPdf(built[variant].docx, join(dir, variant)));
  }, 120_000);
});
