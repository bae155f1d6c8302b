/**
 * What the command line needs to know of each document kind (its name in
 * help texts and --kind, its primary format), apart from the data builders
 * in kinds.ts: `--help`, the option parsing and the main thread of `build`
 * read this table without loading the builders, the schema and scoring. The
 * compiler ties both tables to the year file's document sections.
 */
import type { Format } from "../export/formats.js";
import type { YearSection } from "../input/schema/year.js";

export interface KindLabel {
  /** Each kind's primary format (DESIGN.md): the memo goes to sign-off as DOCX, the others to the website as PDF. */
  readonly primaryFormat: Format;
  /** For help texts. */
  readonly th: string;
  readonly en: string;
}

/** Exactly one entry per year-file document section, in the order documents are planned and listed. */
export const KIND_LABELS = {
  memo: { primaryFormat: "docx", th: "บันทึกข้อความ", en: "memo" },
  measures: { primaryFormat: "pdf", th: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", en: "integrity and transparency measures" },
  report: { primaryFormat: "pdf", th: "รายงานผลการวิเคราะห์ผลการประเมิน ITA", en: "ITA analysis report" },
  progress: { primaryFormat: "pdf", th: "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", en: "report on the measures carried out" },
} as const satisfies { readonly [K in YearSection]: KindLabel };

export type DocKind = YearSection & keyof typeof KIND_LABELS;

/** In the order documents are planned and listed. */
export const DOC_KINDS = Object.keys(KIND_LABELS) as DocKind[];

export function isDocKind(s: string): s is DocKind {
  return Object.prototype.hasOwnProperty.call(KIND_LABELS, s);
}
