/**
 * Weak OIT items (score under 100) with their catalogue names and last year's
 * score, in catalogue order, ready for the memo's weak-items table.
 */
import type { Assessment, OitItem } from "./domain.js";
import type { Framework } from "./framework.js";

export interface WeakItem {
  readonly id: string;
  readonly number: number;
  /** Typed name, else the catalogue's; absent where neither gives one (the code alone is printed). */
  readonly name?: string;
  readonly subIndicator?: string;
  readonly topic?: string;
  readonly score: number;
  readonly previous?: number;
  readonly analysis?: readonly string[];
  readonly recommendation?: readonly string[];
  /** Position in the input list (for warnings about this item). */
  readonly index: number;
}

const itemNumber = (id: string) => Number(id.slice(1));

export function weakItems(a: Assessment, fw: Framework, previousYear?: Assessment): WeakItem[] {
  const prevById = new Map<string, OitItem>((previousYear?.oit_items ?? []).map((i) => [i.id, i]));
  return (a.oit_items ?? [])
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.score < 100)
    .sort((x, y) => itemNumber(x.item.id) - itemNumber(y.item.id))
    .map(({ item, index }) => {
      const cat = fw.oitCatalogue.find((c) => c.id === item.id);
      const previous = item.previous ?? prevById.get(item.id)?.score;
      const subIndicator = item.sub_indicator ?? cat?.subIndicator;
      const name = item.name ?? cat?.name;
      return {
        id: item.id,
        number: itemNumber(item.id),
        ...(name !== undefined ? { name } : {}),
        ...(subIndicator !== undefined ? { subIndicator } : {}),
        ...(item.topic !== undefined ? { topic: item.topic } : {}),
        score: item.score,
        ...(previous !== undefined ? { previous } : {}),
        ...(item.analysis ? { analysis: item.analysis } : {}),
        ...(item.recommendation ? { recommendation: item.recommendation } : {}),
        index,
      };
    });
}
