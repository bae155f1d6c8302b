/**
 * Named Word styles a clerk can change (Home → Styles): one per model
 * ParagraphStyle plus the headings and the memo parts, and one table style.
 * Sizes are official-face points, scaled per font family when written.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from "docx";
import type { Align, ParagraphStyle } from "../../model/document.js";
import { docxAlign } from "./alignment.js";
import { scaledTwips, type DocxContext } from "./context.js";
import { runProps } from "./run-props.js";

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

/** The regulation sets บันทึกข้อความ at 29 pt and its field labels at 20 pt, whatever the body size. */
export const MEMO_TITLE_PT = 29;
export const MEMO_LABEL_PT = 20;
/** The typing guidance appended to the regulation: the title line is exactly 35 pt high. */
export const MEMO_TITLE_LINE_PT = 35;

export const STYLES: Readonly<Record<StyleKey, StyleSpec>> = {
  body: { id: "ITABody", name: "ITA Body", sizePt: (b) => b, bold: false },
  title: { id: "ITATitle", name: "ITA Title", sizePt: (b) => b + 4, bold: true, align: "center", spaceAfterPt: 6, keepNext: true },
  subtitle: { id: "ITASubtitle", name: "ITA Subtitle", sizePt: (b) => b + 2, bold: true, align: "center", keepNext: true },
  small: { id: "ITASmall", name: "ITA Small", sizePt: (b) => b - 2, bold: false },
  tableText: { id: "ITATableText", name: "ITA Table Text", sizePt: (b) => b - 2, bold: false },
  tableHeader: { id: "ITATableHeader", name: "ITA Table Header", sizePt: (b) => b - 2, bold: true, align: "center" },
  heading1: { id: "ITAHeading1", name: "ITA Heading 1", sizePt: (b) => b + 2, bold: true, spaceBeforePt: 6, keepNext: true, outlineLevel: 0 },
  heading2: { id: "ITAHeading2", name: "ITA Heading 2", sizePt: (b) => b, bold: true, spaceBeforePt: 6, keepNext: true, outlineLevel: 1 },
  heading3: { id: "ITAHeading3", name: "ITA Heading 3", sizePt: (b) => b, bold: true, keepNext: true, outlineLevel: 2 },
  memoTitle: { id: "ITAMemoTitle", name: "ITA Memo Title", sizePt: () => MEMO_TITLE_PT, bold: true, align: "center", lineExactPt: MEMO_TITLE_LINE_PT },
  memoField: { id: "ITAMemoField", name: "ITA Memo Field", sizePt: (b) => b, bold: false },
  signature: { id: "ITASignature", name: "ITA Signature", sizePt: (b) => b, bold: false, align: "center", keepNext: true },
  pageNumber: { id: "ITAPageNumber", name: "ITA Page Number", sizePt: (b) => b, bold: false, align: "center" },
};

export const TABLE_STYLE_ID = "ITATable";

/** Single line spacing, written out so it never falls back to an application default. */
export const LINE_SPACING = { line: 240, lineRule: LineRuleType.AUTO } as const;

type StyleCtx = Pick<DocxContext, "family" | "sizeScale" | "baseSizePt">;

export function styleSizePt(ctx: Pick<DocxContext, "baseSizePt">, key: StyleKey): number {
  return STYLES[key].sizePt(ctx.baseSizePt);
}

export function documentStyles(ctx: StyleCtx): IStylesOptions {
  const body = runProps(ctx, { sizePt: ctx.baseSizePt });
  return {
    default: {
      document: { run: body, paragraph: { spacing: { ...LINE_SPACING, before: 0, after: 0 } } },
    },
    paragraphStyles: (Object.keys(STYLES) as StyleKey[]).map((key) => paragraphStyle(ctx, STYLES[key])),
  };
}

function paragraphStyle(ctx: StyleCtx, spec: StyleSpec): IParagraphStyleOptions {
  return {
    id: spec.id,
    name: spec.name,
    ...(spec.id === STYLES.body.id ? {} : { basedOn: STYLES.body.id }),
    next: spec.id === STYLES.tableHeader.id ? STYLES.tableText.id : STYLES.body.id,
    quickFormat: true,
    run: runProps(ctx, { sizePt: spec.sizePt(ctx.baseSizePt), ...(spec.bold ? { bold: true } : {}) }),
    paragraph: {
      ...(spec.align ? { alignment: docxAlign(spec.align) as (typeof AlignmentType)[keyof typeof AlignmentType] } : {}),
      spacing: {
        ...(spec.lineExactPt !== undefined ? { line: scaledTwips(ctx, spec.lineExactPt), lineRule: LineRuleType.EXACT } : LINE_SPACING),
        before: scaledTwips(ctx, spec.spaceBeforePt ?? 0),
        after: scaledTwips(ctx, spec.spaceAfterPt ?? 0),
      },
      ...(spec.keepNext ? { keepNext: true } : {}),
      ...(spec.outlineLevel !== undefined ? { outlineLevel: spec.outlineLevel } : {}),
    },
  };
}

/**
 * The table style: thin single borders and narrow cell margins; a table with
 * borders off overrides them directly. docx.js has no table-style option (its
 * importedStyles would replace its default styles and docDefaults), so the
 * style is added to the word/styles.xml it writes (fixed-parts.ts).
 */
export function addTableStyle(stylesXml: string): string {
  const side = (name: string): string => `<w:${name} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(side).join("");
  const style =
    `<w:style w:type="table" w:customStyle="1" w:styleId="${TABLE_STYLE_ID}">` +
    `<w:name w:val="ITA Table"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="${LINE_SPACING.line}" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>` +
    `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `</w:style>`;
  const end = stylesXml.lastIndexOf("</w:styles>");
  if (end < 0) throw new Error("word/styles.xml has no </w:styles>");
  return stylesXml.slice(0, end) + style + stylesXml.slice(end);
}
