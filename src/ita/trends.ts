/** Year-over-year changes and what is under the pass mark. */
import type { IndicatorResult, ToolResult, YearResult } from "./score-year.js";
import { round2 } from "./grade.js";

export interface Change {
  readonly id: string;
  readonly name: string;
  readonly previous: number;
  readonly current: number;
  readonly delta: number;
}

export function changes(prev: YearResult, cur: YearResult): { tools: Change[]; indicators: Change[]; total: Change } {
  const tools = cur.tools.map((t) => {
    const p = prev.tools.find((x) => x.id === t.id)!;
    return { id: t.code, name: t.name, previous: p.score, current: t.score, delta: round2(t.score - p.score) };
  });
  const indicators = cur.tools.flatMap((t) =>
    t.indicators.map((i) => {
      const p = prev.tools.flatMap((x) => x.indicators).find((x) => x.id === i.id)!;
      return { id: i.id, name: i.name, previous: p.score, current: i.score, delta: round2(i.score - p.score) };
    }),
  );
  return { tools, indicators, total: { id: "total", name: "รวม", previous: prev.total, current: cur.total, delta: round2(cur.total - prev.total) } };
}

export function toolsBelowPass(r: YearResult): ToolResult[] {
  return r.tools.filter((t) => !t.passed);
}

export function indicatorsBelowPass(r: YearResult): IndicatorResult[] {
  return r.tools.flatMap((t) => t.indicators).filter((i) => !i.passed);
}
