import { assertNever, type Block, type Run } from "../../../model/document.js";
import { HEADING_LOOK, PARAGRAPH_LOOK } from "../../../model/layout.js";
import { PT_PER_CM, type BlockContext, type Node } from "./context.js";
import { chart } from "./chart.js";
import { approval, memoHeader, signature } from "./memo.js";
import { table } from "./table.js";
import { heading, list, paragraph, pdfAlign } from "./text.js";
import { outlineLevelOf, outlineText } from "../outline.js";

/** A heading's node with its bookmark (outline.ts), when the context keeps an outline. */
function withOutline(b: Block & { readonly runs: readonly Run[] }, node: Node, ctx: BlockContext): Node {
  const level = outlineLevelOf(b);
  return level && ctx.outline ? { ...node, ...ctx.outline.entry(level, outlineText(b.runs)) } : node;
}

function block(b: Block, ctx: BlockContext): Node[] {
  switch (b.type) {
    case "paragraph":
      return [withOutline(b, paragraph(b, ctx), ctx)];
    case "heading":
      return [withOutline(b, heading(b, ctx), ctx)];
    case "list":
      return [list(b, ctx)];
    case "table":
      return [table(b, ctx)];
    case "memoHeader":
      return memoHeader(b, ctx);
    case "signature":
      return [signature(b, ctx)];
    case "approval":
      return [approval(b, ctx)];
    case "image":
      if (!ctx.images.has(b.ref)) return [];
      return [{ image: b.ref, width: b.widthCm * PT_PER_CM, height: b.heightCm * PT_PER_CM, alignment: pdfAlign(b.align ?? "left") }];
    case "chart":
      return [chart(b, ctx)];
    case "pageBreak":
      return [{ text: "", pageBreak: "after" }];
    case "spacer":
      // An empty canvas takes no line of its own: the space is just the margin.
      return [{ canvas: [], margin: [0, b.heightPt, 0, 0] }];
    default:
      return assertNever(b);
  }
}

/** Headings and paragraphs whose style keeps with next (model/layout.ts), or a paragraph marked so. */
function keepsWithNext(b: Block): boolean {
  if (b.type === "heading") return HEADING_LOOK[b.level].keepWithNext;
  return b.type === "paragraph" && (b.keepWithNext ?? PARAGRAPH_LOOK[b.style ?? "body"].keepWithNext);
}

/**
 * pdfmake has no keep-with-next: a block marked so is put in one unbreakable
 * stack with the block after it, unless that block is a table (an unbreakable
 * table longer than a page would lose its rows).
 */
export function blocksToContent(blocks: readonly Block[], ctx: BlockContext): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const next = blocks[i + 1];
    const keep = keepsWithNext(b) && next !== undefined;
    if (keep && next.type !== "table" && next.type !== "pageBreak") {
      out.push({ stack: [...block(b, ctx), ...block(next, ctx)], unbreakable: true });
      i++;
    } else {
      out.push(...block(b, ctx));
    }
  }
  return out;
}
