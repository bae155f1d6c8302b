/**
 * <chart> → the model's Chart block. The template gives the numbers (bars,
 * value axis, pass line); the printed texts (values, axis labels) are made
 * here in the chart's digits, so the model's text is final as everywhere
 * else. Bars stand straight inside <chart> for a single series, or in
 * <series name=".."> elements, which must then all name the same
 * categories in the same order.
 */
import type { Chart, ChartPassLine, ChartSeries, ChartTick } from "../../model/document.js";
import { formatInteger, formatScore } from "../../thai/format.js";
import type { Numerals } from "../../thai/digits.js";
import { CONTENT } from "./elements.js";
import { opt } from "./optional.js";
import type { Named, VocabularyChecker } from "./vocabulary.js";

/** What a chart takes when the template leaves a size or scale out: a half-page chart on A4's 16 cm text width. */
export const CHART_DEFAULTS = { max: 100, ticks: 5, widthCm: 15, heightCm: 7, decimals: 2 } as const;

interface RawBar {
  readonly label: string;
  readonly value: number;
}

export function chart(v: VocabularyChecker, el: Named<"chart">, documentNumerals: Numerals): Chart[] {
  const a = v.attrs(el);
  const numerals = a.digits ?? documentNumerals;
  const decimals = a.decimals ?? CHART_DEFAULTS.decimals;
  const max = a.max ?? CHART_DEFAULTS.max;
  const kids = v.children(el.children, "<chart>", CONTENT.chart);
  const bars = kids.filter((k): k is Named<"bar"> => k.name === "bar");
  const groups = kids.filter((k): k is Named<"series"> => k.name === "series");
  const fail = (message: string): void => v.fail("E_TEMPLATE_MARKUP", message, el.line, { type: "element", name: "chart" }, "chart");
  if (bars.length > 0 && groups.length > 0) {
    fail("<chart> holds either <bar> elements (one series) or <series> elements, not both");
    return [];
  }
  const raw: { name: string; bars: RawBar[] }[] =
    groups.length > 0
      ? groups.map((g) => ({ name: v.attrs(g).name ?? "", bars: barsOf(v, v.children(g.children, "<series>", CONTENT.series)) }))
      : [{ name: "", bars: barsOf(v, bars) }];
  const first = raw[0]?.bars ?? [];
  if (first.length === 0) {
    // A malformed <bar> was reported already; only a chart with none at all needs saying.
    const anyBar = bars.length > 0 || groups.some((g) => g.children.some((n) => n.kind === "element" && n.name === "bar"));
    if (!anyBar) fail("<chart> has no <bar>: leave the chart out (e.g. {{#if …}}) when there is nothing to draw");
    return [];
  }
  const categories = first.map((b) => b.label);
  for (const s of raw) {
    if (s.bars.length !== categories.length || s.bars.some((b, i) => b.label !== categories[i])) {
      fail(`every <series> of a <chart> must have the same bar labels in the same order (${categories.join(", ")}); "${s.name}" has ${s.bars.map((b) => b.label).join(", ")}`);
      return [];
    }
  }
  for (const s of raw) {
    for (const b of s.bars) {
      if (b.value > max) fail(`<bar label="${b.label}"> has value ${b.value}, above the chart's max ${max}`);
    }
  }
  const passValue = a["pass-line"];
  if (passValue !== undefined && passValue > max) fail(`<chart pass-line="${passValue}"> is above the chart's max ${max}`);
  const series: ChartSeries[] = raw.map((s) => ({
    name: s.name,
    values: s.bars.map((b) => ({ value: b.value, text: formatScore(b.value, numerals, decimals) })),
  }));
  const passLine: ChartPassLine | undefined = passValue === undefined ? undefined : { value: passValue, label: a["pass-label"] ?? "" };
  return [{
    type: "chart",
    title: a.title ?? "",
    categories,
    series,
    max,
    ticks: ticks(max, a.step ?? max / CHART_DEFAULTS.ticks, numerals),
    ...(passLine ? { passLine } : {}),
    numerals,
    decimals,
    widthCm: a.width ?? CHART_DEFAULTS.widthCm,
    heightCm: a.height ?? CHART_DEFAULTS.heightCm,
    ...opt("align", a.align),
  }];
}

function barsOf(v: VocabularyChecker, els: readonly Named<"bar">[]): RawBar[] {
  return els.flatMap((b) => {
    const a = v.attrs(b);
    v.empty(b);
    return a.label === undefined || a.value === undefined ? [] : [{ label: a.label, value: a.value }];
  });
}

/** 0, step, 2·step … up to max; whole numbers print without decimals. */
function ticks(max: number, step: number, numerals: Numerals): ChartTick[] {
  const out: ChartTick[] = [];
  // Counted, not summed, so 0.1-steps do not drift past max.
  for (let k = 0; k * step <= max * (1 + 1e-9); k++) {
    const value = Number((k * step).toPrecision(12));
    out.push({ value, text: Number.isInteger(value) ? formatInteger(value, numerals) : formatScore(value, numerals, 1) });
  }
  return out;
}
