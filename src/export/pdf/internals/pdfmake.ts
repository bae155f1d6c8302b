/**
 * The one door to pdfmake's private parts. pdfmake 0.3.11 ships its Node
 * build as CommonJS under `pdfmake/js/`, with no type declarations and no
 * promise that these modules or members stay: the rest of src/export/pdf
 * reaches them only through this file, and test/export/pdf/internals.test.ts
 * checks that each one named in PDFMAKE_INTERNALS is still there.
 *
 * We drive the layout engine directly instead of through the `pdfmake`
 * singleton: the singleton keeps fonts and a virtual file system in global
 * state, warns on the console about URL/file access policies, and reads font
 * files by name. We hand it parsed fonts and get bytes back.
 *
 * The subclasses below override private methods; what they do is decided by
 * the hooks the caller passes (pdfmake-engine.ts), so this file holds only
 * the knowledge of pdfmake's insides.
 */
import { createRequire } from "node:module";
import { knownDeflate } from "../stream-memo.js";
import { renderPlainVector, type VectorDocument } from "./pdfmake-vector.js";
import { isKnownColor, makeOpacityStates, setStringColor, type ColorDocument, type OpacityDocument } from "./pdfkit-color.js";
import { advanceOf, drawPlainText, oneWriteDrawing, type PendingAdvance, type TextDocument } from "./pdfkit-text.js";
import { makeTextInlinesClass, type GetStyleProperty, type StyleLayers, type StyleStack, type TextInlinesClass } from "../text-measure.js";
import { keptSplitWords, type BrokenWord } from "../word-breaks.js";
import { installFastLayout, PDFMAKE_LAYOUT_MEMBERS, type LayoutModules } from "./pdfmake-layout.js";

import { PDFMAKE_VERSION, PdfEngineMismatch } from "../engine-mismatch.js";

export { PDFMAKE_VERSION, PdfEngineMismatch };

const require = createRequire(import.meta.url);

/** Throws PdfEngineMismatch when the installed pdfmake is not the one this file was written for. */
export function checkPdfmakeVersion(installed: string): void {
  if (installed !== PDFMAKE_VERSION) throw new PdfEngineMismatch(installed);
}

/**
 * Private modules and the private members used on their objects: the canary
 * test loads each module and checks each member, so an upgrade that renames
 * one fails a test instead of a clerk's export.
 */
export const PDFMAKE_INTERNALS = {
  "pdfmake/js/PDFDocument.js": { prototype: ["_addInfo", "provideFont", "getFontType"] },
  "pdfmake/js/LayoutBuilder.js": {
    prototype: ["tryLayoutDocument", "buildNextLine", "registerTableLayouts", "layoutDocument", ...PDFMAKE_LAYOUT_MEMBERS.LayoutBuilder],
  },
  "pdfmake/js/SVGMeasure.js": { prototype: [] },
  "pdfmake/js/Renderer.js": { prototype: ["renderLine", "renderPages"] },
  "pdfmake/js/TextDecorator.js": { prototype: PDFMAKE_LAYOUT_MEMBERS.TextDecorator },
  "pdfmake/js/PageSize.js": { exports: ["normalizePageSize", "normalizePageMargin"] },
  "pdfmake/js/tableLayouts.js": { exports: ["tableLayouts"] },
  "pdfmake/js/TextInlines.js": { prototype: ["measure", "widthOfText"] },
  "pdfmake/js/TextBreaker.js": { prototype: ["getBreaks"] },
  "pdfmake/js/Line.js": { prototype: ["hasEnoughSpaceForInline", "getAvailableWidth", "addInline", ...PDFMAKE_LAYOUT_MEMBERS.Line] },
  "pdfmake/js/StyleContextStack.js": { statics: ["getStyleProperty"], prototype: PDFMAKE_LAYOUT_MEMBERS.StyleContextStack },
  "pdfmake/js/helpers/tools.js": { exports: ["pack", "offsetVector"] },
  // replaced by pdfmake-layout.ts
  "pdfmake/js/DocMeasure.js": { prototype: PDFMAKE_LAYOUT_MEMBERS.DocMeasure },
  "pdfmake/js/DocPreprocessor.js": { prototype: PDFMAKE_LAYOUT_MEMBERS.DocPreprocessor },
  "pdfmake/js/ElementWriter.js": { prototype: PDFMAKE_LAYOUT_MEMBERS.ElementWriter },
  "pdfmake/js/PageElementWriter.js": { prototype: PDFMAKE_LAYOUT_MEMBERS.PageElementWriter },
  "pdfmake/js/helpers/node.js": { exports: PDFMAKE_LAYOUT_MEMBERS.nodeHelpers },
} as const;

/** Instance members read or written at run time (set in constructors, so not on the prototypes above). */
export const PDFMAKE_INSTANCE_MEMBERS = {
  /** PDFDocument (and pdfkit's document under it). */
  document: ["_fontCount", "_fontFamilies", "fontCache", "info", "images"],
  /** LayoutBuilder, during tryLayoutDocument. */
  layoutBuilder: ["docMeasure", "writer"],
  /** LayoutBuilder.docMeasure. */
  docMeasure: ["textInlines"],
  /** Renderer. */
  renderer: ["outlineMap"],
  /** StyleContextStack (read by styleLayersOf). */
  styleContextStack: ["styleOverrides", "defaultStyle"],
} as const;

/**
 * A StyleContextStack's entries (style names or override objects, top last)
 * and default style, for text-measure.ts to walk once per text node. Null
 * when the stack is not shaped as pdfmake 0.3.11 makes it.
 */
export function styleLayersOf(stack: StyleStack): StyleLayers | null {
  const { styleOverrides, defaultStyle } = stack as { styleOverrides?: unknown; defaultStyle?: unknown };
  if (!Array.isArray(styleOverrides)) return null;
  if (defaultStyle !== undefined && defaultStyle !== null && typeof defaultStyle !== "object") return null;
  return { overrides: styleOverrides, defaultStyle: defaultStyle as StyleLayers["defaultStyle"] };
}

/** The `linebreak` package pdfmake's TextBreaker breaks lines with (the one pdfmake resolves). */
const LineBreaker = createRequire(require.resolve("pdfmake/js/TextBreaker.js"))("linebreak") as new (text: string) => {
  nextBreak(): { readonly position: number; readonly required: boolean } | null;
};

const LINE_FEED_END = /\r?\n$|\r$/;

/**
 * pdfmake's splitWords(text, false, false) (TextBreaker.js, not exported): linebreak's breaks,
 * a required break or a trailing line feed ending a line. What getBreaks([text], null) gives,
 * without its two copies of every word (getBreaks' results, then BrokenWords made from them):
 * nearly every text is split anew (word-breaks.ts keeps the last two). The canary test compares
 * buildInlines with pdfmake's on line feeds, CR LF and empty text.
 */
function splitPlainWords(text: string): BrokenWord[] {
  if (text.length === 0) return [{ text: "", lineEnd: false }];
  const words: BrokenWord[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const word = text.slice(last, bk.position);
    if (bk.required || LINE_FEED_END.test(word)) words.push({ text: word.replace(LINE_FEED_END, ""), lineEnd: true });
    else words.push({ text: word, lineEnd: false });
    last = bk.position;
  }
  return words;
}

export interface Margins {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** pdfmake's PDFDocument as this code sees it (a pdfkit PDFDocument underneath). */
export interface PdfKitDoc {
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
  fontCache: Record<string, Record<string, unknown>>;
  info: Record<string, unknown>;
  images: Record<string, Buffer>;
  getFontType(bold: boolean, italics: boolean): string;
  on(event: "data", cb: (chunk: Buffer) => void): void;
  on(event: "end" | "error", cb: (e?: unknown) => void): void;
  end(): void;
}

/** pdfkit's PDFReference (one PDF object) as gatherWrites sees it. */
interface PdfKitRef {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
}

/**
 * pdfkit's PDFReference.write turns every string it is given (each drawing operator of a
 * page: "BT", "/F1 12 Tf", "1 0 0 1 72 700 Tm" …) into a Buffer of its own, and finalize
 * concatenates them: a page's content stream is thousands of small Buffers. Here strings are
 * joined and become one Buffer when a binary chunk comes, when FLUSH_AT characters are
 * joined, or when the object is finalized; the lengths are counted as pdfkit counts them
 * (latin1 bytes of string + "\n"), so the stream, its /Length and the deflated bytes (of the
 * Buffers concatenated) are the same.
 */
const FLUSH_AT = 16_384;

function gatherWrites(ref: PdfKitRef): void {
  let text = "";
  const flush = () => {
    if (text.length === 0) return;
    ref.buffer.push(Buffer.from(text, "latin1"));
    text = "";
  };
  ref.write = (chunk) => {
    let length: number;
    if (chunk instanceof Uint8Array) {
      flush();
      ref.buffer.push(chunk);
      length = chunk.length;
    } else {
      text += chunk + "\n";
      length = chunk.length + 1;
      // a page's operators become bytes as they come, not all at the document's end: the joined
      // strings die young instead of living (and being copied by the GC) through the whole layout
      if (text.length >= FLUSH_AT) flush();
    }
    ref.uncompressedLength += length;
    ref.data.Length = (ref.data.Length ?? 0) + length;
    if (ref.compress) ref.data.Filter = "FlateDecode";
  };
  const finalize = ref.finalize;
  ref.finalize = () => {
    flush();
    // data deflated before (a font subset file another document embedded): pdfkit's deflate, done once
    const only = ref.buffer.length === 1 ? ref.buffer[0] : undefined;
    const known = ref.compress && only ? knownDeflate(only) : undefined;
    if (known) {
      ref.buffer = [known];
      ref.compress = false;
    }
    finalize.call(ref);
  };
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

/** A positioned inline of a laid-out line: the fields drawing reads. */
export interface LaidInline {
  text: string;
  x: number;
  width: number;
  height?: number;
  [field: string]: unknown;
}

/** The fields of a laid inline that its look depends on: must be equal for two inlines to be drawn as one (merge-inlines.ts). */
export const INLINE_LOOK_FIELDS = [
  "font",
  "fontSize",
  "color",
  "opacity",
  "characterSpacing",
  "fontFeatures",
  "decoration",
  "decorationColor",
  "decorationStyle",
  "decorationThickness",
  "background",
  "sup",
  "sub",
] as const;

/** An inline with any of these is drawn on its own (links, page references, justified gaps). */
export const INLINE_DRAWN_ALONE_FIELDS = ["link", "linkToPage", "linkToDestination", "_pageNodeRef", "_tocItemRef", "_pageRef", "justifyShift"] as const;

/** A laid-out line (a page item of type "line"). */
export interface LaidLine {
  inlines: LaidInline[];
}

/** A laid-out page: what merge-inlines.ts rewrites before drawing. */
export interface LaidPage {
  readonly items: ReadonlyArray<{ readonly type: string; readonly item: unknown }>;
}

/** A measured word of a paragraph as buildNextLine sees it. */
export interface LineInline {
  text: string;
  width: number;
  leadingCut?: number;
  trailingCut?: number;
  leadingIndent?: number;
  noWrap?: boolean | null;
  /** Set by TextBreaker on a word that must stay on one line with the next (the two make one word across runs). */
  noNewLine?: boolean;
  font: { widthOfString(text: string, size: number, features: unknown): number };
  fontSize: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
}

interface RenderedLine {
  readonly _outline?: { readonly id?: string };
}

/** What the PDF engine decides; pdfmake's internals call these at the points named. */
export interface EngineHooks {
  /** Before pdfmake builds a line from `inlines`, given the width the line has. */
  beforeLine(inlines: LineInline[] | undefined, availableWidth: number): void;
  /** The Info values pdfkit copies into the XMP metadata (the Info dictionary keeps the originals). */
  xmpInfo(info: Record<string, unknown>): Record<string, unknown>;
  /** A new font object for `doc`: face `type` ("normal", "bold", …) of the document's family, with pdfkit font id `id`. */
  openFont(doc: PdfKitDoc, type: string, id: string): unknown;
  /** The laid-out pages, before they are drawn; may rewrite them in place. */
  beforeRender(pages: LaidPage[]): void;
}

export interface LayoutJob {
  readonly content: unknown;
  readonly pageSize: string;
  readonly pageOrientation: "portrait" | "landscape";
  readonly pageMargins: readonly [number, number, number, number];
  readonly defaultStyle: Record<string, unknown>;
  readonly header?: unknown;
  readonly footer?: unknown;
  readonly images: Record<string, Buffer>;
  /** pdfkit document options other than the page size. */
  readonly documentOptions: Record<string, unknown>;
  /** The one font family the document uses. */
  readonly family: string;
}

/** Lays out and draws one document with pdfmake's engine; resolves to the PDF bytes. */
export function layOutAndRender(job: LayoutJob, hooks: EngineHooks): Promise<Uint8Array> {
  return pdfmake().layOutAndRender(job, hooks);
}

/** pdfmake's private modules and itadoc's subclasses of its classes, loaded on first use. */
export interface Pdfmake {
  /** pdfmake's own TextInlines: the stock measure, for the canary test that compares it with ours. */
  readonly StockTextInlines: TextInlinesClass;
  /** TextInlines with the fast measure of text-measure.ts. */
  readonly FastTextInlines: TextInlinesClass;
  /** pdfmake's StyleContextStack class (a stack of style dictionaries and names). */
  readonly StyleContextStack: new (styleDictionary: Record<string, unknown>, defaultStyle?: Record<string, unknown>) => { push(style: unknown): void };
  /** Lays out and draws one document; resolves to the PDF bytes. */
  layOutAndRender(job: LayoutJob, hooks: EngineHooks): Promise<Uint8Array>;
}

/** pdfmake's Line (a line being filled with words), as buildNextLine uses it. */
interface PdfmakeLine {
  hasEnoughSpaceForInline(inline: LineInline, nextInlines: readonly LineInline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: LineInline): void;
  lastLineInParagraph?: boolean;
}

const NO_INLINES: readonly LineInline[] = Object.freeze([]);

/** pdfmake's cloneInline (LayoutBuilder.buildNextLine): a copy of every enumerable field. */
function cloneInline(inline: LineInline): LineInline {
  const copy = {} as Record<string, unknown>;
  for (const key in inline) copy[key] = (inline as unknown as Record<string, unknown>)[key];
  return copy as unknown as LineInline;
}

/** pdfmake's findMaxFitLength: the longest prefix (at least 1 unit) whose measure fits. */
function findMaxFitLength(text: string, maxWidth: number, measureFn: (part: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measureFn(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return bestFit;
}

let loaded: Pdfmake | undefined;

/**
 * pdfmake's internals, after checking its version. Loaded on first use, not
 * at import: a wrong pdfmake then fails the PDF export with a message
 * (E_INTERNAL for the documents it stops), not the whole CLI at start-up.
 */
export function pdfmake(): Pdfmake {
  loaded ??= load((require("pdfmake/package.json") as { version: string }).version);
  return loaded;
}

function load(version: string): Pdfmake {
  checkPdfmakeVersion(version);
  const tools = require("pdfmake/js/helpers/tools.js") as { pack: (...args: unknown[]) => Record<string, unknown> };
  const layoutModule = (path: string) => (require(path) as { default: LayoutModules["Line"] }).default;
  installFastLayout({
    LayoutBuilder: layoutModule("pdfmake/js/LayoutBuilder.js"),
    DocPreprocessor: layoutModule("pdfmake/js/DocPreprocessor.js"),
    Renderer: layoutModule("pdfmake/js/Renderer.js"),
    TextDecorator: layoutModule("pdfmake/js/TextDecorator.js") as unknown as LayoutModules["TextDecorator"],
    TextInlines: layoutModule("pdfmake/js/TextInlines.js") as unknown as LayoutModules["TextInlines"],
    DocMeasure: layoutModule("pdfmake/js/DocMeasure.js"),
    StyleContextStack: layoutModule("pdfmake/js/StyleContextStack.js"),
    Line: layoutModule("pdfmake/js/Line.js"),
    ElementWriter: layoutModule("pdfmake/js/ElementWriter.js"),
    PageElementWriter: layoutModule("pdfmake/js/PageElementWriter.js"),
    nodeHelpers: require("pdfmake/js/helpers/node.js") as LayoutModules["nodeHelpers"],
    tools: tools as unknown as LayoutModules["tools"],
  });
  const PdfMakeDocument = (require("pdfmake/js/PDFDocument.js") as { default: PdfKitDocCtor }).default;
  /** pdfkit's own opacity step (through pdfmake's document), for the states a document has not made yet. */
  const stockDoOpacity = (doc: OpacityDocument, fill: unknown, stroke: unknown): void =>
    (PdfMakeDocument.prototype as unknown as { _doOpacity(f: unknown, s: unknown): void })._doOpacity.call(doc, fill, stroke);
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

  /** pdfmake's own TextInlines and style lookup: the stock measure, for the canary test that compares it with ours. */
  const StockTextInlines = (require("pdfmake/js/TextInlines.js") as { default: TextInlinesClass }).default;
  const StyleContextStack = (require("pdfmake/js/StyleContextStack.js") as { default: { getStyleProperty: GetStyleProperty } }).default;
  const getStyleProperty: GetStyleProperty = (item, stack, property, defaultValue) =>
    StyleContextStack.getStyleProperty(item, stack, property, defaultValue);
  /** pdfmake's StyleContextStack class (a stack of style dictionaries and names). */
  const StyleContextStackClass = StyleContextStack as unknown as new (styleDictionary: Record<string, unknown>, defaultStyle?: Record<string, unknown>) => {
    push(style: unknown): void;
  };

  const splitWords = keptSplitWords(splitPlainWords);

  /** TextInlines with the fast measure of text-measure.ts. */
  const FastTextInlines = makeTextInlinesClass(StockTextInlines, getStyleProperty, styleLayersOf, splitWords);

  const LineCtor = (require("pdfmake/js/Line.js") as { default: new (maxWidth: number) => PdfmakeLine }).default;
  /** For the character cut of a word wider than a line: pdfmake's own measure of a part, as its buildNextLine makes it. */
  const cutMeasure = new StockTextInlines(null) as unknown as { widthOfText(text: string, inline: LineInline): number };

  /**
   * pdfmake 0.3.11's LayoutBuilder.buildNextLine, but the words after the
   * next one are copied (`slice(1)`) only when Line.hasEnoughSpaceForInline
   * reads them: when the next word must stay with the ones after it
   * (noNewLine). pdfmake copied the paragraph's remaining words for every
   * word it placed, which is quadratic in the words of a paragraph (a Thai
   * paragraph has one per U+200B). The rest is pdfmake's code.
   */
  function buildNextLine(textNode: { _inlines?: LineInline[] }, availableWidth: number): PdfmakeLine | null {
    const inlines = textNode._inlines;
    if (!inlines || inlines.length === 0) return null;
    const line = new LineCtor(availableWidth);
    let isForceContinue = false;
    while (inlines.length > 0) {
      const next = inlines[0] as LineInline;
      if (!(line.hasEnoughSpaceForInline(next, next.noNewLine ? inlines.slice(1) : NO_INLINES) || isForceContinue)) break;
      let isHardWrap = false;
      const inline = inlines.shift() as LineInline;
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (txt) => cutMeasure.widthOfText(txt, inline));
        if (maxChars < inline.text.length) {
          const newInline = cloneInline(inline);
          newInline.text = inline.text.substr(maxChars);
          inline.text = inline.text.substr(0, maxChars);
          newInline.width = cutMeasure.widthOfText(newInline.text, newInline);
          inline.width = cutMeasure.widthOfText(inline.text, inline);
          inlines.unshift(newInline);
          isHardWrap = true;
        }
      }
      line.addInline(inline);
      isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
    }
    line.lastLineInParagraph = inlines.length === 0;
    return line;
  }

  /** pdfmake's layout engine, measuring text with FastTextInlines and calling hooks.beforeLine. */
  class HookedLayoutBuilder extends LayoutBuilderCtor {
    hooks!: EngineHooks;

    tryLayoutDocument(...args: unknown[]): unknown {
      const self = this as unknown as { docMeasure: { textInlines: { pdfDocument: unknown } } };
      // layoutDocument makes a new DocMeasure just before this
      self.docMeasure.textInlines = new FastTextInlines(self.docMeasure.textInlines.pdfDocument) as { pdfDocument: unknown };
      const base = LayoutBuilderCtor.prototype as unknown as { tryLayoutDocument(...a: unknown[]): unknown };
      return base.tryLayoutDocument.apply(this, args);
    }

    buildNextLine(textNode: { _inlines?: LineInline[] }): unknown {
      const self = this as unknown as { writer: { context(): { availableWidth: number } } };
      const availableWidth = self.writer.context().availableWidth;
      this.hooks.beforeLine(textNode._inlines, availableWidth);
      return buildNextLine(textNode, availableWidth);
    }
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

    /** Table rules and cell fills in one write (pdfmake-vector.ts); other vectors as pdfmake draws them. */
    renderVector(vector: unknown): void {
      const self = this as unknown as { pdfDocument: VectorDocument };
      if (oneWriteDrawing.enabled && renderPlainVector(self.pdfDocument, vector)) return;
      (RendererCtor.prototype as unknown as { renderVector(v: unknown): void }).renderVector.call(this, vector);
    }
  }

  /** pdfmake's PDFDocument, but fonts come from hooks.openFont and the XMP gets hooks.xmpInfo. */
  class HookedDocument extends PdfMakeDocument {
    constructor(
      private readonly hooks: EngineHooks,
      private readonly family: string,
      options: Record<string, unknown>,
    ) {
      super({}, {}, {}, {}, options);
    }

    _addInfo(): void {
      const info = this.info;
      this.info = this.hooks.xmpInfo(info);
      try {
        (PdfMakeDocument.prototype as unknown as { _addInfo(): void })._addInfo.call(this);
      } finally {
        this.info = info;
      }
    }

    /**
     * pdfkit pushes every piece of the file (each object header, each "endobj", each stream)
     * through its Readable stream, turning each string into a Buffer on the way: thousands
     * of pushes and Buffers per document. The pieces are gathered here instead, strings joined
     * until a binary piece comes, and the file is one Buffer at the end. Same bytes:
     * pdfkit's own conversion is latin1 ("binary") of the string plus "\n".
     */
    // Named so as not to shadow pdfkit's members (pdfkit's text() is a method). Not initialised as class
    // fields: pdfkit's constructor already writes the header, before field initialisers would run.
    declare private outPieces?: Uint8Array[];
    declare private outText?: string;

    _write(data: string | Uint8Array): void {
      const self = this as unknown as { _offset: number };
      if (typeof data === "string") {
        this.outText = (this.outText ?? "") + data + "\n";
        self._offset += data.length + 1;
        return;
      }
      this.flushOutText();
      (this.outPieces ??= []).push(data);
      self._offset += data.length;
    }

    private flushOutText(): void {
      if (!this.outText) return;
      (this.outPieces ??= []).push(Buffer.from(this.outText, "latin1"));
      this.outText = "";
    }

    /** The whole file, once pdfkit has ended the document. */
    fileBytes(): Uint8Array {
      this.flushOutText();
      return new Uint8Array(Buffer.concat(this.outPieces ?? []));
    }

    /** Each PDF object (page contents above all) gathers its string writes the same way (gatherWrites). */
    ref(data?: unknown): unknown {
      const ref = (PdfMakeDocument.prototype as unknown as { ref(d?: unknown): PdfKitRef }).ref.call(this, data);
      gatherWrites(ref);
      return ref;
    }

    /**
     * Text as pdfmake's renderer draws it: one write per fragment when it can
     * (pdfkit-text.ts), pdfkit's own text() otherwise. The pen pdfkit moves
     * after the text is moved when read (get x).
     */
    declare private penAt?: number;
    declare private penAdvance?: PendingAdvance;

    text(text: unknown, x?: unknown, y?: unknown, options?: unknown): this {
      const advance = oneWriteDrawing.enabled ? drawPlainText(this as unknown as TextDocument, text, x, y, options) : undefined;
      if (!advance) {
        (PdfMakeDocument.prototype as unknown as { text(...a: unknown[]): unknown }).text.call(this, text, x, y, options);
        return this;
      }
      this.penAdvance = advance;
      return this;
    }

    get x(): number {
      if (this.penAdvance) {
        const advance = this.penAdvance;
        this.penAdvance = undefined;
        this.penAt = (this.penAt as number) + advanceOf(advance);
      }
      return this.penAt as number;
    }

    set x(value: number) {
      this.penAdvance = undefined;
      this.penAt = value;
    }

    /** A string colour's operators come from pdfkit-color.ts, written once per colour. */
    _setColorCore(color: unknown, stroke: boolean): boolean {
      if (oneWriteDrawing.enabled && setStringColor(this as unknown as ColorDocument, color, stroke)) return true;
      return (PdfMakeDocument.prototype as unknown as { _setColorCore(c: unknown, s: boolean): boolean })._setColorCore.call(this, color, stroke);
    }

    /** Opacity states this document has made, looked up by value (pdfkit-color.ts). */
    declare private opacityStates?: ReturnType<typeof makeOpacityStates<OpacityDocument>>;

    _doOpacity(fill: unknown, stroke: unknown): void {
      if (!oneWriteDrawing.enabled) return stockDoOpacity(this as unknown as OpacityDocument, fill, stroke);
      (this.opacityStates ??= makeOpacityStates(stockDoOpacity))(this as unknown as OpacityDocument, fill, stroke);
    }

    /** pdfmake's resolveColor parses a string colour to see whether it is valid; a known one is. */
    resolveColor(color: unknown, defaultColor: unknown): unknown {
      const chosen = color || defaultColor;
      if (oneWriteDrawing.enabled && isKnownColor(this as unknown as ColorDocument, chosen)) return chosen;
      return (PdfMakeDocument.prototype as unknown as { resolveColor(c: unknown, d: unknown): unknown }).resolveColor.call(this, color, defaultColor);
    }

    provideFont(familyName: string, bold: boolean, italics: boolean): unknown {
      if (familyName !== this.family) throw new Error(`unknown font family ${familyName}`);
      const type = this.getFontType(bold, italics);
      const cache = (this.fontCache[familyName] ??= {});
      const existing = cache[type];
      if (existing) return existing;
      const font = this.hooks.openFont(this, type, `F${++this._fontCount}`);
      // pdfkit embeds every font listed here when the document ends.
      this._fontFamilies[`${familyName}-${type}`] = font;
      cache[type] = font;
      return font;
    }
  }

  /** Lays out and draws one document with pdfmake's engine; resolves to the PDF bytes. */
  async function layOutAndRender(job: LayoutJob, hooks: EngineHooks): Promise<Uint8Array> {
    const pageSize = normalizePageSize(job.pageSize, job.pageOrientation);
    const doc = new HookedDocument(hooks, job.family, { size: [pageSize.width, pageSize.height], ...job.documentOptions });
    doc.images = job.images;
    const builder = new HookedLayoutBuilder(pageSize, normalizePageMargin([...job.pageMargins]), new SvgMeasure());
    builder.hooks = hooks;
    builder.registerTableLayouts(tableLayouts);
    const pages = builder.layoutDocument(job.content, doc, {}, job.defaultStyle, undefined, job.header, job.footer, undefined, undefined);
    hooks.beforeRender(pages);
    new OutlineRenderer(doc).renderPages(pages);
    const done = new Promise<void>((resolve, reject) => {
      // Nothing comes through the stream (HookedDocument._write keeps it); "end" still says the file is complete.
      doc.on("data", () => undefined);
      doc.on("end", () => resolve());
      doc.on("error", (e) => reject(e));
    });
    doc.end();
    await done;
    return doc.fileBytes();
  }

  return { StockTextInlines, FastTextInlines, StyleContextStack: StyleContextStackClass, layOutAndRender };
}
