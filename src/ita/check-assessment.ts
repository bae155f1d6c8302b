/**
 * One year's assessment → its scores (YearResult) and every problem the
 * year's framework finds in it: an unknown year, OIT items outside the
 * catalogue, peer counts that do not match the year's grades or labels.
 * The loader (input/load-organisation.ts) is given this function by the
 * pipeline; input does not score.
 */
import { error, info, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import { checkOitItems } from "./check-oit-items.js";
import type { Assessment } from "./domain.js";
import type { Framework } from "./framework.js";
import { frameworkFor, knownYears } from "./frameworks/index.js";
import { countsMismatch, peerCategories, sumOfCounts } from "./peers.js";
import { scoreYear, type YearResult } from "./score-year.js";

export interface AssessmentCheck {
  readonly result?: YearResult;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export type PosOf = (path: readonly (string | number)[]) => SourcePos;

/** `pos` maps a path in the year file (["assessment", "peers", "total"]) to its position. */
export function checkAssessment(fy: number, a: Assessment, pos: PosOf): AssessmentCheck {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const fw = frameworkFor(fy);
  let result: YearResult | undefined;
  if (!fw) errors.push(error("E_YEAR_UNKNOWN", { year: fy, known: knownYears() }, pos(["fiscal_year"])));
  else {
    result = scoreYear(fy, a, fw, (p) => pos(["assessment", ...p]));
    warnings.push(...result.warnings);
    // Nothing for the clerk to fix: a note, not a warning.
    if (fw.legacy) warnings.push(info("W_LEGACY_YEAR", { year: fy }, pos(["assessment"])));
    const provisional = provisionalNote(fw);
    if (provisional) warnings.push(provisional);
    const oit = checkOitItems(a.oit_items ?? [], fw, pos);
    errors.push(...oit.errors);
    warnings.push(...oit.warnings);
  }
  const peers = a.peers;
  if (peers && fw) {
    const cats = peerCategories(fw);
    const { missing, foreign } = countsMismatch(peers, cats);
    if (missing.length || foreign.length) {
      errors.push(error("E_PEERS_COUNTS", { year: fy, expected: cats.all.join(", "), missing: missing.join(", ") || "-", foreign: foreign.join(", ") || "-" }, pos(["assessment", "peers", "counts"])));
    }
  }
  if (peers && sumOfCounts(peers) !== peers.total) {
    errors.push(error("E_PEERS_TOTAL", { sum: sumOfCounts(peers), total: peers.total }, pos(["assessment", "peers", "total"])));
  }
  return { ...(result ? { result } : {}), errors, warnings };
}

/**
 * What in the program's data for this year is provisional, as one note per
 * year. It is about the program, not the clerk's file: it carries no position,
 * so a run that loads the same year for many organisations shows it once
 * (identical diagnostics are merged), and it is not a warning the clerk can
 * act on (--strict does not count it).
 */
function provisionalNote(fw: Framework): Diagnostic | undefined {
  if (fw.provisional.length === 0) return undefined;
  return info("W_PROVISIONAL", { year: fw.year, whatTh: fw.provisional.map((n) => n.th).join("; "), whatEn: fw.provisional.map((n) => n.en).join("; ") });
}
