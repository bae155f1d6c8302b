/**
 * The parts a document prints: its `sections:` list, or its kind's default
 * list. The data builders ask it so that they draft only texts a listed part
 * prints (no W_DRAFTED for text that appears nowhere), and need the year's
 * assessment only when a listed part prints something of it: a plan typed
 * from another document, or an announcement typed as paragraphs, has no ten
 * indicator scores to give (docs/generality.md).
 */
import type { SectionEntry } from "../input/schema/layout.js";
import { GENERIC_TYPES, KIND_LAYOUTS, type LayoutKind } from "./layout/kind-layouts.js";

export function listedParts(kind: LayoutKind, sections: readonly SectionEntry[] | undefined): ReadonlySet<string> {
  return new Set(sections ? sections.map((s) => s.type) : KIND_LAYOUTS[kind].defaults.map((d) => (typeof d === "string" ? d : d.type)));
}

/**
 * Per kind, the parts that print nothing of the assessment: the title, the
 * org line, the clerk's own parts (a chart is left out when there is no
 * assessment, layout/compose.ts), and the measures plan's narrative and
 * table. A kind not listed needs its assessment whatever its parts.
 */
const WITHOUT_ASSESSMENT: Readonly<Partial<Record<LayoutKind, readonly string[]>>> = {
  report: ["title", "org-line", ...GENERIC_TYPES],
  measures: ["title", "org-line", "narrative", "plan", ...GENERIC_TYPES],
};

export function needsAssessment(kind: LayoutKind, listed: ReadonlySet<string>): boolean {
  const free = WITHOUT_ASSESSMENT[kind];
  return free === undefined || [...listed].some((t) => !free.includes(t));
}
