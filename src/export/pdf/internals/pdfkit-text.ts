/**
 * pdfkit's text drawing as pdfmake's renderer calls it, done in one step.
 *
 * For every inline of every line, pdfmake calls doc.text(text, x, y, options)
 * with no width and no line breaking; pdfkit then copies the options
 * (_initOptions), splits on "\n", draws the fragment (_fragment: 9 to 12
 * operators, each its own string and write, the glyphs' hex ids and
 * positions copied into fresh arrays and walked one by one) and measures the
 * text again to move its pen (_line), a pen the next call sets anyway.
 * drawPlainText writes the same operators, in the same order and with the
 * same numbers, as one string, when nothing in the call or the text needs
 * pdfkit's general path: no link, destination, decoration, features, word
 * spacing or continued text, and no glyph with an offset or kerning (the
 * font's plainHex, faithful-font.ts). Everything else goes to pdfkit.
 *
 * The pen (doc.x) is moved by the width of the text when something reads
 * it (the document's x accessor in pdfmake.ts, with the PendingAdvance
 * returned here), as pdfkit would have moved it. The text matrix pdfkit
 * pushes and pops around the fragment (save/transform/restore) comes back
 * equal, so it is not touched.
 *
 * PDFKIT_TEXT_INTERNALS lists the members read here for the canary test;
 * test/export/pdf/one-write-drawing.test.ts checks them, and draws the same
 * documents both ways and compares the bytes.
 */

/**
 * Whether the one-write drawing paths are taken (text here, string colours
 * and opacity states in pdfkit-color.ts, plain vectors in pdfmake-vector.ts). Always on in the
 * app; a test turns it off to draw a document with pdfkit's and pdfmake's
 * own code and compare the bytes.
 */
export const oneWriteDrawing = { enabled: true };

/** pdfkit's PDFObject.number: a number as it goes into a content stream (6 decimals). */
export function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** The document members drawPlainText reads and writes, and the methods it stands in for (pdfkit 0.19.1). */
export const PDFKIT_TEXT_INTERNALS = {
  documentFields: ["_font", "_fontSize", "page", "x", "y"],
  documentMethods: ["addContent", "text", "_text", "_fragment", "_line", "_initOptions", "widthOfString", "save", "restore", "transform"],
  pageFields: ["fonts", "height"],
} as const;

/** A font that can say when a text draws as one plain run of glyph ids (FaithfulFont). */
interface PlainFont {
  readonly id: string;
  readonly ascender: number;
  plainHex(text: string): string | null;
  widthOfString(text: string, size: number, features?: unknown): number;
  ref(): unknown;
}

/** The pdfkit document as drawPlainText uses it. */
export interface TextDocument {
  _font: unknown;
  _fontSize: number;
  _textOptions?: unknown;
  page: { readonly height: number; readonly fonts: Record<string, unknown> };
  x: number;
  y: number;
  addContent(data: string): unknown;
}

/** The options pdfmake's Renderer.renderLine passes; any other key sends the call to pdfkit. */
const RENDER_LINE_OPTIONS = new Set(["lineBreak", "textWidth", "characterSpacing", "wordCount", "link"]);

function isRenderLineCall(options: Record<string, unknown>): boolean {
  if (options["lineBreak"] !== false || options["link"] != null) return false;
  for (const key in options) if (!RENDER_LINE_OPTIONS.has(key)) return false;
  return true;
}

const isPlainFont = (font: unknown): font is PlainFont => typeof (font as Partial<PlainFont> | null)?.plainHex === "function";

/** What moves the pen after a text is drawn: its width, worked out only if the pen is read. */
export interface PendingAdvance {
  readonly font: PlainFont;
  readonly size: number;
  readonly text: string;
  readonly characterSpacing: number;
}

/** pdfkit's widthOfString(text, options) for the options of a plain call (horizontal scaling 100). */
export const advanceOf = (p: PendingAdvance): number =>
  ((p.font.widthOfString(p.text, p.size, undefined) + p.characterSpacing * (p.text.length - 1)) * 100) / 100;

/**
 * The operators before a fragment's position (save, flip the page, begin
 * text) and its font operator, for the last page height and the last font
 * and size seen: a page's fragments share them, and formatting the same
 * numbers again is a good part of a fragment's cost.
 */
let lastHeight = Number.NaN;
let lastOpening = "";
let lastFontId = "";
let lastSize = Number.NaN;
let lastFontOperator = "";

function openingOf(height: number): string {
  if (height !== lastHeight) {
    lastHeight = height;
    lastOpening = `q\n1 0 0 -1 0 ${pdfNumber(height)} cm\nBT\n1 0 0 1 `;
  }
  return lastOpening;
}

function fontOperatorOf(id: string, size: number): string {
  if (id !== lastFontId || size !== lastSize) {
    lastFontId = id;
    lastSize = size;
    lastFontOperator = `/${id} ${pdfNumber(size)} Tf`;
  }
  return lastFontOperator;
}

/**
 * Draws `text` at (x, y) as pdfkit's text() would for a plain call, and
 * returns what moves the pen afterwards; or returns undefined, having drawn
 * nothing, when the call needs pdfkit's own path.
 */
export function drawPlainText(doc: TextDocument, text: unknown, x: unknown, y: unknown, options: unknown): PendingAdvance | undefined {
  if (typeof text !== "string" || typeof x !== "number" || typeof y !== "number") return undefined;
  if (!options || typeof options !== "object" || !isRenderLineCall(options as Record<string, unknown>)) return undefined;
  if (doc._textOptions || text.includes("\n")) return undefined;
  const font = doc._font;
  if (!isPlainFont(font)) return undefined;
  const characterSpacing = ((options as Record<string, unknown>)["characterSpacing"] as number | undefined) || 0;
  const size = doc._fontSize;
  const pending: PendingAdvance = { font, size, text, characterSpacing };
  doc.x = x;
  doc.y = y;
  if (text.length === 0) return pending;
  const hex = font.plainHex(text);
  if (hex === null) return undefined;
  const page = doc.page;
  const dy = (font.ascender / 1000) * size;
  const baseline = page.height - y - dy;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  let ops = `${openingOf(page.height)}${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n${fontOperatorOf(font.id, size)}`;
  if (characterSpacing) ops += `\n${pdfNumber(characterSpacing)} Tc`;
  // the last glyph's adjustment: xAdvance - advanceWidth = 0, written as pdfkit writes -0
  if (hex.length > 0) ops += `\n[<${hex}> 0] TJ`;
  doc.addContent(`${ops}\nET\nQ`);
  return pending;
}
