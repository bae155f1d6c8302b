import type { ExportOptions } from "../exporter.js";
import { DEFAULT_OFFICIAL_FONT, type OfficialFont } from "../../model/official-fonts.js";
import type { MediaCollector } from "./media.js";

/** What every block converter needs; one per section (the text width changes with orientation). */
export interface DocxContext {
  readonly family: OfficialFont;
  /** Model points × sizeScale = points written. 1: the DOCX names an official face, whose points the model's are. */
  readonly sizeScale: number;
  /** Body size in official-face points. */
  readonly baseSizePt: number;
  /** Width between the section's margins. */
  readonly textWidthTwips: number;
  readonly images: ReadonlyMap<string, Uint8Array>;
  /** The document's embedded pictures, shared by all its sections. */
  readonly media: MediaCollector;
}

/**
 * The face the DOCX names: the one a government PC has, not the PDF's
 * embedded face (FontSet), so Word shows "TH SarabunPSK 16" to the clerk.
 */
export function fontContext(options: Pick<ExportOptions, "docxFont">): Pick<DocxContext, "family" | "sizeScale"> {
  return { family: options.docxFont ?? DEFAULT_OFFICIAL_FONT, sizeScale: 1 };
}

/** Official-face points → this family's half-points (w:sz), the unit Word stores sizes in. */
export function halfPoints(ctx: Pick<DocxContext, "sizeScale">, officialPt: number): number {
  return Math.max(2, Math.round(officialPt * ctx.sizeScale * 2));
}

/** Official-face points of vertical space → twips, scaled like the text it stands for. */
export function scaledTwips(ctx: Pick<DocxContext, "sizeScale">, officialPt: number): number {
  return Math.round(officialPt * ctx.sizeScale * 20);
}
