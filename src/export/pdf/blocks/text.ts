import type { Align, Heading, ListBlock, Paragraph, ParagraphStyle } from "../../../model/document.js";
import { runsToInlines } from "../thai-wrap.js";
import { PT_PER_CM, pt, type BlockContext, type Node } from "./context.js";

/** Official-face sizes per paragraph style (TH Sarabun New conventions). */
const STYLE_PT: Record<ParagraphStyle, { readonly delta: number; readonly bold: boolean }> = {
  body: { delta: 0, bold: false },
  title: { delta: 4, bold: true },
  subtitle: { delta: 2, bold: true },
  small: { delta: -2, bold: false },
  tableText: { delta: 0, bold: false },
  tableHeader: { delta: 0, bold: true },
};

const HEADING_PT: Record<Heading["level"], number> = { 1: 4, 2: 2, 3: 0 };

/**
 * pdfmake justifies by spreading a line's slack between all its inline
 * pieces, which for Thai means gaps between words: Thai readers take a space
 * for a phrase break, and extractors then put spaces inside sentences. Thai
 * text is set ragged-right instead.
 */
export function pdfAlign(align: Align): Exclude<Align, "justify"> {
  return align === "justify" ? "left" : align;
}

/** `sizePt`: the official size the paragraph's style is relative to (body size, or the table's size). */
export function paragraph(p: Paragraph, ctx: BlockContext, sizePt = ctx.basePt): Node {
  const style = STYLE_PT[p.style ?? "body"];
  const node: Node = {
    text: runsToInlines(p.runs, ctx.scale),
    fontSize: pt(ctx, sizePt + style.delta),
    margin: [(p.leftIndentCm ?? 0) * PT_PER_CM, p.spaceBeforePt ?? 0, 0, p.spaceAfterPt ?? 0],
  };
  if (style.bold) node["bold"] = true;
  if (p.align) node["alignment"] = pdfAlign(p.align);
  if (p.firstLineIndentCm) node["leadingIndent"] = p.firstLineIndentCm * PT_PER_CM;
  return node;
}

export function heading(h: Heading, ctx: BlockContext): Node {
  return {
    text: runsToInlines(h.runs, ctx.scale),
    fontSize: pt(ctx, ctx.basePt + HEADING_PT[h.level]),
    bold: true,
    margin: [0, h.spaceBeforePt ?? 6, 0, h.spaceAfterPt ?? 3],
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
