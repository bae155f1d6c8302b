/**
 * DOCX exporter: DocModel → .docx bytes with docx.js. Memo layout rules live
 * in blocks/memo-header.ts, blocks/signature.ts and blocks/approval.ts; Word
 * styles in styles.ts; page size, margins and numbers in page-setup.ts.
 * Fonts are not embedded: runs name FontSet.family, so a clerk with TH
 * Sarabun New installed can switch the family (and sizeScale) in the config.
 */
import { Document, Packer } from "docx";
import type { DocModel } from "../../model/document.js";
import type { ExportOptions, Exporter } from "../exporter.js";
import { blockToDocx } from "./blocks/index.js";
import { fontContext, type DocxContext } from "./context.js";
import { packDeterministic } from "./pack-deterministic.js";
import { pageNumberParts, sectionProperties, textWidthTwips } from "./page-setup.js";
import { addTableStyle, documentStyles } from "./styles.js";

const NO_IMAGES: ReadonlyMap<string, Uint8Array> = new Map();

export function buildDocxDocument(doc: DocModel, options: ExportOptions): Document {
  const base = { ...fontContext(options.fonts), baseSizePt: doc.baseSizePt, images: options.images ?? NO_IMAGES };
  return new Document({
    title: doc.meta.title,
    ...(doc.meta.subject !== undefined ? { subject: doc.meta.subject } : {}),
    ...(doc.meta.author !== undefined ? { creator: doc.meta.author, lastModifiedBy: doc.meta.author } : {}),
    ...(doc.meta.keywords !== undefined ? { keywords: doc.meta.keywords } : {}),
    styles: documentStyles(base),
    sections: doc.sections.map((section, i) => {
      const ctx: DocxContext = { ...base, textWidthTwips: textWidthTwips(section.page) };
      return {
        properties: sectionProperties(section.page, doc.pageNumbers, i === 0),
        ...pageNumberParts(doc.pageNumbers, ctx, i === 0),
        children: section.blocks.flatMap((b) => blockToDocx(b, ctx)),
      };
    }),
  });
}

export async function exportDocx(doc: DocModel, options: ExportOptions): Promise<Uint8Array> {
  const packed = await Packer.pack(buildDocxDocument(doc, options), "uint8array");
  return packDeterministic(packed, options.createdAt, { "word/styles.xml": addTableStyle });
}

export const docxExporter: Exporter = {
  format: "docx",
  export: exportDocx,
};
