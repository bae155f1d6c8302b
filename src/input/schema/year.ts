import { z } from "zod";
import { beYear, choice, count, grade, numerals, paragraphs, score, text, thaiDate, issue, refuseInvisible, GRADES } from "./scalars.js";
import { LABELS_2566 } from "../../ita/frameworks/common.js";
import { indicatorIdOf } from "../../ita/frameworks/indicator-names.js";
import { INDICATOR_IDS, type IndicatorId } from "../../ita/domain.js";
import { sectionsOf, Wording } from "./layout.js";

export type { IndicatorId };

/** The ten indicator scores; the framework of the year decides which are required (all ten in 2562–2568). */
const Scores = z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, score])) as Record<IndicatorId, typeof score>);

const Official = z.strictObject({
  iit: score.optional(),
  eit: score.optional(),
  oit: score.optional(),
  total: score.optional(),
  /** Up to 2565: the published grade AA–F. */
  grade: grade.optional(),
  /** From 2566: the published result label (ผ่านดีเยี่ยม, ผ่านดี, ผ่าน, …). */
  label: choice(LABELS_2566.map((l) => l.label) as [string, ...string[]]).optional(),
});

const ToolTexts = z.strictObject({ iit: paragraphs.optional(), eit: paragraphs.optional(), oit: paragraphs.optional() });

const oitItemId = z.string().transform((s, ctx) => {
  if (refuseInvisible(ctx, s)) return z.NEVER;
  const m = /^\s*[Oo]\s*([0-9๐-๙]{1,3})\s*$/.exec(s);
  if (!m) {
    issue(ctx, "E_OIT_ITEM_ID", { value: s });
    return z.NEVER;
  }
  const n = m[1]!.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return `O${Number(n)}`;
});

const OitItem = z.strictObject({
  id: oitItemId,
  score,
  previous: score.optional(),
  sub_indicator: text.optional(),
  topic: text.optional(),
  name: text.optional(),
  analysis: paragraphs.optional(),
  recommendation: paragraphs.optional(),
});
export type OitItem = z.infer<typeof OitItem>;

const Peers = z.strictObject({
  group: text,
  total: count,
  // Grades AA–F up to 2565, result labels from 2566; which set the year needs is checked against its framework (load-organisation.ts).
  counts: z.strictObject(Object.fromEntries([...GRADES, ...LABELS_2566.map((l) => l.label)].map((g) => [g, count.optional()])) as Record<string, z.ZodOptional<typeof count>>),
});
export type Peers = z.infer<typeof Peers>;

const Assessment = z.strictObject({
  indicator_count: count.optional(),
  announced: thaiDate.optional(),
  scores: Scores,
  official: Official.optional(),
  analysis: ToolTexts.optional(),
  indicator_analysis: z.strictObject(Object.fromEntries(INDICATOR_IDS.map((id) => [id, paragraphs.optional()])) as Record<IndicatorId, z.ZodOptional<typeof paragraphs>>).optional(),
  oit_items: z.array(OitItem).optional(),
  peers: Peers.optional(),
});
export type Assessment = z.infer<typeof Assessment>;

const lines = z.union([text.transform((t) => [t]), z.array(text)]);

const Signer = z.strictObject({ name: text, position: lines });
export type Signer = z.infer<typeof Signer>;

const Approval = z.strictObject({
  /** เรียน …; the last level (the mayor's ทราบ / อนุมัติ / ลงนาม) has none. */
  to: text.optional(),
  options: z.array(text).optional(),
  comments: z.array(text).optional(),
  comment_lines: count.optional(),
  signer: Signer,
  date: thaiDate.optional(),
});

const Section = z.strictObject({ heading: text.optional(), paragraphs: paragraphs.optional() });

const Memo = z.strictObject({
  division: text.optional(),
  number: text,
  date: thaiDate,
  subject: text,
  to: text.optional(),
  years: z.array(beYear).min(1).optional(),
  opening: paragraphs,
  analysis: z
    .strictObject({ intro: text.optional(), passed: Section.optional(), below: Section.optional() })
    .optional(),
  peers_intro: paragraphs.optional(),
  closing: paragraphs.optional(),
  attachments: z.array(text).optional(),
  signer: Signer,
  approvals: z.array(Approval).optional(),
  numerals: numerals.optional(),
  wording: Wording.optional(),
  sections: sectionsOf("memo").optional(),
});
export type Memo = z.infer<typeof Memo>;

/** A column of the measures table: one of columns.yaml's keys renamed/resized/hidden, or a new key with its heading. */
const Column = z.strictObject({ key: text, heading: text.optional(), width: score.optional(), show: choice(["yes", "no"] as const).optional() });
export type MeasureColumn = z.infer<typeof Column>;

const Measures = z.strictObject({
  fiscal_year: beYear.optional(),
  analyses: beYear.optional(),
  layout: choice(["tool-table", "indicator-list"] as const).optional(),
  numerals: numerals.optional(),
  title: text.optional(),
  analysis_intro: paragraphs.optional(),
  issues: ToolTexts.optional(),
  narrative: z.array(Section).optional(),
  plan_title: text.optional(),
  plan_intro: paragraphs.optional(),
  columns: z.array(Column).min(1).optional(),
  items: z.array(z.record(z.string(), lines)).optional(),
  wording: Wording.optional(),
  sections: sectionsOf("measures").optional(),
});
export type Measures = z.infer<typeof Measures>;

/** An indicator as the clerk names it: I4, "ตัวชี้วัดที่ ๔", or its name in any printed wording (ita/frameworks/indicator-names.ts). */
const indicatorRef = z.string().transform((s, ctx) => {
  const id = indicatorIdOf(s);
  if (!id) {
    issue(ctx, "E_ENUM", { value: s.trim(), allowed: `${INDICATOR_IDS.join(", ")} (หรือชื่อตัวชี้วัด / or the indicator's name)` });
    return z.NEVER;
  }
  return id;
});

/** Other keys are cells of columns the report's activities section adds (checked against them in report-data.ts). */
const Activity = z
  .object({
    indicator: indicatorRef,
    activity: lines,
    owner: lines.optional(),
    period: text.optional(),
  })
  .catchall(lines);

const Report = z.strictObject({
  analyses: beYear.optional(),
  numerals: numerals.optional(),
  title: text.optional(),
  analysis: paragraphs.optional(),
  activities: z.array(Activity).optional(),
  wording: Wording.optional(),
  sections: sectionsOf("report").optional(),
});
export type Report = z.infer<typeof Report>;

/** A progress entry names a measure of the plan (its number or its name as in measures.items[].measure). */
export const PROGRESS_STATUSES = ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"] as const;

const ProgressItem = z.strictObject({
  measure: text,
  done: paragraphs,
  result: paragraphs.optional(),
  status: choice(PROGRESS_STATUSES),
  problems: paragraphs.optional(),
  next: paragraphs.optional(),
});

const Progress = z.strictObject({
  numerals: numerals.optional(),
  title: text.optional(),
  intro: paragraphs.optional(),
  items: z.array(ProgressItem).min(1),
  summary: paragraphs.optional(),
  signer: Signer,
  date: thaiDate.optional(),
  wording: Wording.optional(),
  sections: sectionsOf("progress").optional(),
});
export type Progress = z.infer<typeof Progress>;

/**
 * One schema per document kind, under the kind's own key of the year file.
 * The kind registry (src/documents/kinds.ts) must have an entry for each.
 */
const DOCUMENT_SECTIONS = { memo: Memo, measures: Measures, report: Report, progress: Progress } as const;
type DocumentSections = typeof DOCUMENT_SECTIONS;

export const YearFile = z.strictObject({
  fiscal_year: beYear,
  assessment: Assessment.optional(),
  ...(Object.fromEntries(Object.entries(DOCUMENT_SECTIONS).map(([k, s]) => [k, s.optional()])) as { [K in keyof DocumentSections]: z.ZodOptional<DocumentSections[K]> }),
});
export type YearFile = z.infer<typeof YearFile>;

export { INDICATOR_IDS };

/**
 * The year file with its document sections left unchecked, and each section
 * alone: a mistake in `memo:` then stops the memo only, not that year's
 * measures or report (see load-organisation.ts).
 */
export const YearFileBase = YearFile.extend(
  Object.fromEntries(Object.keys(DOCUMENT_SECTIONS).map((k) => [k, z.unknown().optional()])) as { [K in keyof DocumentSections]: z.ZodOptional<z.ZodUnknown> },
);
export const YEAR_SECTIONS = Object.fromEntries(Object.entries(DOCUMENT_SECTIONS).map(([k, s]) => [k, z.object({ [k]: s.optional() })])) as {
  readonly [K in keyof DocumentSections]: z.ZodObject<{ [P in K]: z.ZodOptional<DocumentSections[K]> }>;
};
export type YearSection = keyof DocumentSections;
export const SECTION_KEYS = Object.keys(DOCUMENT_SECTIONS) as YearSection[];
