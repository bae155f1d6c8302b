/**
 * Distribution of peer organisations over the year's result categories: the
 * grades AA–F up to 2565, the result labels from 2566 (the NACC publishes no
 * grade then). Counts are input, percentages
 * are computed with two decimals and made to add up to exactly 100.00 by the
 * largest-remainder method (floor every share to 0.01, then give the missing
 * hundredths to the largest remainders; ties go to the better category).
 */
import { GRADES } from "./domain.js";
import type { Peers } from "./domain.js";
import type { Framework } from "./framework.js";

/** The categories peers are counted in, best first, and those at or above the pass mark. */
export interface PeerCategories {
  readonly all: readonly string[];
  readonly passing: readonly string[];
}

/** Grades up to 2565: AA and A reach 85. */
export const GRADE_CATEGORIES: PeerCategories = { all: GRADES, passing: ["AA", "A"] };

export function peerCategories(fw: Framework): PeerCategories {
  if (fw.scheme === "label") {
    return { all: fw.labels.map((l) => l.label), passing: fw.labels.filter((l) => l.minTotal >= fw.passMark).map((l) => l.label) };
  }
  return { all: fw.grades.map((b) => b.grade), passing: fw.grades.filter((b) => b.min >= fw.passMark).map((b) => b.grade) };
}

export interface GradeShare {
  /** The grade or the result label (kept as `grade` for templates written before labels). */
  readonly grade: string;
  readonly category: string;
  readonly count: number;
  readonly percent: number;
}

export interface PeerDistribution {
  readonly group: string;
  readonly total: number;
  readonly shares: readonly GradeShare[];
  /** 85 or more: AA and A, or ผ่านดีเยี่ยม, ผ่านดี and ผ่าน. */
  readonly passed: { readonly count: number; readonly percent: number };
  readonly failed: { readonly count: number; readonly percent: number };
}

export function largestRemainderPercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 10000) / total); // in hundredths of a percent
  const floors = exact.map((x) => Math.floor(x + 1e-9));
  let missing = 10000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x + 1e-9) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    if (counts[i]! > 0) {
      floors[i]! += 1;
      missing--;
    }
  }
  return floors.map((f) => f / 100);
}

export function peerDistribution(p: Peers, cats: PeerCategories = GRADE_CATEGORIES): PeerDistribution {
  const counts = cats.all.map((c) => p.counts[c] ?? 0);
  const percents = largestRemainderPercents(counts);
  const passedCount = cats.all.filter((c) => cats.passing.includes(c)).reduce((s, c) => s + (p.counts[c] ?? 0), 0);
  const [passedPct, failedPct] = largestRemainderPercents([passedCount, p.total - passedCount]);
  return {
    group: p.group,
    total: p.total,
    shares: cats.all.map((category, i) => ({ grade: category, category, count: counts[i]!, percent: percents[i]! })),
    passed: { count: passedCount, percent: passedPct! },
    failed: { count: p.total - passedCount, percent: failedPct! },
  };
}

export function sumOfCounts(p: Peers): number {
  return Object.values(p.counts).reduce<number>((s, n) => s + (n ?? 0), 0);
}

/** Categories missing from the counts, and keys that belong to the other scheme (a grade in a label year, or the reverse). */
export function countsMismatch(p: Peers, cats: PeerCategories): { missing: string[]; foreign: string[] } {
  const given = Object.keys(p.counts).filter((k) => p.counts[k] !== undefined);
  return { missing: cats.all.filter((c) => !given.includes(c)), foreign: given.filter((k) => !cats.all.includes(k)) };
}
