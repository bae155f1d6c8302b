/**
 * Printed wording as data: one flat map of the texts a template prints that
 * are not the clerk's own paragraphs — the names of tools and indicators,
 * the result words, the fixed headings and labels, the org line. The
 * defaults below are today's wording; org.yaml `wording:` overrides them for
 * every document of the organisation and `<kind>.wording:` in a year file for
 * that document alone (document over organisation over default).
 * Templates read the merged map as `wording.<key>`.
 */
import { INDICATOR_IDS } from "../../ita/domain.js";
import type { YearResult } from "../../ita/score-year.js";

/** Keys that rename a tool (iit, eit, oit) or an indicator (I1 … O10): not headings, they rename the score data itself. */
export const NAME_KEYS = ["iit", "eit", "oit", ...INDICATOR_IDS] as const;

/**
 * The fixed texts, with today's wording. Printed as typed (headings keep the
 * digits they are written with, as they always have).
 */
export const WORDING_DEFAULTS = {
  /** Per-indicator and per-tool result words (report score table). */
  passed: "ผ่าน",
  failed: "ไม่ผ่าน",
  /** The line under a title: default "<office> อำเภอ… จังหวัด…"; `false` leaves it out. */
  org_line: "",
  // report
  scores_heading: "๑. ผลคะแนนรายตัวชี้วัด",
  analysis_heading: "๒. การวิเคราะห์ผลการประเมิน",
  activities_heading: "๓. กิจกรรมเพื่อพัฒนาตัวชี้วัดที่เลือก",
  total: "คะแนนรวม",
  subtotal: "รวม",
  // measures
  issues_heading: "ประเด็นที่ต้องแก้ไข/ปรับปรุง/รักษาระดับ",
  indicator_list_intro: "โดยวิเคราะห์ผลการประเมินแต่ละตัวชี้วัดได้ดังนี้",
  summary_line: "สรุประดับผลคะแนนที่ได้",
  indicator_column: "ตัวชี้วัด",
  score_column: "คะแนน",
  // memo
  memo_title: "บันทึกข้อความ",
  salutation: "เรียน",
  attachments_heading: "สิ่งที่ส่งมาด้วย",
  peers_heading: "สัดส่วนหน่วยงานตามเป้าหมายแผนแม่บทฯ",
  peers_passed: "ผ่านเกณฑ์",
  peers_failed: "ไม่ผ่านเกณฑ์",
  years_summary: "สรุประดับผลคะแนนที่ทำได้",
  // progress
  progress_summary_heading: "สรุปผลการดำเนินการ",
} as const;

export type WordingKey = keyof typeof WORDING_DEFAULTS;
export const WORDING_KEYS = Object.keys(WORDING_DEFAULTS) as WordingKey[];

/** What org.yaml and a document section may hold under `wording:` (all optional, already parsed text). */
export type WordingInput = Partial<Record<WordingKey | (typeof NAME_KEYS)[number], string>>;

export interface Wording {
  /** The merged texts, for the templates. `org_line` is the line itself, or null when left out. */
  readonly texts: Readonly<Record<Exclude<WordingKey, "org_line">, string>> & { readonly org_line: string | null };
  /** Printed names by tool or indicator id (only the ones the clerk changed). */
  readonly names: Readonly<Record<string, string>>;
}

/** Document over organisation over default; `defaultOrgLine` is the kind's computed line. */
export function mergeWording(defaultOrgLine: string, ...layers: (WordingInput | undefined)[]): Wording {
  const merged: Record<string, string> = {};
  for (const layer of layers) if (layer) Object.assign(merged, layer);
  const names: Record<string, string> = {};
  for (const k of NAME_KEYS) if (merged[k] !== undefined) names[k] = merged[k];
  const texts: Record<string, string | null> = { ...WORDING_DEFAULTS };
  for (const k of WORDING_KEYS) if (merged[k] !== undefined) texts[k] = merged[k];
  const line = merged.org_line;
  texts.org_line = line === undefined ? defaultOrgLine : line === "false" ? null : line;
  return { texts: texts as Wording["texts"], names };
}

/** The year's result with the printed names the clerk chose; ids, codes and scores unchanged. */
export function renamed(r: YearResult, names: Wording["names"]): YearResult {
  if (Object.keys(names).length === 0) return r;
  return {
    ...r,
    tools: r.tools.map((t) => ({
      ...t,
      name: names[t.id] ?? t.name,
      indicators: t.indicators.map((ind) => ({ ...ind, name: names[ind.id] ?? ind.name })),
    })),
  };
}
