import type { Align, Paragraph } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import { pointTwips, type DocxContext } from "../context.js";
import { paragraphXml, type Indent, type ParagraphProps, type Spacing } from "../paragraph-xml.js";
import { modelRuns, rPr, type RunLook } from "../run-props.js";
import { STYLES, styleSizePt, type StyleKey } from "../styles.js";
import { cmToTwips } from "../units.js";
import type { Mutable } from "../../../render/markup/optional.js";

/** What a paragraph falls back to where it sits: the body, a header cell, a body cell. */
export interface ParagraphDefaults {
  readonly style: StyleKey;
  readonly align?: Align;
  /** A table's own size wins over the style's. */
  readonly sizePt?: number;
}

export const BODY_DEFAULTS: ParagraphDefaults = { style: "body" };

export function paragraphBlock(p: Paragraph, ctx: DocxContext, defaults: ParagraphDefaults = BODY_DEFAULTS): string {
  const key = p.style ?? defaults.style;
  const styleSize = styleSizePt(ctx, key);
  const look = { sizePt: defaults.sizePt ?? styleSize, bold: STYLES[key].bold };
  const align = p.align ?? defaults.align;
  // Set field by field (not spread from small objects): every body and table paragraph comes here.
  const props: Mutable<ParagraphProps> = { style: STYLES[key].id };
  if (p.keepWithNext) props.keepNext = true;
  if (p.spaceBeforePt !== undefined || p.spaceAfterPt !== undefined) props.spacing = spacing(ctx, p.spaceBeforePt, p.spaceAfterPt).spacing;
  if (p.firstLineIndentCm !== undefined || p.leftIndentCm !== undefined) props.indent = indent(p.firstLineIndentCm, p.leftIndentCm).indent;
  if (align) props.align = docxAlign(align);
  if (p.runs.length === 0 || look.sizePt !== styleSize) props.markRun = rPr(ctx, look);
  return paragraphXml(props, modelRuns(ctx, p.runs, look));
}

/**
 * The paragraph mark's run properties, needed where the mark must not take
 * the style's size: an empty paragraph (its height is the mark's) or a table
 * whose size differs from its style's. Elsewhere the style already says it.
 */
export function paragraphMark(ctx: DocxContext, key: StyleKey, look: RunLook, empty: boolean): Pick<ParagraphProps, "markRun"> {
  return empty || look.sizePt !== styleSizePt(ctx, key) ? { markRun: rPr(ctx, look) } : {};
}

export function indent(firstLineCm: number | undefined, leftCm: number | undefined): { indent?: Indent } {
  if (firstLineCm === undefined && leftCm === undefined) return {};
  return {
    indent: {
      ...(leftCm !== undefined ? { left: cmToTwips(leftCm) } : {}),
      ...(firstLineCm !== undefined && firstLineCm >= 0 ? { firstLine: cmToTwips(firstLineCm) } : {}),
      ...(firstLineCm !== undefined && firstLineCm < 0 ? { hanging: cmToTwips(-firstLineCm) } : {}),
    },
  };
}

export function spacing(ctx: DocxContext, beforePt: number | undefined, afterPt: number | undefined): { spacing?: Spacing } {
  if (beforePt === undefined && afterPt === undefined) return {};
  return {
    spacing: {
      ...(beforePt !== undefined ? { before: pointTwips(beforePt) } : {}),
      ...(afterPt !== undefined ? { after: pointTwips(afterPt) } : {}),
    },
  };
}
