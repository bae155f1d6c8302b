/** Unit conversions for WordprocessingML: twips (1/20 pt), half-points, pixels at 96 dpi. */

export function cmToTwips(cm: number): number {
  return Math.round((cm * 1440) / 2.54);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

export function cmToPx96(cm: number): number {
  return (cm / 2.54) * 96;
}

/** A4 in twips (210 × 297 mm), portrait. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
