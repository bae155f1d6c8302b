/**
 * One PDF from a document definition: pdfmake lays it out and draws it
 * (through internals/pdfmake.ts, the only file that knows pdfmake's
 * insides); this file decides what happens at the hooks: Thai line cuts,
 * escaped XMP metadata, fonts from the parsed FontSet, merged inlines.
 */
import type { PdfFonts } from "./fonts.js";
import { layOutAndRender, type EngineHooks, type LayoutJob, type LineInline } from "./internals/pdfmake.js";
import { mergeInlines } from "./merge-inlines.js";
import { overflowBreak } from "./thai-wrap.js";

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

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] as string);

/**
 * pdfkit copies Title, Author, Subject, Keywords and Creator into the XMP
 * metadata as they are, so "Q&A" or "<" would make the XML unreadable
 * (pdf.js then shows no title). The XMP gets escaped copies; the Info
 * dictionary keeps the text.
 */
function escapedInfo(info: Record<string, unknown>): Record<string, unknown> {
  const escaped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(info)) escaped[k] = typeof v === "string" ? escapeXml(v) : v;
  return escaped;
}

/** What the PDF exporter hands over: the page and content as pdfmake takes them, and the document's metadata. */
export interface DocDefinition extends Omit<LayoutJob, "documentOptions" | "family"> {
  readonly info: Record<string, unknown>;
  readonly language: string;
}

export async function renderPdf(def: DocDefinition, fonts: PdfFonts): Promise<Uint8Array> {
  const hooks: EngineHooks = {
    beforeLine: splitOverflowingFirst,
    xmpInfo: escapedInfo,
    // Shaped runs are cached per face inside FaithfulFont, for all documents.
    openFont: (doc, type, id) => fonts.open(doc, type, id),
    beforeRender: mergeInlines,
  };
  const { info, language, ...page } = def;
  return layOutAndRender(
    {
      ...page,
      family: fonts.family,
      documentOptions: {
        pdfVersion: "1.7",
        compress: true,
        lang: language,
        displayTitle: true,
        fontLayoutCache: true,
        bufferPages: false,
        autoFirstPage: false,
        info,
        font: null,
      },
    },
    hooks,
  );
}
