/**
 * Both exporters print the same text in the same order: every kind of every
 * example goes through the pipeline to PDF and to DOCX, and the PDF's text
 * (pdftotext -raw: content order, so a table row's cells come one after the
 * other) equals the DOCX's document.xml text, whitespace aside. Two
 * differences are by design and taken out of the PDF's text: the page numbers
 * (the DOCX has them as a field in its header part) and a table's header rows
 * repeated at the top of a page (the DOCX marks them once, w:tblHeader, and
 * Word repeats them). A third: a chart's text, which the DOCX holds in its
 * chart part (Word lays it out), and the PDF prints where the chart stands.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOC_KINDS } from "../../src/documents/kinds.js";
import type { CellBlock, DocModel } from "../../src/model/document.js";
import { loadBundledFonts } from "../../src/cli/resources.js";
import { loadBundledPdfFonts } from "../../src/cli/pdf-fonts.js";
import { createdAtFor } from "../../src/cli/build/build-org.js";
import { documentsOf, type BuiltDocument } from "../../src/pipeline/index.js";
import { part } from "../export/docx/helpers.js";
import { builtinTemplates } from "../helpers/example-model.js";
import { EXAMPLES, source } from "../helpers/load-example.js";

const squash = (s: string): string => s.replace(/\s+/g, "");

function docxText(docx: Uint8Array): string {
  const xml = part(docx, "word/document.xml");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join("").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

const arabic = (s: string): string => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

/** The text of each table's header rows, squashed, digits as Arabic (the model may hold either). */
function headerTexts(doc: DocModel): string[] {
  const text = (blocks: readonly CellBlock[]): string => blocks.map((b) => (b.type === "paragraph" ? b.runs.map((r) => r.text).join("") : b.items.map((i) => i.marker + i.runs.map((r) => r.text).join("")).join(""))).join("");
  return doc.sections.flatMap((sec) => sec.blocks.flatMap((b) => (b.type === "table" && b.headerRows > 0 ? [arabic(squash(b.rows.slice(0, b.headerRows).flatMap((r) => r.cells.map((c) => text(c.blocks))).join("")))] : [])));
}

/** Each chart's text, squashed, in the order the PDF draws it: title, axis numbers, values, category labels, pass label, legend. */
function chartTexts(doc: DocModel): string[] {
  return doc.sections.flatMap((sec) =>
    sec.blocks.flatMap((b) =>
      b.type === "chart"
        ? [squash([b.title, ...b.ticks.map((t) => t.text), ...b.series.flatMap((s) => s.values.map((v) => v.text)), ...b.categories, b.passLine?.label ?? "",
            ...(b.series.length > 1 || b.series.some((s) => s.name !== "") ? b.series.map((s) => s.name) : [])].join(""))]
        : [],
    ),
  );
}

function pdfText(pdf: Uint8Array, doc: DocModel, dir: string, name: string): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  const headers = headerTexts(doc).filter((h) => h.length > 0);
  const charts = chartTexts(doc);
  return pdfPages(path).map((page, i) => {
    // The running page number ("- ๒ -") of pages 2 and on.
    let text = squash(page.replace(/^- [0-9๐-๙]+ -$/m, ""));
    if (i > 0) {
      const h = headers.find((x) => arabic(text).startsWith(x));
      // Digits are the same count of characters in either script: cut by length.
      if (h) text = text.slice(h.length);
    }
    for (const c of charts) text = text.replace(c, "");
    return text;
  }).join("");
}

/** One string per page, in content order (-raw). */
function pdfPages(path: string): string[] {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }).split("\f").filter((p, i, all) => i < all.length - 1 || p.trim() !== "");
}

let dir: string;
const built: BuiltDocument[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-same-text-"));
  const templates = await builtinTemplates();
  const [fonts, pdfFonts] = [await loadBundledFonts(), await loadBundledPdfFonts()];
  for (const org of readdirSync(EXAMPLES).sort()) {
    const folder = join(EXAMPLES, org);
    const names = readdirSync(folder).sort();
    const { documents } = await documentsOf({
      dir: folder,
      org: source(join(folder, "org.yaml")),
      yearFiles: names.filter((n) => /^\d{4}\.yaml$/.test(n)).map((n) => source(join(folder, n))),
      templates,
      formats: ["pdf", "docx"],
      exportOptions: (job, format) => ({ fonts: format === "pdf" ? pdfFonts : fonts, createdAt: createdAtFor(job.fiscalYear) }),
    });
    built.push(...documents);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("PDF and DOCX of one model", () => {
  it("the examples have every kind", () => {
    expect(new Set(built.map((d) => d.job.kind))).toEqual(new Set(DOC_KINDS));
    for (const d of built) expect(d.templateErrors).toEqual([]);
  });

  it.each(DOC_KINDS)("%s: the same text in the same order in both formats", (kind) => {
    const docs = built.filter((d) => d.job.kind === kind);
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const name = `${d.job.baseName}-${d.job.file.replace(/\W+/g, "_")}`;
      const pdf = pdfText(d.bytes.get("pdf")!, d.model!, dir, name);
      const docx = squash(docxText(d.bytes.get("docx")!));
      expect(docx.length).toBeGreaterThan(200);
      expect(pdf, `${d.job.file} ${kind}`).toBe(docx);
    }
  });
});
