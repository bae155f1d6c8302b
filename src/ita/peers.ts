/**
 * Grade distribution of peer organisations: counts are input, percentages
 * are computed with two decimals and made to add up to exactly 100.00 by the
 * largest-remainder method (floor every share to 0.01, then give the missing
 * hundredths to the largest remainders; ties go to the better grade).
 */
import { GRADES, type Grade } from "../input/schema/scalars.js";
import type { Peers } from "../input/schema/year.js";

export interface GradeShare {
  readonly grade: Grade;
  readonly count: number;
  readonly percent: number;
}

export interface PeerDistribution {
  readonly group: string;
  readonly total: number;
  readonly shares: readonly GradeShare[];
  /** 85 or more: AA and A. */
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

export function peerDistribution(p: Peers, passingGrades: readonly Grade[] = ["AA", "A"]): PeerDistribution {
  const counts = GRADES.map((g) => p.counts[g]);
  const percents = largestRemainderPercents(counts);
  const passedCount = GRADES.filter((g) => passingGrades.includes(g)).reduce((s, g) => s + p.counts[g], 0);
  const [passedPct, failedPct] = largestRemainderPercents([passedCount, p.total - passedCount]);
  return {
    group: p.group,
    total: p.total,
    shares: GRADES.map((grade, i) => ({ grade, count: counts[i]!, percent: percents[i]! })),
    passed: { count: passedCount, percent: passedPct! },
    failed: { count: p.total - passedCount, percent: failedPct! },
  };
}

export function sumOfCounts(p: Peers): number {
  return GRADES.reduce((s, g) => s + p.counts[g], 0);
}
