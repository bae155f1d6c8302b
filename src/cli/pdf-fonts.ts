/**
 * The font family the PDFs embed. By default TLWG's Laksaman (fonts/): TH
 * Sarabun New's own outlines and widths, redistributable (GPL-2+ with font
 * exception, fonts/LAKSAMAN-LICENSE.txt), drawn at the scale of
 * fonts/sizes.json so that its 16 pt looks and sets like TH Sarabun New's
 * 16 pt in Word. An organisation may point org.yaml `settings.pdf_font` at
 * its own official TrueType files (checked in input/pdf-font-path.ts);
 * those are the official face, so they are drawn at their sizes.json scale
 * or 1.
 *
 * Loaded once per process (or worker) and per font path.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { FontSet } from "../export/exporter.js";
import { FONTS_DIR } from "./resources.js";

/** The bundled PDF family's files: regular, bold, italic, bold italic. */
export const PDF_FONT_FILES = ["Laksaman.ttf", "Laksaman-Bold.ttf", "Laksaman-Italic.ttf", "Laksaman-BoldItalic.ttf"] as const;

/** The faces of a PDF font given in org.yaml; italics fall back to the upright faces. */
export interface PdfFontFiles {
  readonly regular: string;
  readonly bold: string;
  readonly italic?: string;
  readonly boldItalic?: string;
}

interface SizeEntry {
  readonly scale?: number;
}

// fontkit comes with pdfkit, pdfmake's dependency: only the family name is read here
const fontkit = createRequire(createRequire(createRequire(import.meta.url).resolve("pdfmake/package.json")).resolve("pdfkit/package.json"))("fontkit") as {
  create(bytes: Buffer): { familyName?: string };
};

let sizes: Promise<Record<string, SizeEntry>> | undefined;
const loaded = new Map<string, Promise<FontSet>>();

function sizeTable(): Promise<Record<string, SizeEntry>> {
  sizes ??= readFile(join(FONTS_DIR, "sizes.json"), "utf8").then((t) => JSON.parse(t) as Record<string, SizeEntry>);
  return sizes;
}

async function load(files: PdfFontFiles, defaultScale: number): Promise<FontSet> {
  const read = async (path: string) => new Uint8Array(await readFile(path));
  const [regular, bold, italic, boldItalic] = await Promise.all([
    read(files.regular),
    read(files.bold),
    read(files.italic ?? files.regular),
    read(files.boldItalic ?? files.bold),
  ]);
  const family = fontkit.create(Buffer.from(regular)).familyName ?? "PDF";
  const scale = (await sizeTable())[family]?.scale ?? defaultScale;
  return { family, sizeScale: scale, regular, bold, italic, boldItalic };
}

/** The bundled PDF family (Laksaman). */
export function loadBundledPdfFonts(): Promise<FontSet> {
  const [regular, bold, italic, boldItalic] = PDF_FONT_FILES.map((f) => join(FONTS_DIR, f)) as [string, string, string, string];
  return loadPdfFonts({ regular, bold, italic, boldItalic });
}

/** A PDF family from TrueType files; an unknown family is taken as the official face (scale 1). */
export function loadPdfFonts(files: PdfFontFiles): Promise<FontSet> {
  const key = JSON.stringify(files);
  let set = loaded.get(key);
  if (!set) {
    set = load(files, 1);
    loaded.set(key, set);
    // a failed read is not kept: the next build may find the file
    set.catch(() => loaded.delete(key));
  }
  return set;
}
