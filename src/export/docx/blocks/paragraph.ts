import { Paragraph as DocxParagraph, type IParagraphOptions } from "docx";
import type { Align, Paragraph } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import { scaledTwips, type DocxContext } from "../context.js";
import { modelRuns, runProps } from "../run-props.js";
import { STYLES, styleSizePt, type StyleKey } from "../styles.js";
import { cmToTwips } from "../units.js";

/** What a paragraph falls back to where it sits: the body, a header cell, a body cell. */
export interface ParagraphDefaults {
  readonly style: StyleKey;
  readonly align?: Align;
  /** A table's own size wins over the style's. */
  readonly sizePt?: number;
}

export const BODY_DEFAULTS: ParagraphDefaults = { style: "body" };

export function paragraphBlock(p: Paragraph, ctx: DocxContext, defaults: ParagraphDefaults = BODY_DEFAULTS): DocxParagraph {
  const key = p.style ?? defaults.style;
  const look = { sizePt: defaults.sizePt ?? styleSizePt(ctx, key), bold: STYLES[key].bold };
  const align = p.align ?? defaults.align;
  const options: IParagraphOptions = {
    style: STYLES[key].id,
    ...(align ? { alignment: docxAlign(align) } : {}),
    ...indent(p.firstLineIndentCm, p.leftIndentCm),
    ...spacing(ctx, p.spaceBeforePt, p.spaceAfterPt),
    ...(p.keepWithNext ? { keepNext: true } : {}),
    // The paragraph mark's look decides the height of an empty paragraph.
    run: runProps(ctx, look),
    children: modelRuns(ctx, p.runs, look),
  };
  return new DocxParagraph(options);
}

export function indent(firstLineCm: number | undefined, leftCm: number | undefined): Pick<IParagraphOptions, "indent"> {
  if (firstLineCm === undefined && leftCm === undefined) return {};
  return {
    indent: {
      ...(leftCm !== undefined ? { left: cmToTwips(leftCm) } : {}),
      ...(firstLineCm !== undefined && firstLineCm >= 0 ? { firstLine: cmToTwips(firstLineCm) } : {}),
      ...(firstLineCm !== undefined && firstLineCm < 0 ? { hanging: cmToTwips(-firstLineCm) } : {}),
    },
  };
}

export function spacing(ctx: DocxContext, beforePt: number | undefined, afterPt: number | undefined): Pick<IParagraphOptions, "spacing"> {
  if (beforePt === undefined && afterPt === undefined) return {};
  return {
    spacing: {
      ...(beforePt !== undefined ? { before: scaledTwips(ctx, beforePt) } : {}),
      ...(afterPt !== undefined ? { after: scaledTwips(ctx, afterPt) } : {}),
    },
  };
}
