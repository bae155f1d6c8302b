import type { Align, Heading, ListBlock, Paragraph } from "../../../model/document.js";
import { HEADING_LOOK, PARAGRAPH_LOOK, headingSizePt, paragraphSizePt } from "../../../model/layout.js";
import { runsToInlines } from "../thai-wrap.js";
import { PT_PER_CM, pt, type BlockContext, type Node } from "./context.js";

/**
 * pdfmake justifies by spreading a line's slack between all its inline
 * pieces, which for Thai means gaps between words: Thai readers take a space
 * for a phrase break, and extractors then put spaces inside sentences. Thai
 * text is set ragged-right instead.
 */
export function pdfAlign(align: Align): Exclude<Align, "justify"> {
  return align === "justify" ? "left" : align;
}

/** `tableSizePt`: the size of the table the paragraph sits in, if any (model/layout.ts paragraphSizePt). */
export function paragraph(p: Paragraph, ctx: BlockContext, tableSizePt?: number): Node {
  const styleName = p.style ?? "body";
  const style = PARAGRAPH_LOOK[styleName];
  const node: Node = {
    text: runsToInlines(p.runs, ctx.scale),
    fontSize: pt(ctx, paragraphSizePt(styleName, ctx.basePt, tableSizePt)),
    margin: [(p.leftIndentCm ?? 0) * PT_PER_CM, p.spaceBeforePt ?? style.spaceBeforePt, 0, p.spaceAfterPt ?? style.spaceAfterPt],
  };
  if (style.bold) node["bold"] = true;
  const align = p.align ?? style.align;
  if (align) node["alignment"] = pdfAlign(align);
  if (p.firstLineIndentCm) node["leadingIndent"] = p.firstLineIndentCm * PT_PER_CM;
  return node;
}

export function heading(h: Heading, ctx: BlockContext): Node {
  return {
    text: runsToInlines(h.runs, ctx.scale),
    fontSize: pt(ctx, headingSizePt(h.level, ctx.basePt)),
    bold: HEADING_LOOK[h.level].bold,
    margin: [0, h.spaceBeforePt ?? HEADING_LOOK[h.level].spaceBeforePt, 0, h.spaceAfterPt ?? HEADING_LOOK[h.level].spaceAfterPt],
    ...(h.align ? { alignment: pdfAlign(h.align) } : {}),
  };
}

/** Markers are text the renderer chose ("๑)", "-"), so a two-column row, not pdfmake's ul/ol. */
export function list(l: ListBlock, ctx: BlockContext, sizePt = ctx.basePt): Node {
  const fontSize = pt(ctx, sizePt);
  const gap = fontSize * 0.4;
  const markerWidth = Math.max(0, ...l.items.map((i) => ctx.fonts.widthOf("normal", i.marker, fontSize)));
  return {
    stack: l.items.map((item) => ({
      columns: [
        { width: markerWidth, text: item.marker },
        { width: "*", text: runsToInlines(item.runs, ctx.scale) },
      ],
      columnGap: markerWidth > 0 ? gap : 0,
    })),
    fontSize,
    margin: [(l.leftIndentCm ?? 0) * PT_PER_CM, 0, 0, 0],
  };
}
