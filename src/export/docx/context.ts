import type { FontSet } from "../exporter.js";
import type { MediaCollector } from "./media.js";

/** What every block converter needs; one per section (the text width changes with orientation). */
export interface DocxContext {
  readonly family: string;
  /** Official-face points × sizeScale = points written for `family`. */
  readonly sizeScale: number;
  /** Body size in official-face points. */
  readonly baseSizePt: number;
  /** Width between the section's margins. */
  readonly textWidthTwips: number;
  readonly images: ReadonlyMap<string, Uint8Array>;
  /** The document's embedded pictures, shared by all its sections. */
  readonly media: MediaCollector;
}

export function fontContext(fonts: FontSet): Pick<DocxContext, "family" | "sizeScale"> {
  return { family: fonts.family, sizeScale: fonts.sizeScale };
}

/** Official-face points → this family's half-points (w:sz), the unit Word stores sizes in. */
export function halfPoints(ctx: Pick<DocxContext, "sizeScale">, officialPt: number): number {
  return Math.max(2, Math.round(officialPt * ctx.sizeScale * 2));
}

/** Official-face points of vertical space → twips, scaled like the text it stands for. */
export function scaledTwips(ctx: Pick<DocxContext, "sizeScale">, officialPt: number): number {
  return Math.round(officialPt * ctx.sizeScale * 20);
}
