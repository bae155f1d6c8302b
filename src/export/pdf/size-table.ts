/**
 * The per-family size table (fonts/sizes.json): how many points of a family
 * draw as large as one point of the official TH Sarabun New. The CLI reads
 * the file (cli/resources.ts readSizeTable), parses it here and passes the
 * scale in FontSet.sizeScale.
 */
export interface FamilySize {
  /** Official-face points × scale = this family's points. */
  readonly scale: number;
  /** Line height as a multiple of the family's own ascender − descender. */
  readonly lineHeight: number;
}

export type SizeTable = ReadonlyMap<string, FamilySize>;

/** Parses the JSON value of fonts/sizes.json; keys starting with "_" are comments. */
export function parseSizeTable(json: unknown): SizeTable {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("sizes.json: expected an object of families");
  const table = new Map<string, FamilySize>();
  for (const [family, value] of Object.entries(json as Record<string, unknown>)) {
    if (family.startsWith("_")) continue;
    const v = value as Partial<Record<keyof FamilySize, unknown>> | null;
    const scale = v?.scale;
    const lineHeight = v?.lineHeight ?? 1;
    if (typeof scale !== "number" || !(scale > 0) || typeof lineHeight !== "number" || !(lineHeight > 0)) {
      throw new Error(`sizes.json: family "${family}" needs a positive "scale" (and optional positive "lineHeight")`);
    }
    table.set(family, { scale, lineHeight });
  }
  return table;
}

/** The entry for `family`, or the official face's (scale 1) when the family is not listed. */
export function familySize(table: SizeTable, family: string): FamilySize {
  return table.get(family) ?? { scale: 1, lineHeight: 1 };
}
