/**
 * User text that looks like template or markup syntax is printed literally,
 * and very long text (a 5,000-character Thai "word", a 20,000-character
 * table cell) still makes a PDF that holds all of it. Times are printed for
 * the report, never asserted.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createdAtFor } from "../../src/cli/build/build-org.js";
import { loadTemplates } from "../../src/cli/build/resources-load.js";
import { loadBundledFonts } from "../../src/cli/resources.js";
import { planDocuments } from "../../src/documents/plan-documents.js";
import type { DocKind } from "../../src/documents/common.js";
import type { FontSet } from "../../src/export/exporter.js";
import { exportPdf } from "../../src/export/pdf/index.js";
import { loadInput } from "../../src/pipeline/index.js";
import type { TemplateSet } from "../../src/render/load-templates.js";
import { renderDocument } from "../../src/render/render-template.js";
import { containsText, pdfPageCount, pdfSegments, squash } from "../helpers/pdf-text.js";
import { NR_2564, NR_2565, NR_ORG } from "./helpers.js";

let templates: TemplateSet;
let fonts: FontSet;
const dir = mkdtempSync(join(tmpdir(), "itadoc-text-"));
const enc = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  const t = await loadTemplates(undefined, process.cwd());
  if (!t.ok) throw new Error("built-in templates do not load");
  templates = t.set;
  fonts = await loadBundledFonts();
});

/** Builds one document of Nakhon Ratchasima with edited year files; returns the PDF's text (whitespace removed), pages and export time. */
async function pdfOf(kind: DocKind, files: { "2564.yaml"?: string; "2565.yaml"?: string }, name: string) {
  const years = { "2564.yaml": NR_2564, "2565.yaml": NR_2565, ...files };
  const loaded = loadInput("n", { path: "n/org.yaml", bytes: enc(NR_ORG) }, Object.entries(years).map(([f, t]) => ({ path: `n/${f}`, bytes: enc(t) })));
  expect(loaded.errors).toEqual([]);
  const job = planDocuments(loaded.org!, { kinds: [kind] })[0]!;
  if (!job.result.ok) throw new Error(JSON.stringify(job.result.errors));
  const rendered = renderDocument(templates, kind, job.result.data);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
  const started = performance.now();
  const pdf = await exportPdf(rendered.doc, { fonts, createdAt: createdAtFor(job.fiscalYear) });
  const ms = performance.now() - started;
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { text: squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 })), pages: pdfPageCount(file), ms, file };
}

const SYLLABLES = ["การ", "ประ", "เมิน", "คุณ", "ธรรม", "ความ", "โปร่ง", "ใส", "ท้อง", "ถิ่น", "น้ำ", "ที่", "ผู้"];
/** Thai text of about n characters; a space after every `spaceEvery` syllables (0: none at all). */
function thai(n: number, spaceEvery: number): string {
  let s = "";
  for (let i = 0; s.length < n; i++) s += SYLLABLES[(i * 5) % SYLLABLES.length]! + (spaceEvery > 0 && i % spaceEvery === spaceEvery - 1 ? " " : "");
  return s.trim();
}

/** Replaces the last match of a one-line pattern (the last row of the measures table). */
function replaceLast(text: string, pattern: RegExp, by: string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, "g"))];
  const m = matches.at(-1);
  if (!m || m.index === undefined) throw new Error(`${pattern} not in the text`);
  return text.slice(0, m.index) + by + text.slice(m.index + m[0].length);
}

describe("user text that looks like syntax", () => {
  test("{{ }}, <, >, & and an HTML entity are printed as typed, never run or parsed", async () => {
    const typed = "ข้อความ {{org.name}} และ }} {{> memo}} <b>ตัวหนา</b> & &amp; <br/> {{{x}}}";
    const year = NR_2564.replace(/^report:\n(\s+analyses: .*\n)?(\s+numerals: .*\n)?/m, (m) => `${m}  title: ${JSON.stringify(typed)}\n`);
    const { text } = await pdfOf("report", { "2564.yaml": year }, "literal");
    expect(text).toContain(squash(typed));
    expect(text).not.toContain("เทศบาลนครนครราชสีมาและ");
  });
});

describe("very long text", () => {
  test("a 5,000-character Thai word with no break opportunity is printed whole, cut across lines", async () => {
    const word = thai(5000, 0);
    const year = replaceLast(NR_2565, /deadline: .*/, `deadline: ${word}`);
    const r = await pdfOf("measures", { "2565.yaml": year }, "word-5000");
    console.log(`5,000-character word in a measures cell: ${r.ms.toFixed(0)} ms, ${r.pages} pages`);
    expect(containsText(pdfSegments(r.file), word)).toBe(true);
  });

  test("a 20,000-character cell in the last row of the measures table is printed whole across pages", async () => {
    const cell = thai(20000, 9);
    const year = replaceLast(NR_2565, /reporting: .*/, `reporting: ${cell}`);
    const r = await pdfOf("measures", { "2565.yaml": year }, "cell-20000-last");
    console.log(`20,000-character cell, last row: ${r.ms.toFixed(0)} ms, ${r.pages} pages`);
    // Cells beside it share its printed lines: compare per cell (a boolean, so a failure does not print 20,000 characters).
    expect(containsText(pdfSegments(r.file), cell)).toBe(true);
    expect(r.pages).toBeGreaterThan(5);
  });

  test("a 20,000-character cell in the first row of the measures table is printed whole across pages", async () => {
    // Fails with pdfmake's keepWithHeaderRows: 1 (src/export/pdf/blocks/table.ts): the header and
    // the first row become one unbreakable block, and a block taller than a page is dropped silently.
    const cell = thai(20000, 9);
    const year = NR_2565.replace(/reporting: .*/, `reporting: ${cell}`);
    const r = await pdfOf("measures", { "2565.yaml": year }, "cell-20000-first");
    console.log(`20,000-character cell, first row: ${r.ms.toFixed(0)} ms, ${r.pages} pages`);
    expect(containsText(pdfSegments(r.file), cell)).toBe(true);
  });
});
