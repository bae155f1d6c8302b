/** Builds an OIT item catalogue from its sub-indicator groups, numbering the items O1, O2, … in order. */
import type { OitItemDef } from "../framework.js";

export type CatalogueGroup = readonly [indicator: "O9" | "O10", subIndicator: string, names: readonly string[]];

export function numberedCatalogue(groups: readonly CatalogueGroup[]): readonly OitItemDef[] {
  let n = 0;
  return groups.flatMap(([indicator, subIndicator, names]) => names.map((name) => ({ id: `O${++n}`, name, indicator, subIndicator })));
}
