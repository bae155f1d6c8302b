/**
 * Issue 14, "Must show: Generality": real documents of organisations other
 * than the examples' (docs/generality.md), written as input under
 * docs/generality/<name>/ with no template or code made for them. Beside
 * each folder, <name>.items.yaml (outside it, so a build of the folder reads
 * only the input) lists the source's items (headings, paragraphs, table
 * cells, numbers) and says which itadoc prints; this test builds each folder
 * in-process to PDF and DOCX, takes the text of both, and holds every claim
 * to it, both ways: a "yes" item must be printed as the source prints it, a
 * "digits" item only with its digits in the other script, a "merged" item
 * only inside another cell, and the share stated in the item list must be the
 * share of "yes" items. A folder whose item list has `after:` is built a
 * second time with those keys set and removed (the input as it can be after
 * the code changes that followed the trial), its items held to their
 * `after:` status and the share to `after.share`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createdAtFor } from "../../src/cli/build/build-org.js";
import { loadBundledPdfFonts } from "../../src/cli/pdf-fonts.js";
import { loadBundledFonts } from "../../src/cli/resources.js";
import type { DocModel } from "../../src/model/document.js";
import { documentsOf, type BuiltDocument } from "../../src/pipeline/index.js";
import { part } from "../export/docx/helpers.js";
import { builtinTemplates } from "../helpers/example-model.js";
import { ROOT, source } from "../helpers/load-example.js";
import { editedYaml, type YamlEdit } from "../helpers/yaml-edit.js";

const GENERALITY = join(ROOT, "docs", "generality");

interface Item {
  readonly type: "heading" | "paragraph" | "cell" | "number";
  readonly text: string;
  /** yes: printed as the source prints it; digits: only with Thai/Arabic digits swapped; merged: only inside another cell; no: not printed. */
  readonly reproduced: Status;
  /** Its status after the code change, when that differs. */
  readonly after?: Status;
  /** The source has the item this many times (default 1). */
  readonly count?: number;
  readonly why?: string;
}

type Status = "yes" | "digits" | "merged" | "no";

interface Items {
  readonly output: string;
  /** "reproduced/total", over every item counted `count` times. */
  readonly share: string;
  /** The same input with keys set (YAML paths → values) and keys removed in one year file, and the share then. */
  readonly after?: YamlEdit & { readonly file: string; readonly share: string };
  readonly items: readonly Item[];
}

/** The trial's input as it is, and the input after the code change. */
const VARIANTS = ["trial", "after"] as const;
type Variant = (typeof VARIANTS)[number];

/** pdftotext breaks Thai lines anywhere and the DOCX splits runs: compare without whitespace. */
const squash = (s: string): string => s.replace(/\s+/g, "");
const arabic = (s: string): string => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const occurrences = (hay: string, needle: string): number => hay.split(needle).length - 1;

function docxText(docx: Uint8Array): string {
  const xml = part(docx, "word/document.xml");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join("").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

/** poppler missing is an error (execFileSync throws), never a skip. */
function pdfText(pdf: Uint8Array, path: string): string {
  writeFileSync(path, pdf);
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
}

const folders = readdirSync(GENERALITY, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const itemsOf = (name: string) => parse(readFileSync(join(GENERALITY, `${name}.items.yaml`), "utf8")) as Items;
const cases = folders.flatMap((name) => VARIANTS.filter((v) => v === "trial" || itemsOf(name).after).map((variant) => ({ name, variant })));

let dir: string;
const built = new Map<string, { items: Items; doc: BuiltDocument; texts: { pdf: string; docx: string } }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-generality-"));
  const templates = await builtinTemplates();
  const [fonts, pdfFonts] = [await loadBundledFonts(), await loadBundledPdfFonts()];
  for (const { name, variant } of cases) {
    const folder = join(GENERALITY, name);
    const items = itemsOf(name);
    const names = readdirSync(folder).sort();
    const change = variant === "after" ? items.after : undefined;
    const { loadErrors, documents } = await documentsOf({
      dir: folder,
      org: source(join(folder, "org.yaml")),
      yearFiles: names.filter((n) => /^\d{4}\.yaml$/.test(n)).map((n) => source(join(folder, n), n === change?.file ? editedYaml(join(folder, n), change) : undefined)),
      templates,
      formats: ["pdf", "docx"],
      exportOptions: (job, format) => ({ fonts: format === "pdf" ? pdfFonts : fonts, createdAt: createdAtFor(job.fiscalYear) }),
    });
    expect(loadErrors.filter((d) => d.severity === "error"), name).toEqual([]);
    const doc = documents.find((d) => d.job.baseName === items.output);
    if (!doc?.model) throw new Error(`${name}: no ${items.output} built (${documents.map((d) => d.job.baseName).join(", ")})`);
    const texts = { pdf: squash(pdfText(doc.bytes.get("pdf")!, join(dir, `${name}-${variant}.pdf`))), docx: squash(docxText(doc.bytes.get("docx")!)) };
    built.set(`${name} ${variant}`, { items, doc, texts });
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tablesOf = (m: DocModel) => m.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === "table" ? [b] : [])));
const headerRowsOf = (m: DocModel): number[] => tablesOf(m).map((t) => t.headerRows);
/** Every line of every table cell (a cell's paragraphs), squashed: a cell item printed as a cell of its own is one of them. */
const cellLines = (m: DocModel): string[] =>
  tablesOf(m).flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.flatMap((b) => (b.type === "paragraph" ? [squash(b.runs.map((x) => x.text).join(""))] : [])))));

test("there are real documents to try", () => {
  expect(folders.length).toBeGreaterThanOrEqual(2);
});

describe.each(cases)("$name ($variant)", ({ name, variant }) => {
  const get = () => built.get(`${name} ${variant}`)!;
  const statusOf = (i: Item): Status => (variant === "after" ? (i.after ?? i.reproduced) : i.reproduced);

  test("its document is built with no template error", () => {
    expect(get().doc.templateErrors).toEqual([]);
  });

  test.each(["pdf", "docx"] as const)("every item is in the %s's text exactly as its item list says", (format) => {
    const { items, texts } = get();
    const text = texts[format];
    for (const item of items.items) {
      const want = squash(item.text);
      const status = statusOf(item);
      const label = `${item.type} "${item.text}" (${status})`;
      switch (status) {
        case "yes":
          expect(text.includes(want), label).toBe(true);
          break;
        case "digits":
          expect(text.includes(want), label).toBe(false);
          expect(arabic(text).includes(arabic(want)), label).toBe(true);
          break;
        case "merged":
          // Its text is printed as often as the source has it, but never as a cell of its own (a table has one header row).
          expect(occurrences(text, want), label).toBe(item.count ?? 1);
          expect(headerRowsOf(get().doc.model!).every((n) => n === 1), label).toBe(true);
          break;
        case "no":
          expect(arabic(text).includes(arabic(want)), label).toBe(false);
          break;
      }
    }
  });

  test("a table cell printed (in either digits) is a cell, or a line of one, of its own", () => {
    const lines = cellLines(get().doc.model!).map(arabic);
    for (const item of get().items.items) {
      if (item.type === "cell" && (statusOf(item) === "yes" || statusOf(item) === "digits")) expect(lines, item.text).toContain(arabic(squash(item.text)));
    }
  });

  test("the share stated in its item list is the share of items printed as the source prints them", () => {
    const { items } = get();
    const count = (pred: (i: Item) => boolean) => items.items.filter(pred).reduce((n, i) => n + (i.count ?? 1), 0);
    const share = variant === "after" ? items.after!.share : items.share;
    expect(share).toBe(`${count((i) => statusOf(i) === "yes")}/${count(() => true)}`);
  });

  test("every item not reproduced says why", () => {
    for (const item of get().items.items) if (statusOf(item) !== "yes") expect(item.why, item.text).toBeTruthy();
  });
});
