/**
 * The parts a document prints: its `sections:` list, or its kind's default
 * list. The data builders ask it so that they draft only texts a listed part
 * prints (no W_DRAFTED for text that appears nowhere), and need the year's
 * assessment only when a listed part prints something of it: a plan typed
 * from another document, or an announcement typed as paragraphs, has no ten
 * indicator scores to give (docs/generality.md).
 */
import type { SectionEntry } from "../input/schema/layout.js";
import { GENERIC_TYPES, KIND_LAYOUTS, type KindLayout, type LayoutKind } from "./layout/kind-layouts.js";

export function listedParts(kind: LayoutKind, sections: readonly SectionEntry[] | undefined): ReadonlySet<string> {
  return new Set(sections ? sections.map((s) => s.type) : KIND_LAYOUTS[kind].defaults.map((d) => (typeof d === "string" ? d : d.type)));
}

/** Whether a document of `kind` listing these parts needs the year's assessment (KindLayout.assessmentOptional). */
export function needsAssessment(kind: LayoutKind, listed: ReadonlySet<string>): boolean {
  const layout: KindLayout = KIND_LAYOUTS[kind];
  if (!layout.assessmentOptional) return true;
  const generic: readonly string[] = GENERIC_TYPES;
  return [...listed].some((t) => !generic.includes(t) && !layout.builtins[t]?.withoutAssessment);
}
