/**
 * The assessment as the scorer reads it: plain types owned by src/ita. The
 * input schema (input/schema/year.ts) parses the clerk's file into values of
 * these types (the compiler checks the schema's output is assignable to them
 * where pipeline/load.ts hands checkAssessment to the loader), so
 * src/ita never imports src/input.
 */
import type { ThaiDate } from "../thai/date.js";

export const GRADES = ["AA", "A", "B", "C", "D", "E", "F"] as const;
export type Grade = (typeof GRADES)[number];

export const INDICATOR_IDS = ["I1", "I2", "I3", "I4", "I5", "E6", "E7", "E8", "O9", "O10"] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface ToolTexts {
  readonly iit?: readonly string[];
  readonly eit?: readonly string[];
  readonly oit?: readonly string[];
}

export interface OitItem {
  readonly id: string;
  readonly score: number;
  readonly previous?: number;
  readonly sub_indicator?: string;
  readonly topic?: string;
  readonly name?: string;
  readonly analysis?: readonly string[];
  readonly recommendation?: readonly string[];
}

export interface Peers {
  readonly group: string;
  readonly total: number;
  /** By grade (AA–F, up to 2565) or result label (from 2566). */
  readonly counts: Readonly<Record<string, number | undefined>>;
}

export interface Official {
  readonly iit?: number;
  readonly eit?: number;
  readonly oit?: number;
  readonly total?: number;
  readonly grade?: Grade;
  readonly label?: string;
}

export interface Assessment {
  readonly indicator_count?: number;
  readonly announced?: ThaiDate;
  readonly scores: Readonly<Record<IndicatorId, number>>;
  readonly official?: Official;
  readonly analysis?: ToolTexts;
  readonly indicator_analysis?: Readonly<Partial<Record<IndicatorId, readonly string[] | undefined>>>;
  readonly oit_items?: readonly OitItem[];
  readonly peers?: Peers;
}
