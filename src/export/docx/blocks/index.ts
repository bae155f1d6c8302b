import { assertNever, type Block } from "../../../model/document.js";
import type { DocxContext } from "../context.js";
import { approvalBlock } from "./approval.js";
import { chartBlock } from "./chart.js";
import { headingBlock } from "./heading.js";
import { imageBlock } from "./image.js";
import { listBlock } from "./list.js";
import { memoHeaderBlock } from "./memo-header.js";
import { paragraphBlock } from "./paragraph.js";
import { signatureBlock } from "./signature.js";
import { pageBreakBlock, spacerBlock } from "./spacing-blocks.js";
import { tableBlock } from "./table.js";

/** One model block → its body elements (w:p or w:tbl), as XML, in order. */
export function blockToDocx(b: Block, ctx: DocxContext): string[] {
  switch (b.type) {
    case "paragraph":
      return [paragraphBlock(b, ctx)];
    case "heading":
      return [headingBlock(b, ctx)];
    case "list":
      return listBlock(b, ctx);
    case "table":
      return [tableBlock(b, ctx)];
    case "memoHeader":
      return memoHeaderBlock(b, ctx);
    case "signature":
      return signatureBlock(b, ctx);
    case "approval":
      return approvalBlock(b, ctx);
    case "image":
      return imageBlock(b, ctx);
    case "chart":
      return chartBlock(b, ctx);
    case "pageBreak":
      return [pageBreakBlock(ctx)];
    case "spacer":
      return [spacerBlock(b, ctx)];
    default:
      return assertNever(b);
  }
}
