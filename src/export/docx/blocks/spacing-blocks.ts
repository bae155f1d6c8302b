import { LineRuleType, PageBreak as DocxPageBreak, Paragraph as DocxParagraph } from "docx";
import type { Spacer } from "../../../model/document.js";
import { scaledTwips, type DocxContext } from "../context.js";
import { runProps } from "../run-props.js";

/** The smallest size Word stores (1 pt), for paragraph marks that should take no room. */
const TINY_PT = 1;

/**
 * A page break's paragraph mark lands on the next page; an exact 1 pt line
 * keeps it from pushing the next block down.
 */
export function pageBreakBlock(ctx: DocxContext): DocxParagraph {
  return new DocxParagraph({
    spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: runProps(ctx, { sizePt: TINY_PT / ctx.sizeScale }),
    children: [new DocxPageBreak()],
  });
}

/** Vertical space as an empty paragraph of exactly that height (scaled like text). */
export function spacerBlock(s: Spacer, ctx: DocxContext): DocxParagraph {
  return new DocxParagraph({
    spacing: { line: Math.max(20, scaledTwips(ctx, s.heightPt)), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    run: runProps(ctx, { sizePt: TINY_PT / ctx.sizeScale }),
    children: [],
  });
}
