/**
 * PDF bookmarks (the outline a viewer shows beside the pages) from the
 * document's headings, so a reader of a long measures plan can jump to a
 * part, and a screen reader can list them.
 *
 * What counts as a heading: heading blocks by their level; a paragraph in
 * the title style (the document's title) or the subtitle style; and a
 * paragraph kept with the next block whose text is all bold, which is how
 * the built-in templates write a numbered section heading
 * (`<p keep-with-next="true"><b>๑. ผลคะแนนรายตัวชี้วัด</b></p>`).
 *
 * Each entry nests under the nearest entry of a lower level before it, and
 * its destination is a named destination at the heading's first line (pdfmake
 * places one wherever a text node has an id), so a click scrolls to the
 * heading, not to the top of its page.
 */
import type { Block, Run } from "../../model/document.js";
import type { Node } from "./blocks/context.js";

export type OutlineLevel = 1 | 2 | 3;

/** The outline level of a block, or undefined for a block that is no heading. */
export function outlineLevelOf(b: Block): OutlineLevel | undefined {
  if (b.type === "heading") return b.level;
  if (b.type !== "paragraph") return undefined;
  if (b.style === "title") return 1;
  if (b.style === "subtitle") return 2;
  const text = b.runs.filter((r) => r.text.trim() !== "");
  if (b.keepWithNext === true && text.length > 0 && text.every((r) => r.bold === true)) return 2;
  return undefined;
}

/** The bookmark's text: the heading's, with its white space collapsed. */
export function outlineText(runs: readonly Run[]): string {
  return runs
    .map((r) => r.text)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Hands out the pdfmake properties that make a text node an outline entry, in document order. */
export class OutlineBuilder {
  private readonly open: Array<{ readonly level: OutlineLevel; readonly id: string }> = [];
  private count = 0;

  /** pdfmake node properties for a heading of `level` with bookmark text `text`; {} for empty text. */
  entry(level: OutlineLevel, text: string): Node {
    if (text === "") return {};
    while ((this.open.at(-1)?.level ?? 0) >= level) this.open.pop();
    const parent = this.open.at(-1);
    const id = `h${++this.count}`;
    this.open.push({ level, id });
    return { id, outline: true, outlineText: text, ...(parent ? { outlineParentId: parent.id } : {}) };
  }
}
