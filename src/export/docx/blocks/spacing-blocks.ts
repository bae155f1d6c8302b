import type { Spacer } from "../../../model/document.js";
import { pointTwips, type DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { rPr } from "../run-props.js";

/** The smallest size Word stores (1 pt), for paragraph marks that should take no room. */
const TINY_PT = 1;

/**
 * A page break's paragraph mark lands on the next page; an exact 1 pt line
 * keeps it from pushing the next block down.
 */
export function pageBreakBlock(ctx: DocxContext): string {
  return paragraphXml(
    { spacing: { after: 0, before: 0, line: 20, lineRule: "exact" }, markRun: rPr(ctx, { sizePt: TINY_PT }) },
    '<w:r><w:br w:type="page"/></w:r>',
  );
}

/** Vertical space as an empty paragraph of exactly that height. */
export function spacerBlock(s: Spacer, ctx: DocxContext): string {
  return paragraphXml(
    {
      spacing: { after: 0, before: 0, line: Math.max(20, pointTwips(s.heightPt)), lineRule: "exact" },
      markRun: rPr(ctx, { sizePt: TINY_PT }),
    },
    "",
  );
}
