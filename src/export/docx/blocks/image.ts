import type { Image } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { imageInfo } from "../image-info.js";
import { paragraphXml } from "../paragraph-xml.js";
import { cmToPx96 } from "../units.js";
import { esc } from "../xml.js";

const EMU_PER_PX = 9525;
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

/**
 * A run holding an inline picture of the given size in cm, or undefined when
 * the options carry no bytes for the reference (the caller skips it, as
 * ExportOptions says).
 */
export function imageRun(ref: string, widthCm: number, heightCm: number, ctx: DocxContext, altText: string): string | undefined {
  const bytes = ctx.images.get(ref);
  if (bytes === undefined) return undefined;
  const info = imageInfo(bytes);
  if (info === undefined) throw new Error(`image "${ref}" is not a PNG, JPEG, GIF or BMP file`);
  const rId = ctx.media.add(bytes, info.type);
  const cx = Math.round(cmToPx96(widthCm) * EMU_PER_PX);
  const cy = Math.round(cmToPx96(heightCm) * EMU_PER_PX);
  const alt = esc(altText);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr id="${ctx.media.nextDrawingId()}" name="${esc(ref)}" descr="${alt}" title="${alt}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks ${A} noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic ${A}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>` +
    `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** Width for a given height, keeping the picture's proportions (the emblem is given by height only). */
export function widthForHeightCm(ref: string, heightCm: number, ctx: DocxContext): number | undefined {
  const bytes = ctx.images.get(ref);
  const info = bytes === undefined ? undefined : imageInfo(bytes);
  if (info === undefined || info.heightPx === 0) return undefined;
  return (heightCm * info.widthPx) / info.heightPx;
}

export function imageBlock(img: Image, ctx: DocxContext): string[] {
  const run = imageRun(img.ref, img.widthCm, img.heightCm, ctx, img.ref);
  if (run === undefined) return [];
  return [paragraphXml(img.align ? { align: docxAlign(img.align) } : {}, run)];
}
