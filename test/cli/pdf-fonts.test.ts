/**
 * The bundled PDF faces are loaded without fontkit (src/cli/pdf-fonts.ts): their family name is
 * known, and it must be the one Laksaman.ttf declares, which fonts/sizes.json is looked up by.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BUNDLED_PDF_FAMILY, loadBundledPdfFonts, loadPdfFonts, PDF_FONT_FILES } from "../../src/cli/pdf-fonts.js";
import { FONTS_DIR } from "../../src/cli/resources.js";
import { familyNameOf } from "../../src/export/pdf/internals/fontkit.js";

describe("bundled PDF fonts", () => {
  test("the known family name is the one Laksaman.ttf declares; the set carries it and its size scale", async () => {
    expect(familyNameOf(new Uint8Array(readFileSync(join(FONTS_DIR, PDF_FONT_FILES[0]))))).toBe(BUNDLED_PDF_FAMILY);
    const set = await loadBundledPdfFonts();
    expect(set.family).toBe(BUNDLED_PDF_FAMILY);
    // The same files given without a known name (as an org.yaml pdf_font would be): read from the file, the same scale.
    const [regular, bold, italic, boldItalic] = PDF_FONT_FILES.map((f) => join(FONTS_DIR, f)) as [string, string, string, string];
    const read = await loadPdfFonts({ regular, bold, italic, boldItalic });
    expect([read.family, read.sizeScale]).toEqual([set.family, set.sizeScale]);
    expect(set.sizeScale).not.toBe(1);
  });
});
