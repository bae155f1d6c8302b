import type { ExportOptions } from "../exporter.js";
import { DEFAULT_OFFICIAL_FONT, type OfficialFont } from "../../model/official-fonts.js";
import type { MediaCollector } from "./media.js";

/** What every block converter needs; one per section (the text width changes with orientation). */
export interface DocxContext {
  readonly family: OfficialFont;
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
export function fontContext(options: Pick<ExportOptions, "docxFont">): Pick<DocxContext, "family"> {
  return { family: options.docxFont ?? DEFAULT_OFFICIAL_FONT };
}

/**
 * Points → half-points (w:sz), the unit Word stores sizes in. The DOCX names
 * an official face, whose points the model's are, so sizes are written as
 * they are (the PDF's embedded family is the one that is scaled).
 */
export function halfPoints(officialPt: number): number {
  return Math.max(2, Math.round(officialPt * 2));
}

/** Points of vertical space → whole twips. */
export function pointTwips(officialPt: number): number {
  return Math.round(officialPt * 20);
}
