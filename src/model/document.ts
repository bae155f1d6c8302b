/**
 * The document model: one format-free tree that both exporters (PDF, DOCX)
 * read. Plain readonly data, no classes, serialisable as JSON, so it can be
 * compared with golden files and sent to worker threads.
 *
 * Text in the model is final: numerals are already Thai or Arabic (the
 * renderer decided), so exporters never rewrite text.
 *
 * Sizes are in points of the *official* face (TH Sarabun New 16 pt body).
 * The PDF exporter scales them through the font-family size table
 * (fonts/sizes.json) for the face it embeds; the DOCX names an official face
 * and writes them as they are.
 */

export type Align = "left" | "center" | "right" | "justify";
export type VAlign = "top" | "middle" | "bottom";

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Official-face points; default: the paragraph's size. */
  readonly sizePt?: number;
}

/** Named paragraph styles; DOCX turns each into a Word style a clerk can edit. */
export type ParagraphStyle = "body" | "title" | "subtitle" | "small" | "tableText" | "tableHeader";

export interface Paragraph {
  readonly type: "paragraph";
  readonly runs: readonly Run[];
  readonly style?: ParagraphStyle;
  readonly align?: Align;
  /** First-line indent (memo body: 2.5 cm). */
  readonly firstLineIndentCm?: number;
  /** Indent of the whole paragraph from the left margin. */
  readonly leftIndentCm?: number;
  readonly spaceBeforePt?: number;
  readonly spaceAfterPt?: number;
  /** Keep on the same page as the next block (headings, table captions). */
  readonly keepWithNext?: boolean;
}

export interface Heading {
  readonly type: "heading";
  readonly level: 1 | 2 | 3;
  readonly runs: readonly Run[];
  readonly align?: Align;
  readonly spaceBeforePt?: number;
  readonly spaceAfterPt?: number;
}

export interface ListBlock {
  readonly type: "list";
  /** ordered: "๑." / "1." markers written by the renderer into `marker`. */
  readonly items: readonly ListItem[];
  readonly leftIndentCm?: number;
}

export interface ListItem {
  /** The marker text as it should print ("๑)", "-", "•"); empty for none. */
  readonly marker: string;
  readonly runs: readonly Run[];
}

/** Blocks allowed inside a table cell. */
export type CellBlock = Paragraph | ListBlock;

export interface TableCell {
  readonly blocks: readonly CellBlock[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly align?: Align;
  readonly vAlign?: VAlign;
  /** Light grey fill (header rows, tool subtotal rows). */
  readonly shaded?: boolean;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
}

export interface TableColumn {
  /** Relative width (weights; the exporter scales them to the text width). */
  readonly width: number;
}

export interface Table {
  readonly type: "table";
  readonly columns: readonly TableColumn[];
  /** The first `headerRows` rows repeat at the top of every page the table spans. */
  readonly headerRows: number;
  readonly rows: readonly TableRow[];
  /** Font size for the whole table (official-face points), default 14. */
  readonly sizePt?: number;
  /** Draw cell borders (default true). */
  readonly borders?: boolean;
}

/** The labelled lines at the top of a บันทึกข้อความ. */
export interface MemoHeader {
  readonly type: "memoHeader";
  /** Image reference of the Garuda emblem (resolved through the exporter options); absent: no emblem. */
  readonly emblem?: string;
  /** "บันทึกข้อความ" */
  readonly title: string;
  /** ส่วนราชการ */
  readonly division: string;
  /** ที่ (document number as typed) */
  readonly number: string;
  /** วันที่ (already formatted) */
  readonly date: string;
  /** เรื่อง */
  readonly subject: string;
  /** The labels, so templates can change wording ("ส่วนราชการ", "ที่", "วันที่", "เรื่อง"). */
  readonly labels: { readonly division: string; readonly number: string; readonly date: string; readonly subject: string };
}

/** A signature: blank lines to sign on, "(name)", position lines, optional date; centred in the right half. */
export interface Signature {
  readonly type: "signature";
  readonly name: string;
  readonly positions: readonly string[];
  readonly date?: string;
  /** Blank lines left above the name for the handwritten signature. */
  readonly signLines: number;
}

/** One level of the approval chain under the memo: เรียน …, options, comment lines, its signature. */
export interface Approval {
  readonly type: "approval";
  /** The text after "เรียน"; absent for the last level (the mayor's ทราบ / อนุมัติ block), which has no เรียน line. */
  readonly to?: string;
  readonly salutation: string;
  /** Option lines such as "เพื่อโปรดทราบ / พิจารณา". */
  readonly options: readonly string[];
  /** Dotted lines left for handwritten comments (count) plus any typed comments. */
  readonly comments: readonly string[];
  readonly commentLines: number;
  readonly signer: Signature;
}

export interface Image {
  readonly type: "image";
  /** Reference resolved through the exporter options (never read by the model). */
  readonly ref: string;
  readonly widthCm: number;
  readonly heightCm: number;
  readonly align?: Align;
}

/**
 * A bar chart drawn from numbers, not from a picture: one bar per category
 * and series (series side by side within a category), on a value axis from
 * 0 to `max`, with an optional horizontal pass line. Both exporters draw it
 * by the rules in layout.ts (CHART_LOOK, chartGeometry): the PDF as vectors
 * and real text, the DOCX as a native chart part Word can edit.
 */
export interface Chart {
  readonly type: "chart";
  /** Printed above the plot; empty for none. */
  readonly title: string;
  /** Labels along the category axis, in order (final text: digits already chosen). */
  readonly categories: readonly string[];
  /** One or more series, each with one value per category. */
  readonly series: readonly ChartSeries[];
  /** Top of the value axis (its bottom is 0). */
  readonly max: number;
  /** Gridlines and their labels along the value axis, from 0 to max. */
  readonly ticks: readonly ChartTick[];
  readonly passLine?: ChartPassLine;
  /** Digits and decimals the values print with (the DOCX writes them as a number format). */
  readonly numerals: "thai" | "arabic";
  readonly decimals: number;
  readonly widthCm: number;
  readonly heightCm: number;
  readonly align?: Align;
}

export interface ChartSeries {
  /** Legend text; a chart with one unnamed series has no legend. */
  readonly name: string;
  readonly values: readonly ChartValue[];
}

export interface ChartValue {
  readonly value: number;
  /** The value as printed above its bar. */
  readonly text: string;
}

export interface ChartTick {
  readonly value: number;
  readonly text: string;
}

export interface ChartPassLine {
  readonly value: number;
  /** Printed at the line's right end ("เกณฑ์ ๘๕"); empty for none. */
  readonly label: string;
}

export interface PageBreak {
  readonly type: "pageBreak";
}

/** Vertical space, in official-face points. */
export interface Spacer {
  readonly type: "spacer";
  readonly heightPt: number;
}

export type Block =
  | Paragraph
  | Heading
  | ListBlock
  | Table
  | MemoHeader
  | Signature
  | Approval
  | Image
  | Chart
  | PageBreak
  | Spacer;

export interface Margins {
  readonly topCm: number;
  readonly rightCm: number;
  readonly bottomCm: number;
  readonly leftCm: number;
}

export interface PageSetup {
  readonly size: "A4";
  readonly orientation: "portrait" | "landscape";
  readonly margins: Margins;
}

/** "- ๒ -" at the top centre from page `from` on (memo style), or none. */
export interface PageNumbering {
  readonly position: "top-center" | "bottom-center";
  readonly from: number;
  readonly numerals: "thai" | "arabic";
  /** e.g. "- {n} -" */
  readonly format: string;
}

/** A run of pages sharing one page setup (a wide table can go landscape). */
export interface Section {
  readonly page: PageSetup;
  readonly blocks: readonly Block[];
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject?: string;
  readonly author?: string;
  readonly keywords?: string;
  readonly lang: "th-TH";
}

export interface DocModel {
  readonly meta: DocumentMeta;
  /** Body text size in official-face points (16 for government documents). */
  readonly baseSizePt: number;
  readonly pageNumbers?: PageNumbering;
  readonly sections: readonly Section[];
}

export const A4_PORTRAIT_OFFICIAL: PageSetup = {
  size: "A4",
  orientation: "portrait",
  margins: { topCm: 2.5, rightCm: 2, bottomCm: 2, leftCm: 3 },
};

export function assertNever(x: never): never {
  throw new Error(`unhandled block: ${JSON.stringify(x)}`);
}
