/**
 * OIT items against the year's catalogue (framework data):
 * - catalogue known: an id outside it is an error at that id (O44 in 2563 does not exist);
 * - catalogue provisional: ids outside it are one warning listing them (the list may be incomplete);
 * - items that neither the catalogue nor the input names are one warning listing them,
 *   because the document would print the bare code.
 */
import { error, warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { Framework } from "./framework.js";
import type { OitItem } from "./domain.js";

type PosOf = (path: readonly (string | number)[]) => SourcePos;

function rangeOf(fw: Framework): string {
  const n = fw.oitCatalogue.length;
  return n === 0 ? "-" : `${fw.oitCatalogue[0]!.id}–${fw.oitCatalogue[n - 1]!.id}`;
}

export function checkOitItems(items: readonly OitItem[], fw: Framework, posOf: PosOf): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const inCatalogue = (id: string) => fw.oitCatalogue.some((c) => c.id === id);
  const unknown: number[] = [];
  const unnamed: number[] = [];
  items.forEach((item, i) => {
    const known = inCatalogue(item.id);
    if (!known && fw.catalogueStatus === "known") {
      errors.push(error("E_OIT_ITEM_UNKNOWN", { id: item.id, year: fw.year, range: rangeOf(fw) }, posOf(["assessment", "oit_items", i, "id"])));
      return;
    }
    if (!known && fw.catalogueStatus === "provisional") unknown.push(i);
    if (!known && item.name === undefined) unnamed.push(i);
  });
  const ids = (is: readonly number[]) => is.map((i) => items[i]!.id).join(", ");
  if (unknown.length > 0) {
    warnings.push(warning("W_OIT_ITEM_UNCHECKED", { ids: ids(unknown), year: fw.year, range: rangeOf(fw) }, posOf(["assessment", "oit_items", unknown[0]!, "id"])));
  }
  if (unnamed.length > 0) {
    warnings.push(warning("W_OIT_NAMES_MISSING", { ids: ids(unnamed), year: fw.year }, posOf(["assessment", "oit_items", unnamed[0]!])));
  }
  return { errors, warnings };
}
