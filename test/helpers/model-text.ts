/** Every piece of text a document model prints as one flowing paragraph (body, cells, header fields, signatures). */
import type { Block, CellBlock, DocModel, Run, Signature } from "../../src/model/document.js";

const runs = (rs: readonly Run[]): string => rs.map((r) => r.text).join("");

function signature(s: Signature): string[] {
  return [`(${s.name})`, ...s.positions, ...(s.date ? [s.date] : [])];
}

function cellBlock(b: CellBlock): string[] {
  return b.type === "paragraph" ? [runs(b.runs)] : b.items.map((i) => `${i.marker} ${runs(i.runs)}`);
}

function block(b: Block): string[] {
  switch (b.type) {
    case "paragraph":
    case "heading":
      return [runs(b.runs)];
    case "list":
      return b.items.map((i) => `${i.marker} ${runs(i.runs)}`);
    case "table":
      return b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks.flatMap(cellBlock)));
    case "memoHeader":
      return [b.title, b.division, b.number, b.date, b.subject];
    case "signature":
      return signature(b);
    case "approval":
      return [...(b.to !== undefined ? [`${b.salutation} ${b.to}`] : []), ...b.options, ...b.comments, ...signature(b.signer)];
    case "chart":
      // Short labels set one per line; the title is the only text that may wrap.
      return [b.title, ...b.categories, ...(b.passLine ? [b.passLine.label] : [])];
    case "image":
    case "pageBreak":
    case "spacer":
      return [];
  }
}

export function modelParagraphs(doc: DocModel): string[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap(block));
}
