/**
 * A model Chart → pdfmake nodes: the bars, gridlines, axes and pass line are
 * canvas vectors (PDF path operators, no picture), every text is a pdfmake
 * text node set by the same fonts, Thai line breaking and ToUnicode path as
 * the body, so it is searchable and extracts as typed.
 *
 * pdfmake cannot put text inside a canvas, so the texts are detached nodes
 * (relativePosition: they take no room in the flow) placed before the
 * canvas; the canvas then takes the chart's whole height. All of it is one
 * unbreakable stack, so a chart never splits across pages.
 */
import type { Chart } from "../../../model/document.js";
import { CHART_LOOK, chartColor } from "../../../model/layout.js";
import { runsToInlines } from "../thai-wrap.js";
import { PT_PER_CM, pt, type BlockContext, type Node } from "./context.js";

/** Where everything of a chart goes, in points from the chart box's top-left corner. */
export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly titleHeight: number;
  /** The plot: value 0 at `bottom`, the axis max at `top`. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** Width of one category's slot and of one bar. */
  readonly slot: number;
  readonly bar: number;
  readonly labelLines: number;
  readonly lineHeight: number;
  readonly legendHeight: number;
}

const PAD = 3;

export function hasLegend(c: Chart): boolean {
  return c.series.length > 1 || c.series.some((s) => s.name !== "");
}

/** The chart's layout: pure, from the chart, the text width and the label font's metrics. */
export function chartGeometry(c: Chart, ctx: BlockContext): ChartGeometry {
  const width = Math.min(c.widthCm * PT_PER_CM, ctx.textWidth);
  const height = c.heightCm * PT_PER_CM;
  const labelSize = labelSizeOf(ctx);
  const lineHeight = labelSize * ctx.fonts.lineHeightEm;
  const titleSize = pt(ctx, ctx.basePt + CHART_LOOK.titleSizeDeltaPt);
  // A title wider than the chart wraps; a small allowance for where the words break.
  const titleLines = c.title === "" ? 0 : Math.ceil((ctx.fonts.widthOf(CHART_LOOK.titleBold ? "bold" : "normal", c.title, titleSize) * 1.1) / width);
  const titleHeight = titleLines * titleSize * ctx.fonts.lineHeightEm + (titleLines > 0 ? PAD : 0);
  const tickWidth = Math.max(0, ...c.ticks.map((t) => ctx.fonts.widthOf("normal", t.text, labelSize)));
  const left = tickWidth + 2 * PAD;
  // The pass line's label stands right of the plot, level with the line, clear of any bar.
  const passLabel = c.passLine && c.passLine.label !== "" ? ctx.fonts.widthOf("normal", c.passLine.label, labelSize) + 2 * PAD : 0;
  const right = width - PAD - passLabel;
  const slot = (right - left) / c.categories.length;
  const bar = slot / (c.series.length + CHART_LOOK.gapWidthPct / 100);
  // A label wider than its slot wraps (Thai breaks between words) onto a second line.
  const widest = Math.max(...c.categories.map((l) => ctx.fonts.widthOf("normal", l, labelSize)));
  const labelLines = widest > slot - 2 ? 2 : 1;
  const legendHeight = hasLegend(c) ? lineHeight + PAD : 0;
  // Room above the plot for the value printed over a bar at the axis max.
  const top = titleHeight + lineHeight;
  const bottom = height - legendHeight - labelLines * lineHeight - PAD;
  return { width, height, titleHeight, left, right, top, bottom, slot, bar, labelLines, lineHeight, legendHeight };
}

function labelSizeOf(ctx: BlockContext): number {
  return pt(ctx, ctx.basePt + CHART_LOOK.labelSizeDeltaPt);
}

/** The y of a value on the plot. */
export function valueY(g: ChartGeometry, c: Chart, value: number): number {
  return g.bottom - (value / c.max) * (g.bottom - g.top);
}

/** The left edge of series `s`'s bar in category `k`. */
export function barX(g: ChartGeometry, c: Chart, k: number, s: number): number {
  const gap = g.slot - c.series.length * g.bar;
  return g.left + k * g.slot + gap / 2 + s * g.bar;
}

/**
 * The top of the value printed over a bar whose top is at `y`: right above
 * it, unless the pass line would run through the digits (a bar just under
 * the line); then right above the line.
 */
export function valueLabelTop(g: ChartGeometry, c: Chart, y: number): number {
  const top = y - g.lineHeight;
  if (!c.passLine) return top;
  const line = valueY(g, c, c.passLine.value);
  return line > top - 1 && line < y + 1 ? line - g.lineHeight - 1 : top;
}

/** A detached text box of `width` at (x, y) from the chart's top-left. */
function textAt(text: string, x: number, y: number, width: number, alignment: "left" | "center" | "right", size: number, ctx: BlockContext, extra: Node = {}): Node {
  return {
    relativePosition: { x, y },
    columns: [{ width, text: runsToInlines([{ text }], ctx.scale), alignment, fontSize: size, ...extra }],
  };
}

export function chart(c: Chart, ctx: BlockContext): Node {
  const g = chartGeometry(c, ctx);
  const size = labelSizeOf(ctx);
  const half = g.lineHeight / 2;
  const texts: Node[] = [];
  const vectors: Node[] = [];

  if (c.title !== "") {
    const titleSize = pt(ctx, ctx.basePt + CHART_LOOK.titleSizeDeltaPt);
    texts.push(textAt(c.title, 0, 0, g.width, "center", titleSize, ctx, CHART_LOOK.titleBold ? { bold: true } : {}));
  }
  for (const t of c.ticks) {
    const y = valueY(g, c, t.value);
    if (t.value > 0) vectors.push({ type: "line", x1: g.left, y1: y, x2: g.right, y2: y, lineWidth: 0.5, lineColor: `#${CHART_LOOK.gridColor}` });
    texts.push(textAt(t.text, 0, y - half, g.left - PAD, "right", size, ctx));
  }
  c.series.forEach((s, si) => {
    s.values.forEach((v, k) => {
      const x = barX(g, c, k, si);
      const y = valueY(g, c, v.value);
      if (v.value > 0) vectors.push({ type: "rect", x, y, w: g.bar, h: g.bottom - y, color: `#${chartColor(si)}` });
      // Wide enough for "100.00" over a narrow bar: centred on the bar, spilling into the gap.
      const boxWidth = Math.max(g.bar, g.slot / c.series.length);
      texts.push(textAt(v.text, x + g.bar / 2 - boxWidth / 2, valueLabelTop(g, c, y), boxWidth, "center", size, ctx));
    });
  });
  c.categories.forEach((label, k) => {
    texts.push(textAt(label, g.left + k * g.slot, g.bottom + PAD / 2, g.slot, "center", size, ctx));
  });
  if (c.passLine) {
    const y = valueY(g, c, c.passLine.value);
    vectors.push({ type: "line", x1: g.left, y1: y, x2: g.right, y2: y, lineWidth: 1, lineColor: `#${CHART_LOOK.passLineColor}`, dash: { length: 4, space: 2 } });
    if (c.passLine.label !== "") {
      texts.push(textAt(c.passLine.label, g.right + PAD, y - half, g.width - g.right - PAD, "left", size, ctx, { color: `#${CHART_LOOK.passLineColor}` }));
    }
  }
  // Axes over the gridlines and bars' feet.
  vectors.push({ type: "line", x1: g.left, y1: g.top, x2: g.left, y2: g.bottom, lineWidth: 0.75, lineColor: `#${CHART_LOOK.axisColor}` });
  vectors.push({ type: "line", x1: g.left, y1: g.bottom, x2: g.right, y2: g.bottom, lineWidth: 0.75, lineColor: `#${CHART_LOOK.axisColor}` });
  if (hasLegend(c)) texts.push(...legend(c, g, size, ctx, vectors));

  const offset = c.align === "center" ? (ctx.textWidth - g.width) / 2 : c.align === "right" ? ctx.textWidth - g.width : 0;
  return {
    stack: [...texts, { canvas: vectors, margin: [0, 0, 0, Math.max(0, g.height - canvasHeight(vectors))] }],
    unbreakable: true,
    margin: [offset, CHART_LOOK.spaceBeforePt, 0, CHART_LOOK.spaceAfterPt],
  };
}

/** How far down pdfmake's canvas measure reaches (its lowest vector): the flow moves on by that. */
function canvasHeight(vectors: readonly Node[]): number {
  return Math.max(0, ...vectors.map((v) => (v["type"] === "rect" ? (v["y"] as number) + (v["h"] as number) : Math.max(v["y1"] as number, v["y2"] as number))));
}

/** A swatch and the series' name for each series, in one row centred under the labels. */
function legend(c: Chart, g: ChartGeometry, size: number, ctx: BlockContext, vectors: Node[]): Node[] {
  const swatch = size * 0.6;
  const widths = c.series.map((s) => swatch + PAD + ctx.fonts.widthOf("normal", s.name, size) + 4 * PAD);
  const total = widths.reduce((a, b) => a + b, 0);
  let x = Math.max(0, (g.width - total) / 2);
  const y = g.height - g.legendHeight + PAD / 2;
  const out: Node[] = [];
  c.series.forEach((s, si) => {
    vectors.push({ type: "rect", x, y: y + (g.lineHeight - swatch) / 2, w: swatch, h: swatch, color: `#${chartColor(si)}` });
    out.push(textAt(s.name, x + swatch + PAD, y, (widths[si] ?? 0) - swatch - PAD, "left", size, ctx));
    x += widths[si] ?? 0;
  });
  return out;
}
