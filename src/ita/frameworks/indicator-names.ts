/**
 * Which indicator a clerk means: its id (I1 … O10), its number ("ตัวชี้วัดที่ ๔",
 * "4"), or its name in any year's wording, including the variants
 * organisations print (IndicatorDef.aliases). Spaces and Thai digits do not
 * matter, so "การใช้ทรัพย์สิน ของทางราชการ" is indicator 4 too.
 */
import type { IndicatorId } from "../domain.js";
import { FRAMEWORKS } from "./index.js";

const squash = (s: string) => s.normalize("NFC").replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/\s+/g, "");

const BY_WORDING: ReadonlyMap<string, IndicatorId> = (() => {
  const m = new Map<string, IndicatorId>();
  for (const fw of FRAMEWORKS.values()) {
    for (const i of fw.indicators) {
      m.set(squash(i.id).toUpperCase(), i.id);
      m.set(String(i.number), i.id);
      for (const w of [i.name, ...(i.aliases ?? [])]) m.set(squash(w), i.id);
    }
  }
  return m;
})();

export function indicatorIdOf(typed: string): IndicatorId | undefined {
  const s = squash(typed).replace(/^ตัวชี้วัด(ที่)?/, "");
  return BY_WORDING.get(s.toUpperCase()) ?? BY_WORDING.get(s);
}
