/**
 * What each document kind is made of, as data: the parts only that kind can
 * print (its built-in section types), the default section list that gives
 * today's document, and the page margins per orientation. The year-file
 * schema of `<kind>.sections` and the composer both read this table; the kind
 * registry (../kinds.ts) holds each kind's entry as its `layout`.
 * A leaf module: the schema imports it, so it imports nothing of the input side.
 */
import type { WordingKey } from "./wording.js";

export interface ColumnSpec {
  readonly key: string;
  readonly heading: string;
  readonly width: number;
}

export interface BuiltinPart {
  /** The partial that prints it: templates/<kind>/partials/<partial>.hbs (or shared/partials/). */
  readonly partial: string;
  /** A field of the kind's data that must be non-empty for the part to print (no plan, no plan table). */
  readonly needs?: string;
  /** The wording key of its heading, if it prints one (retitled by the section's `title:`). */
  readonly title?: WordingKey;
  /** The columns of its table, if the clerk may rename or resize them by key. */
  readonly columns?: readonly ColumnSpec[];
  /** Whether `columns:` may add columns of the clerk's own (a new key with its heading; the entries' cells under that key). */
  readonly extensible?: boolean;
  /** Whether `numbering:` applies (indicator lists and score tables). */
  readonly numbered?: boolean;
  /** Whether `order:` applies to a table whose columns are not listed here (the measures plan's come from columns.yaml). */
  readonly ordered?: boolean;
  /** Prints nothing of the year's assessment (the title, the org line, a plan's narrative and table): see KindLayout.assessmentOptional. */
  readonly withoutAssessment?: true;
}

export type Orientation = "portrait" | "landscape";

export interface KindLayout {
  readonly builtins: Readonly<Record<string, BuiltinPart>>;
  /** The section list used when the year file gives none: today's document. */
  readonly defaults: readonly (string | { readonly type: "page"; readonly orientation: Orientation } | { readonly type: "chart"; readonly chart: ChartName })[];
  readonly orientation: Orientation;
  readonly margins: Readonly<Record<Orientation, string>>;
  /**
   * The year's assessment may be left out when every listed part is a built-in marked
   * `withoutAssessment` or a generic one (a chart is then left out, compose.ts): a plan typed
   * from another document, an announcement typed as paragraphs (docs/generality.md). Without
   * it, the kind needs its assessment whatever its parts.
   */
  readonly assessmentOptional?: true;
}

/** The charts a `chart` section draws (templates/shared/partials/chart-<name>.hbs, from the data's `charts`). */
export const CHARTS = ["overall", "years", "tools", "indicators"] as const;
export type ChartName = (typeof CHARTS)[number];

/** Section types every kind has, with what each needs. */
export const GENERIC_TYPES = ["heading", "paragraphs", "table", "image", "chart", "page"] as const;
export type GenericType = (typeof GENERIC_TYPES)[number];

const title: BuiltinPart = { partial: "part-title", withoutAssessment: true };
const orgLine: BuiltinPart = { partial: "part-org-line", needs: "wording.org_line", withoutAssessment: true };

const report: KindLayout = {
  builtins: {
    title,
    "org-line": orgLine,
    scores: {
      partial: "part-scores",
      title: "scores_heading",
      numbered: true,
      // Widths are shares of the text width (16 cm). The number and score columns are wide enough for
      // "ลำดับ" and "๑๐๐.๐๐" in bold 14 pt TH SarabunPSK (0.78 and 1.21 cm) plus the cells' side margins
      // (0.3 cm): at 0.9 and 1.3 they were not, and Word-compatible renderers broke both mid-word.
      columns: [
        { key: "number", heading: "ลำดับ", width: 1.0 },
        { key: "tool", heading: "เครื่องมือ", width: 1.6 },
        { key: "indicator", heading: "ตัวชี้วัด", width: 3.2 },
        { key: "score", heading: "คะแนน", width: 1.5 },
        { key: "result", heading: "ผลการประเมิน", width: 2.2 },
        { key: "analysis", heading: "การวิเคราะห์", width: 4.5 },
      ],
    },
    analysis: { partial: "part-analysis", title: "analysis_heading" },
    activities: {
      partial: "part-activities",
      title: "activities_heading",
      needs: "activities",
      extensible: true,
      columns: [
        { key: "indicator", heading: "ตัวชี้วัด", width: 3 },
        { key: "activity", heading: "กิจกรรม", width: 5 },
        { key: "owner", heading: "ผู้รับผิดชอบ", width: 3 },
        { key: "period", heading: "ระยะเวลา", width: 2 },
      ],
    },
  },
  // The charts the NACC's result page shows, after the score table: the overall score, over the years (when the folder has more than one), per tool, per indicator.
  defaults: [
    "title",
    "org-line",
    "scores",
    { type: "chart", chart: "overall" },
    { type: "chart", chart: "years" },
    { type: "chart", chart: "tools" },
    { type: "chart", chart: "indicators" },
    "analysis",
    "activities",
  ],
  assessmentOptional: true,
  orientation: "portrait",
  margins: { portrait: "2.5 2 2 3", landscape: "2 2 2 2.5" },
};

const measures: KindLayout = {
  builtins: {
    title,
    "org-line": orgLine,
    "analysis-intro": { partial: "part-analysis-intro" },
    analysis: { partial: "part-measures-analysis", numbered: true },
    narrative: { partial: "part-narrative", withoutAssessment: true },
    plan: { partial: "part-plan", needs: "plan", ordered: true, withoutAssessment: true },
  },
  defaults: ["title", "org-line", "analysis-intro", "analysis", "narrative", { type: "page", orientation: "landscape" }, "plan"],
  assessmentOptional: true,
  orientation: "portrait",
  margins: { portrait: "2.5 2 2 3", landscape: "2 2 2 2.5" },
};

const memo: KindLayout = {
  builtins: {
    header: { partial: "part-memo-header" },
    to: { partial: "part-to" },
    opening: { partial: "part-opening" },
    "year-table": { partial: "part-year-table", numbered: true },
    analysis: { partial: "part-memo-analysis" },
    "weak-items": { partial: "part-weak-items", needs: "weak", numbered: true },
    peers: { partial: "part-peers", needs: "peers" },
    closing: { partial: "part-closing" },
    attachments: { partial: "part-attachments", needs: "attachments" },
    signature: { partial: "part-signature" },
    approvals: { partial: "part-approvals", needs: "approvals" },
  },
  defaults: ["header", "to", "opening", "year-table", "analysis", "weak-items", "peers", "closing", "attachments", "signature", "approvals"],
  orientation: "portrait",
  margins: { portrait: "2 2 2 3", landscape: "2 2 2 2.5" },
};

const progress: KindLayout = {
  builtins: {
    title,
    "org-line": orgLine,
    intro: { partial: "part-intro" },
    "progress-table": { partial: "part-progress-table" },
    summary: { partial: "part-summary", title: "progress_summary_heading" },
    signature: { partial: "part-signature" },
  },
  defaults: ["title", "org-line", "intro", "progress-table", "summary", "signature"],
  orientation: "landscape",
  margins: { portrait: "2.5 2 2 3", landscape: "2 2 2 2.5" },
};

export const KIND_LAYOUTS = { memo, measures, report, progress } as const satisfies Readonly<Record<string, KindLayout>>;
export type LayoutKind = keyof typeof KIND_LAYOUTS;

/** Every section type a kind's `sections:` list accepts: its built-ins, then the generic ones. */
export function sectionTypes(kind: LayoutKind): [string, ...string[]] {
  const own = Object.keys(KIND_LAYOUTS[kind].builtins).filter((t) => !(GENERIC_TYPES as readonly string[]).includes(t));
  return [...own, ...GENERIC_TYPES] as unknown as [string, ...string[]];
}
