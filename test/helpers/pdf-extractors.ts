/**
 * The text of a PDF as four independent readers extract it: poppler
 * (pdftotext; Evince, Okular), pdf.js (Firefox's viewer), PDFium (Chrome and
 * Edge) and MuPDF. Each reader interprets ToUnicode CMaps, glyph widths and
 * mark positions in its own way, so Thai text that one extracts faithfully
 * another may cut or garble (คุ%ณธรรม, U+FFFD). A missing reader is an error,
 * never a skip.
 *
 * Also reads the ToUnicode CMaps themselves, to count entries that map a
 * glyph to no text at all (`<>`), which readers fill in with guesses.
 */
import { execFileSync } from "node:child_process";
import { inflateSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PDFiumLibrary } from "@hyzyla/pdfium";
import * as mupdf from "mupdf";

export type ExtractorName = "poppler" | "pdfjs" | "pdfium" | "mupdf";

export const EXTRACTORS: readonly ExtractorName[] = ["poppler", "pdfjs", "pdfium", "mupdf"];

function popplerText(path: string, _bytes: Uint8Array): Promise<string> {
  return Promise.resolve(execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8", maxBuffer: 64 << 20 }));
}

async function pdfjsText(_path: string, bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of (detaches) the buffer it is given
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

let pdfium: Promise<Awaited<ReturnType<typeof PDFiumLibrary.init>>> | undefined;

async function pdfiumText(_path: string, bytes: Uint8Array): Promise<string> {
  pdfium ??= PDFiumLibrary.init();
  const library = await pdfium;
  const doc = await library.loadDocument(new Uint8Array(bytes));
  const pages: string[] = [];
  for (const page of doc.pages()) pages.push(page.getText());
  doc.destroy();
  return pages.join("\n");
}

function mupdfText(_path: string, bytes: Uint8Array): Promise<string> {
  const doc = mupdf.Document.openDocument(new Uint8Array(bytes), "application/pdf");
  const pages: string[] = [];
  for (let i = 0; i < doc.countPages(); i++) pages.push(doc.loadPage(i).toStructuredText("preserve-whitespace").asText());
  doc.destroy();
  return Promise.resolve(pages.join("\n"));
}

const READERS: Record<ExtractorName, (path: string, bytes: Uint8Array) => Promise<string>> = {
  poppler: popplerText,
  pdfjs: pdfjsText,
  pdfium: pdfiumText,
  mupdf: mupdfText,
};

export function extractText(name: ExtractorName, path: string, bytes: Uint8Array): Promise<string> {
  return READERS[name](path, bytes);
}

const THAI_WORD = /[\u0E01-\u0E5B]/u;
const words = new Intl.Segmenter("th", { granularity: "word" });

/** The distinct words of `texts` that contain a Thai character (ICU's word segmentation). */
export function thaiWords(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const { segment } of words.segment(text)) if (THAI_WORD.test(segment)) found.add(segment.replace(/\s+/g, ""));
  }
  return [...found].filter((w) => w.length > 0).sort();
}

/** The words that `extracted` does not contain, whitespace ignored. */
export function missingWords(expected: readonly string[], extracted: string): string[] {
  const flat = extracted.replace(/\s+/g, "");
  return expected.filter((w) => !flat.includes(w));
}

/** U+FFFD and private-use characters (a reader's guess at a glyph it cannot map). */
export function badCharacters(extracted: string): string[] {
  return [...extracted].filter((c) => /[\uFFFD\uE000-\uF8FF]/u.test(c) || (c.codePointAt(0) ?? 0) >= 0xf0000);
}

/** One ToUnicode entry: a glyph code and the UTF-16BE hex it maps to. */
export interface CMapEntry {
  readonly code: string;
  readonly unicode: string;
}

function streamOf(pdf: Buffer, objNum: string): Buffer {
  const head = new RegExp(`(?:^|[\\r\\n])${objNum} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(pdf.toString("latin1"));
  if (!head) throw new Error(`object ${objNum} is not a stream`);
  const length = Number(/\/Length (\d+)/.exec(head[1] ?? "")?.[1]);
  const start = head.index + head[0].length;
  const data = pdf.subarray(start, start + length);
  return /\/FlateDecode/.test(head[1] ?? "") ? inflateSync(data) : data;
}

/** A CMap hex string may be written in groups (`<0e19 0e49>`). */
const hex = (s: string | undefined): string => (s ?? "").replace(/\s+/g, "");

/** Every entry of every ToUnicode CMap in the file (pdfkit writes no object streams). */
export function toUnicodeEntries(bytes: Uint8Array): CMapEntry[] {
  const pdf = Buffer.from(bytes);
  const refs = new Set([...pdf.toString("latin1").matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => m[1] as string));
  const entries: CMapEntry[] = [];
  for (const ref of refs) {
    const cmap = streamOf(pdf, ref).toString("latin1");
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of (block[1] ?? "").matchAll(/<([0-9a-fA-F]*)>\s*<([0-9a-fA-F\s]*)>/g)) entries.push({ code: m[1] ?? "", unicode: hex(m[2]) });
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of (block[1] ?? "").matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
        const first = parseInt(m[1] ?? "0", 16);
        const dst = m[3] ?? "";
        if (dst.startsWith("[")) {
          [...dst.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((d, k) => entries.push({ code: (first + k).toString(16), unicode: hex(d[1]) }));
        } else {
          const last = parseInt(m[2] ?? "0", 16);
          for (let c = first; c <= last; c++) entries.push({ code: c.toString(16), unicode: hex(dst.slice(1, -1)) });
        }
      }
    }
  }
  return entries;
}
