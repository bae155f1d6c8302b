/**
 * Drives pdfmake's layout engine directly instead of through its `pdfmake`
 * singleton: the singleton keeps fonts and a virtual file system in global
 * state, warns on the console about URL/file access policies, and reads font
 * files by name. We hand it parsed fonts (see fonts.ts) and get bytes back.
 *
 * pdfmake 0.3.11 ships its Node build as CommonJS under `pdfmake/js/`, with
 * no type declarations; the shapes below are the parts we call.
 */
import { createRequire } from "node:module";
import type { EmbeddedFontInstance } from "./faithful-font.js";
import type { PdfFonts } from "./fonts.js";
import { mergeInlines } from "./merge-inlines.js";
import { makeTextInlinesClass, type GetStyleProperty, type TextInlinesClass } from "./text-measure.js";
import { overflowBreak } from "./thai-wrap.js";

const require = createRequire(import.meta.url);

interface Margins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface PdfKitDoc {
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
  fontCache: Record<string, Record<string, EmbeddedFontInstance>>;
  getFontType(bold: boolean, italics: boolean): string;
  on(event: "data", cb: (chunk: Buffer) => void): void;
  on(event: "end" | "error", cb: (e?: unknown) => void): void;
  end(): void;
}

type PdfKitDocCtor = new (
  fonts: Record<string, unknown>,
  images: Record<string, unknown>,
  patterns: Record<string, unknown>,
  attachments: Record<string, unknown>,
  options: Record<string, unknown>,
) => PdfKitDoc;

interface LayoutBuilder {
  registerTableLayouts(layouts: Record<string, unknown>): void;
  layoutDocument(
    content: unknown,
    pdfKitDoc: PdfKitDoc,
    styles: Record<string, unknown>,
    defaultStyle: Record<string, unknown>,
    background: unknown,
    header: unknown,
    footer: unknown,
    watermark: unknown,
    pageBreakBefore: unknown,
  ): LaidPage[];
}

type LaidPage = Parameters<typeof mergeInlines>[0][number];

const PdfMakeDocument = (require("pdfmake/js/PDFDocument.js") as { default: PdfKitDocCtor }).default;
const LayoutBuilderCtor = (
  require("pdfmake/js/LayoutBuilder.js") as {
    default: new (pageSize: unknown, margins: Margins, svgMeasure: unknown) => LayoutBuilder;
  }
).default;
const SvgMeasure = (require("pdfmake/js/SVGMeasure.js") as { default: new () => unknown }).default;
const RendererCtor = (
  require("pdfmake/js/Renderer.js") as {
    default: new (doc: PdfKitDoc, progress?: unknown) => { renderPages(pages: unknown[]): void };
  }
).default;
const { normalizePageSize, normalizePageMargin } = require("pdfmake/js/PageSize.js") as {
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number; orientation: string };
  normalizePageMargin(m: unknown): Margins;
};
const { tableLayouts } = require("pdfmake/js/tableLayouts.js") as { tableLayouts: Record<string, unknown> };
const TextInlines = (require("pdfmake/js/TextInlines.js") as { default: TextInlinesClass }).default;
const StyleContextStack = (require("pdfmake/js/StyleContextStack.js") as { default: { getStyleProperty: GetStyleProperty } }).default;
const FastTextInlines = makeTextInlinesClass(TextInlines, (item, stack, property, defaultValue) =>
  StyleContextStack.getStyleProperty(item, stack, property, defaultValue),
);

/** pdfmake's layout engine, measuring text with FastTextInlines (text-measure.ts). */
class FastLayoutBuilder extends LayoutBuilderCtor {
  tryLayoutDocument(...args: unknown[]): unknown {
    const self = this as unknown as { docMeasure: { textInlines: { pdfDocument: unknown } } };
    // layoutDocument makes a new DocMeasure just before this
    self.docMeasure.textInlines = new FastTextInlines(self.docMeasure.textInlines.pdfDocument) as { pdfDocument: unknown };
    const base = LayoutBuilderCtor.prototype as unknown as { tryLayoutDocument(...a: unknown[]): unknown };
    return base.tryLayoutDocument.apply(this, args);
  }

  buildNextLine(textNode: { _inlines?: LineInline[] }): unknown {
    const self = this as unknown as { writer: { context(): { availableWidth: number } } };
    splitOverflowingFirst(textNode._inlines, self.writer.context().availableWidth);
    const base = LayoutBuilderCtor.prototype as unknown as { buildNextLine(node: unknown): unknown };
    return base.buildNextLine.call(this, textNode);
  }
}

/** A measured word of a paragraph as buildNextLine sees it. */
interface LineInline {
  text: string;
  width: number;
  leadingCut?: number;
  trailingCut?: number;
  leadingIndent?: number;
  noWrap?: boolean | null;
  font: { widthOfString(text: string, size: number, features: unknown): number };
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
}

const widthOfText = (text: string, inline: LineInline): number =>
  inline.font.widthOfString(text, inline.fontSize, inline.fontFeatures) + (inline.characterSpacing ?? 0) * (text.length - 1);

/**
 * Before pdfmake builds a line, a first piece too wide for the whole line is
 * cut at its best inner word boundary (thai-wrap.ts overflowBreak), so only
 * a piece with no boundary that fits reaches pdfmake's cut by characters.
 */
function splitOverflowingFirst(inlines: LineInline[] | undefined, available: number): void {
  const first = inlines?.[0];
  if (!inlines || !first || first.noWrap || first.text.length < 2) return;
  const lead = first.leadingCut ?? 0;
  if (first.width - lead - (first.trailingCut ?? 0) <= available) return;
  const at = overflowBreak(first.text, (prefix) => widthOfText(prefix, first) - lead <= available);
  if (at === undefined) return;
  const rest: LineInline = { ...first, text: first.text.slice(at), leadingCut: 0 };
  delete rest.leadingIndent;
  rest.width = widthOfText(rest.text, rest);
  first.text = first.text.slice(0, at);
  first.width = widthOfText(first.text, first);
  first.trailingCut = 0;
  inlines.splice(1, 0, rest);
}

interface RenderedLine {
  readonly _outline?: { readonly id?: string };
}

/**
 * pdfmake's renderer, but a bookmark points at its heading's line: pdfmake
 * gives each outline entry the top of the page, at pdfkit's XYZ with the
 * page width as `left` (scrolled to the right edge). The heading node's id
 * is also a named destination at the line (outline.ts), so the entry goes
 * there.
 */
class OutlineRenderer extends RendererCtor {
  renderLine(line: RenderedLine, x: number, y: number): void {
    const self = this as unknown as { outlineMap: Record<string, { outlineData: Record<string, unknown> }> };
    const base = RendererCtor.prototype as unknown as { renderLine(l: RenderedLine, x: number, y: number): void };
    base.renderLine.call(this, line, x, y);
    const id = line._outline?.id;
    const entry = id ? self.outlineMap[id] : undefined;
    // eslint-disable-next-line no-new-wrappers -- pdfkit writes a String object as a PDF string, the form a named destination takes
    if (entry && id) entry.outlineData["Dest"] = new String(id);
  }
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

/** pdfmake's PDFDocument, but fonts come parsed from the per-FontSet cache. */
class PreparsedFontDocument extends PdfMakeDocument {
  constructor(
    private readonly pdfFonts: PdfFonts,
    options: Record<string, unknown>,
  ) {
    super({}, {}, {}, {}, options);
  }

  /**
   * pdfkit copies Title, Author, Subject, Keywords and Creator into the XMP
   * metadata as they are, so "Q&A" or "<" would make the XML unreadable
   * (pdf.js then shows no title). The XMP gets escaped copies; the Info
   * dictionary keeps the text.
   */
  _addInfo(): void {
    const self = this as unknown as { info: Record<string, unknown> };
    const info = self.info;
    const escaped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(info)) escaped[k] = typeof v === "string" ? escapeXml(v) : v;
    self.info = escaped;
    try {
      (PdfMakeDocument.prototype as unknown as { _addInfo(): void })._addInfo.call(this);
    } finally {
      self.info = info;
    }
  }

  provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFontInstance {
    if (familyName !== this.pdfFonts.family) throw new Error(`unknown font family ${familyName}`);
    const type = this.getFontType(bold, italics);
    const cache = (this.fontCache[familyName] ??= {});
    const existing = cache[type];
    if (existing) return existing;
    const font = this.pdfFonts.open(this, type, `F${++this._fontCount}`);
    // pdfkit embeds every font listed here when the document ends.
    this._fontFamilies[`${familyName}-${type}`] = font;
    cache[type] = font;
    return font;
  }
}

export interface DocDefinition {
  readonly content: unknown;
  readonly pageSize: string;
  readonly pageOrientation: "portrait" | "landscape";
  readonly pageMargins: readonly [number, number, number, number];
  readonly defaultStyle: Record<string, unknown>;
  readonly header?: unknown;
  readonly footer?: unknown;
  readonly images: Record<string, Buffer>;
  readonly info: Record<string, unknown>;
  readonly language: string;
}

export async function renderPdf(def: DocDefinition, fonts: PdfFonts): Promise<Uint8Array> {
  const pageSize = normalizePageSize(def.pageSize, def.pageOrientation);
  const doc = new PreparsedFontDocument(fonts, {
    size: [pageSize.width, pageSize.height],
    pdfVersion: "1.7",
    compress: true,
    lang: def.language,
    displayTitle: true,
    fontLayoutCache: true,
    bufferPages: false,
    autoFirstPage: false,
    info: def.info,
    font: null,
  });
  (doc as unknown as { images: Record<string, Buffer> }).images = def.images;
  const builder = new FastLayoutBuilder(pageSize, normalizePageMargin([...def.pageMargins]), new SvgMeasure());
  builder.registerTableLayouts(tableLayouts);
  const pages = builder.layoutDocument(
    def.content,
    doc,
    {},
    def.defaultStyle,
    undefined,
    def.header,
    def.footer,
    undefined,
    undefined,
  );
  mergeInlines(pages);
  new OutlineRenderer(doc).renderPages(pages);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (c) => chunks.push(c));
    doc.on("end", () => resolve());
    doc.on("error", (e) => reject(e));
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
