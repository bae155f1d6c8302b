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
import type { FontSet } from "../export/exporter.js";
import { familySize } from "../export/pdf/size-table.js";
import { FONTS_DIR, readSizeTable } from "./resources.js";

/** The bundled PDF family's files: regular, bold, italic, bold italic. */
export const PDF_FONT_FILES = ["Laksaman.ttf", "Laksaman-Bold.ttf", "Laksaman-Italic.ttf", "Laksaman-BoldItalic.ttf"] as const;

/**
 * The family name Laksaman.ttf declares (test/cli/pdf-fonts.test.ts reads it from the file): known, so that
 * loading the bundled faces does not load fontkit to read it, and a run that makes no PDF never loads fontkit.
 */
export const BUNDLED_PDF_FAMILY = "Laksaman";

/** The faces of a PDF font given in org.yaml; italics fall back to the upright faces. */
export interface PdfFontFiles {
  readonly regular: string;
  readonly bold: string;
  readonly italic?: string;
  readonly boldItalic?: string;
}

const loaded = new Map<string, Promise<FontSet>>();

async function load(files: PdfFontFiles, knownFamily: string | undefined): Promise<FontSet> {
  const read = async (path: string) => new Uint8Array(await readFile(path));
  const [regular, bold, italic, boldItalic] = await Promise.all([
    read(files.regular),
    read(files.bold),
    read(files.italic ?? files.regular),
    read(files.boldItalic ?? files.bold),
  ]);
  const family = knownFamily ?? (await import("../export/pdf/internals/fontkit.js")).familyNameOf(regular) ?? "PDF";
  return { family, sizeScale: familySize(await readSizeTable(), family).scale, regular, bold, italic, boldItalic };
}

/** The bundled PDF family (Laksaman). */
export function loadBundledPdfFonts(): Promise<FontSet> {
  const [regular, bold, italic, boldItalic] = PDF_FONT_FILES.map((f) => join(FONTS_DIR, f)) as [string, string, string, string];
  return loadPdfFonts({ regular, bold, italic, boldItalic }, BUNDLED_PDF_FAMILY);
}

/**
 * A PDF family from TrueType files, named as its regular face declares (or `knownFamily`, for the bundled
 * faces); an unknown family is taken as the official face (scale 1).
 */
export function loadPdfFonts(files: PdfFontFiles, knownFamily?: string): Promise<FontSet> {
  const key = JSON.stringify([files, knownFamily]);
  let set = loaded.get(key);
  if (!set) {
    set = load(files, knownFamily);
    loaded.set(key, set);
    // a failed read is not kept: the next build may find the file
    set.catch(() => loaded.delete(key));
  }
  return set;
}
