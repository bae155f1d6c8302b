/**
 * What a fiscal year's ITA framework is: its tools, indicators, weights,
 * grade bands, result labels and OIT item catalogue. The data for each year
 * lives in frameworks/; nothing in the scoring code asks "if year >= …".
 */
import type { Grade } from "./domain.js";
import type { IndicatorId } from "./domain.js";

export type ToolId = "iit" | "eit" | "oit";

export interface IndicatorDef {
  readonly id: IndicatorId;
  /** ตัวชี้วัดที่ ๑ … ๑๐ */
  readonly number: number;
  /** The name this year's NACC manual prints (and the documents print). */
  readonly name: string;
  readonly tool: ToolId;
  /** Other wordings organisations print for the same indicator; validation accepts them as this indicator. */
  readonly aliases?: readonly string[];
}

export interface ToolDef {
  readonly id: ToolId;
  readonly code: "IIT" | "EIT" | "OIT";
  readonly name: string;
  /** Weight in the total (0.3 / 0.3 / 0.4). */
  readonly weight: number;
  readonly indicators: readonly IndicatorId[];
}

export interface GradeBand {
  readonly grade: Grade;
  /** Lowest total (inclusive) for this grade. */
  readonly min: number;
}

/** A result label (2566+): the first rule whose conditions hold applies. */
export interface LabelRule {
  readonly label: string;
  readonly minTotal: number;
  /** Every tool at least this (optional). */
  readonly minEachTool?: number;
}

export interface OitItemDef {
  readonly id: string;
  readonly name: string;
  readonly indicator: "O9" | "O10";
  /** "9.1 ข้อมูลพื้นฐาน" */
  readonly subIndicator: string;
}

export interface ProvisionalNote {
  readonly th: string;
  readonly en: string;
}

/**
 * How a year's result is published: letter grades AA–F (up to 2565) or
 * result labels ผ่านดีเยี่ยม … (from 2566). Documents print only what that
 * year's NACC printed.
 */
export type ResultScheme = "grade" | "label";

/**
 * How far the year's OIT item catalogue is known:
 * - "known": published and checked; an id outside it is an error.
 * - "provisional": taken from a neighbouring year; an id outside it is a warning.
 * - "none": not known; item names come from the input.
 */
export type CatalogueStatus = "known" | "provisional" | "none";

export interface Framework {
  readonly year: number;
  readonly scheme: ResultScheme;
  readonly catalogueStatus: CatalogueStatus;
  /** Fiscal 2561 used an older model; its figures are taken as typed in the IIT/EIT/OIT layout. */
  readonly legacy: boolean;
  /** What in this year's data is provisional (empty: nothing), in both languages of the messages. */
  readonly provisional: readonly ProvisionalNote[];
  readonly tools: readonly ToolDef[];
  readonly indicators: readonly IndicatorDef[];
  readonly grades: readonly GradeBand[];
  readonly passMark: number;
  readonly labels: readonly LabelRule[];
  readonly oitCatalogue: readonly OitItemDef[];
}

export function toolOf(fw: Framework, id: ToolId): ToolDef {
  const t = fw.tools.find((x) => x.id === id);
  if (!t) throw new Error(`framework ${fw.year} has no tool ${id}`);
  return t;
}

export function indicatorOf(fw: Framework, id: IndicatorId): IndicatorDef {
  const i = fw.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`framework ${fw.year} has no indicator ${id}`);
  return i;
}
