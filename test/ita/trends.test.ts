import { describe, expect, test } from "vitest";
import { changes, indicatorsBelowPass, toolsBelowPass } from "../../src/ita/trends.js";
import { loadExample } from "../helpers/load-example.js";

describe("year-over-year changes and what is under the pass mark", () => {
  const kk = loadExample("khon-kaen-city").org!;
  const r2562 = kk.years.get(2562)!.result!;
  const r2563 = kk.years.get(2563)!.result!;

  test("Khon Kaen 2562 → 2563: OIT fell, IIT and EIT rose, the total fell", () => {
    const c = changes(r2562, r2563);
    expect(c.tools.map((t) => [t.id, t.previous, t.current, t.delta])).toEqual([
      ["IIT", 83.71, 88.95, 5.24],
      ["EIT", 72.91, 85.02, 12.11],
      ["OIT", 78.96, 57.78, -21.18],
    ]);
    expect(c.total).toMatchObject({ previous: 78.57, current: 75.3, delta: -3.27 });
    expect(c.indicators.find((i) => i.id === "O10")).toMatchObject({ previous: 80.36, current: 50, delta: -30.36 });
  });

  test("2563: OIT is the only tool under 85; E6 84.99 is under it by a hundredth", () => {
    expect(toolsBelowPass(r2563).map((t) => t.code)).toEqual(["OIT"]);
    expect(indicatorsBelowPass(r2563).map((i) => i.id)).toEqual(["E6", "E8", "O9", "O10"]);
  });
});
