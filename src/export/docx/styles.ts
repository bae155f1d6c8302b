/**
 * Named Word styles a clerk can change (Home → Styles): one per model
 * ParagraphStyle plus the headings and the memo parts, and one table style.
 * Sizes are official-face points, written as they are (the DOCX names an official face).
 *
 * Their run and paragraph properties are written by the same functions as
 * every run and paragraph of the body (run-props.ts rPr, paragraph-xml.ts
 * pPrContent), so a style and a run cannot disagree on how a property is
 * spelled. docx.js still writes the rest of word/styles.xml (its built-in
 * styles, which Word expects to find); the ITA styles and the document
 * defaults are put into that part here.
 */
import type { Align, ParagraphStyle } from "../../model/document.js";
import { HEADING_LOOK, MEMO_LABEL_PT, MEMO_TITLE_LINE_PT, MEMO_TITLE_PT, PARAGRAPH_LOOK, type BlockLook } from "../../model/layout.js";
import { docxAlign } from "./alignment.js";
import { pointTwips, type DocxContext } from "./context.js";
import { pPrContent, type Spacing } from "./paragraph-xml.js";
import { rPr } from "./run-props.js";
import { esc } from "./xml.js";

export type StyleKey = ParagraphStyle | "heading1" | "heading2" | "heading3" | "memoTitle" | "memoField" | "signature" | "pageNumber";

export interface StyleSpec {
  readonly id: string;
  readonly name: string;
  /** Official-face points, from the document's body size. */
  readonly sizePt: (basePt: number) => number;
  readonly bold: boolean;
  readonly align?: Align;
  readonly spaceBeforePt?: number;
  readonly spaceAfterPt?: number;
  readonly keepNext?: boolean;
  readonly outlineLevel?: number;
  /** An exact line height in official-face points, where the regulation sets one. */
  readonly lineExactPt?: number;
}

export { MEMO_LABEL_PT, MEMO_TITLE_LINE_PT, MEMO_TITLE_PT };

/** A Word style from the shared layout table (model/layout.ts): the look both exporters give the block. */
function fromLook(id: string, name: string, look: BlockLook, outlineLevel?: number): StyleSpec {
  return {
    id,
    name,
    sizePt: (b) => b + look.sizeDeltaPt,
    bold: look.bold,
    ...(look.align ? { align: look.align } : {}),
    ...(look.spaceBeforePt ? { spaceBeforePt: look.spaceBeforePt } : {}),
    ...(look.spaceAfterPt ? { spaceAfterPt: look.spaceAfterPt } : {}),
    ...(look.keepWithNext ? { keepNext: true } : {}),
    ...(outlineLevel !== undefined ? { outlineLevel } : {}),
  };
}

export const STYLES: Readonly<Record<StyleKey, StyleSpec>> = {
  body: fromLook("ITABody", "ITA Body", PARAGRAPH_LOOK.body),
  title: fromLook("ITATitle", "ITA Title", PARAGRAPH_LOOK.title),
  subtitle: fromLook("ITASubtitle", "ITA Subtitle", PARAGRAPH_LOOK.subtitle),
  small: fromLook("ITASmall", "ITA Small", PARAGRAPH_LOOK.small),
  tableText: fromLook("ITATableText", "ITA Table Text", PARAGRAPH_LOOK.tableText),
  tableHeader: fromLook("ITATableHeader", "ITA Table Header", PARAGRAPH_LOOK.tableHeader),
  heading1: fromLook("ITAHeading1", "ITA Heading 1", HEADING_LOOK[1], 0),
  heading2: fromLook("ITAHeading2", "ITA Heading 2", HEADING_LOOK[2], 1),
  heading3: fromLook("ITAHeading3", "ITA Heading 3", HEADING_LOOK[3], 2),
  // The memo parts and the signature exist as Word styles only; the PDF sets the same sizes from layout.ts directly.
  memoTitle: { id: "ITAMemoTitle", name: "ITA Memo Title", sizePt: () => MEMO_TITLE_PT, bold: true, align: "center", lineExactPt: MEMO_TITLE_LINE_PT },
  memoField: { id: "ITAMemoField", name: "ITA Memo Field", sizePt: (b) => b, bold: false },
  signature: { id: "ITASignature", name: "ITA Signature", sizePt: (b) => b, bold: false, align: "center", keepNext: true },
  pageNumber: { id: "ITAPageNumber", name: "ITA Page Number", sizePt: (b) => b, bold: false, align: "center" },
};

export const TABLE_STYLE_ID = "ITATable";

/** Single line spacing, written out so it never falls back to an application default. */
export const LINE_SPACING = { line: 240, lineRule: "auto" } as const;

type StyleCtx = Pick<DocxContext, "family" | "baseSizePt">;

export function styleSizePt(ctx: Pick<DocxContext, "baseSizePt">, key: StyleKey): number {
  return STYLES[key].sizePt(ctx.baseSizePt);
}

/** Style properties are the same whatever the script of the text: no <w:cs/>, which belongs to runs. */
const styleRun = (ctx: StyleCtx, sizePt: number, bold: boolean): string => rPr(ctx, { sizePt, ...(bold ? { bold: true } : {}), complexScript: false });

/** w:docDefaults: the body font and size, single spacing, no space around paragraphs. */
export function docDefaultsXml(ctx: StyleCtx): string {
  const pPr = pPrContent({ spacing: { ...LINE_SPACING, before: 0, after: 0 } });
  return `<w:docDefaults><w:rPrDefault>${styleRun(ctx, ctx.baseSizePt, false)}</w:rPrDefault><w:pPrDefault><w:pPr>${pPr}</w:pPr></w:pPrDefault></w:docDefaults>`;
}

/** One ITA paragraph style as a w:style element. */
export function paragraphStyleXml(ctx: StyleCtx, spec: StyleSpec): string {
  const spacing: Spacing = {
    ...(spec.lineExactPt !== undefined ? { line: pointTwips(spec.lineExactPt), lineRule: "exact" } : LINE_SPACING),
    before: pointTwips(spec.spaceBeforePt ?? 0),
    after: pointTwips(spec.spaceAfterPt ?? 0),
  };
  const pPr = pPrContent({
    ...(spec.keepNext ? { keepNext: true } : {}),
    spacing,
    ...(spec.align ? { align: docxAlign(spec.align) } : {}),
    ...(spec.outlineLevel !== undefined ? { outlineLevel: spec.outlineLevel } : {}),
  });
  const basedOn = spec.id === STYLES.body.id ? "" : `<w:basedOn w:val="${STYLES.body.id}"/>`;
  const next = spec.id === STYLES.tableHeader.id ? STYLES.tableText.id : STYLES.body.id;
  return (
    `<w:style w:type="paragraph" w:styleId="${spec.id}"><w:name w:val="${esc(spec.name)}"/>${basedOn}<w:next w:val="${next}"/><w:qFormat/>` +
    `<w:pPr>${pPr}</w:pPr>${styleRun(ctx, spec.sizePt(ctx.baseSizePt), spec.bold)}</w:style>`
  );
}

/**
 * docx.js's word/styles.xml with itadoc's document defaults and styles: the
 * defaults replace docx.js's empty ones, the ITA paragraph styles and the
 * table style follow its built-in styles.
 */
export function withItaStyles(ctx: StyleCtx, stylesXml: string): string {
  const defaults = /<w:docDefaults>.*?<\/w:docDefaults>|<w:docDefaults\/>/s;
  if (!defaults.test(stylesXml)) throw new Error("word/styles.xml has no w:docDefaults");
  const paragraphStyles = (Object.keys(STYLES) as StyleKey[]).map((key) => paragraphStyleXml(ctx, STYLES[key])).join("");
  return addStyles(stylesXml.replace(defaults, () => docDefaultsXml(ctx)), paragraphStyles + tableStyleXml());
}

function addStyles(stylesXml: string, styles: string): string {
  const end = stylesXml.lastIndexOf("</w:styles>");
  if (end < 0) throw new Error("word/styles.xml has no </w:styles>");
  return stylesXml.slice(0, end) + styles + stylesXml.slice(end);
}

/** The table style: thin single borders and narrow cell margins; a table with borders off overrides them directly. */
function tableStyleXml(): string {
  const side = (name: string): string => `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(side).join("");
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE_ID}">` +
    `<w:name w:val="ITA Table"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr>${pPrContent({ spacing: { ...LINE_SPACING, before: 0, after: 0 } })}</w:pPr>` +
    `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>` +
    `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `</w:style>`
  );
}
