import { ImageRun, Paragraph as DocxParagraph } from "docx";
import type { Image } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { imageInfo } from "../image-info.js";
import { cmToPx96 } from "../units.js";

/**
 * An inline picture of the given size in cm, or undefined when the options
 * carry no bytes for the reference (the caller skips it, as ExportOptions says).
 */
export function imageRun(ref: string, widthCm: number, heightCm: number, ctx: DocxContext, altText: string): ImageRun | undefined {
  const bytes = ctx.images.get(ref);
  if (bytes === undefined) return undefined;
  const info = imageInfo(bytes);
  if (info === undefined) throw new Error(`image "${ref}" is not a PNG, JPEG, GIF or BMP file`);
  return new ImageRun({
    type: info.type,
    data: bytes,
    transformation: { width: cmToPx96(widthCm), height: cmToPx96(heightCm) },
    altText: { name: ref, description: altText, title: altText },
  });
}

/** Width for a given height, keeping the picture's proportions (the emblem is given by height only). */
export function widthForHeightCm(ref: string, heightCm: number, ctx: DocxContext): number | undefined {
  const bytes = ctx.images.get(ref);
  const info = bytes === undefined ? undefined : imageInfo(bytes);
  if (info === undefined || info.heightPx === 0) return undefined;
  return (heightCm * info.widthPx) / info.heightPx;
}

export function imageBlock(img: Image, ctx: DocxContext): DocxParagraph[] {
  const run = imageRun(img.ref, img.widthCm, img.heightCm, ctx, img.ref);
  if (run === undefined) return [];
  return [new DocxParagraph({ ...(img.align ? { alignment: docxAlign(img.align) } : {}), children: [run] })];
}
