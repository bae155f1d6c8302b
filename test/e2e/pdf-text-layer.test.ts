/**
 * Every PDF itadoc makes reads as typed in every common viewer: the text that
 * poppler, pdf.js (Firefox), PDFium (Chrome, Edge) and MuPDF extract holds
 * every Thai word of the document model (whitespace ignored), with no U+FFFD
 * or private-use guesses, and no glyph maps to empty text in a ToUnicode CMap.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { DocKind } from "../../src/documents/common.js";
import { builtinTemplates, exampleModel } from "../helpers/example-model.js";
import { modelParagraphs } from "../helpers/model-text.js";
import { badCharacters, EXTRACTORS, extractText, missingWords, thaiWords, toUnicodeEntries } from "../helpers/pdf-extractors.js";
import { sharedExampleBuild } from "../helpers/shared-build.js";

/** Every example document, one of each kind at least. */
const DOCS: ReadonlyArray<readonly [file: string, org: string, year: number, kind: DocKind]> = [
  ["khon-kaen-city/2563-memo.pdf", "khon-kaen-city", 2563, "memo"],
  ["khon-kaen-city/2564-measures.pdf", "khon-kaen-city", 2564, "measures"],
  ["nakhon-ratchasima-city/2564-report.pdf", "nakhon-ratchasima-city", 2564, "report"],
  ["nakhon-ratchasima-city/2565-measures.pdf", "nakhon-ratchasima-city", 2565, "measures"],
];

let out: string;
const expectedWords = new Map<string, string[]>();

beforeAll(async () => {
  const r = await sharedExampleBuild("pdf");
  out = r.out;
  expect(r.code, r.output).toBe(0);
  const templates = await builtinTemplates();
  for (const [file, org, year, kind] of DOCS) expectedWords.set(file, thaiWords(modelParagraphs(exampleModel(templates, org, year, kind))));
});

describe.each(DOCS)("%s", (file) => {
  const bytes = (): Uint8Array => readFileSync(join(out, file));

  test("no ToUnicode entry maps a glyph to empty text", () => {
    const entries = toUnicodeEntries(bytes());
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.filter((e) => e.unicode.length === 0)).toEqual([]);
  });

  test.each(EXTRACTORS)("%s extracts every Thai word of the document, and no U+FFFD or private-use character", async (name) => {
    const text = await extractText(name, join(out, file), bytes());
    const expected = expectedWords.get(file) ?? [];
    expect(expected.length).toBeGreaterThan(30);
    const missing = missingWords(expected, text);
    expect({ missing: missing.length, of: expected.length, words: missing.slice(0, 20) }).toEqual({ missing: 0, of: expected.length, words: [] });
    expect(badCharacters(text)).toEqual([]);
  });
});
