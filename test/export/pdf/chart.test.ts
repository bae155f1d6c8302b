/**
 * A chart in the PDF: vector bars whose heights are the scores (read from
 * the page's content stream, and measured again on the page pdftoppm
 * renders), the pass line at its value, every label real text that
 * pdftotext extracts as written, and the same bytes for the same model.
 */
import { readFileSync } from "node:fs";
import { unzlibSync } from "fflate";
import { beforeAll, describe, expect, test } from "vitest";
import { exportPdf } from "../../../src/export/pdf/index.js";
import { CHART_LOOK } from "../../../src/model/layout.js";
import type { DocModel } from "../../../src/model/document.js";
import { parseMarkup } from "../../../src/render/markup/parse-markup.js";
import { fitToScores, printedBars, renderPage } from "../../helpers/chart-pixels.js";
import { options, pdftotext, squash, writePdf } from "./helpers.js";

const SCORES = [92.44, 87.3, 65.56, 50, 100];
const LABELS = ["I1", "I2", "O9", "O10", "ปี ๒๕๖๔"];

function chartModel(numerals = "thai"): DocModel {
  const bars = SCORES.map((s, i) => `<bar label="${LABELS[i]}" value="${s}"/>`).join("");
  const r = parseMarkup(
    `<document title="t" numerals="${numerals}"><section><p>ก่อนแผนภูมิ</p>` +
      `<chart title="คะแนนรายตัวชี้วัด ปี ๒๕๖๔" pass-line="85" pass-label="เกณฑ์ ๘๕" width="15" height="7">${bars}</chart>` +
      "<p>หลังแผนภูมิ</p></section></document>",
    new Map(),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.doc;
}

/** Page content streams, inflated. */
function contentStreams(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      out.push(Buffer.from(unzlibSync(pdf.subarray(start, end))).toString("latin1"));
    } catch {
      // Not a Flate stream of ours (fonts are Flate too but hold no " re" operators worth reading).
    }
  }
  return out;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: string;
}

/** Rectangles (x y w h re) with the fill colour (r g b scn) set right after them, as pdfkit writes a filled rect. */
function filledRects(stream: string): Rect[] {
  const out: Rect[] = [];
  for (const m of stream.matchAll(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re\s+\/DeviceRGB cs\s+([\d.]+) ([\d.]+) ([\d.]+) scn/g)) {
    const hex = [m[5], m[6], m[7]].map((c) => Math.round(Number(c) * 255).toString(16).padStart(2, "0").toUpperCase()).join("");
    out.push({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), fill: hex });
  }
  return out;
}

/** Horizontal lines (x1 y m x2 y l) stroked in `hex`. */
function strokedLevels(stream: string, hex: string): number[] {
  const rgb = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255);
  const out: number[] = [];
  for (const m of stream.matchAll(/([\d.-]+) ([\d.-]+) m\s+([\d.-]+) ([\d.-]+) l\s+\/DeviceRGB CS\s+([\d.]+) ([\d.]+) ([\d.]+) SCN/g)) {
    const same = [m[5], m[6], m[7]].every((c, k) => Math.abs(Number(c) - (rgb[k] ?? 0)) < 1e-3);
    if (same && m[2] === m[4]) out.push(Number(m[2]));
  }
  return out;
}

let pdf: Uint8Array;
let path: string;
let stream: string;

beforeAll(async () => {
  pdf = await exportPdf(chartModel(), options);
  path = writePdf("chart", pdf);
  stream = contentStreams(pdf).find((s) => s.includes(" re")) ?? "";
});

describe("a chart in the PDF", () => {
  test("draws one vector bar per score, its height proportional to the score on the 0–100 axis", () => {
    const bars = filledRects(stream).filter((r) => r.fill === CHART_LOOK.seriesColors[0]);
    expect(bars).toHaveLength(SCORES.length);
    // Left to right in the data's order, all standing on the same baseline (y is top-down after pdfkit's flip).
    const xs = bars.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const baselines = bars.map((b) => b.y + b.h);
    for (const b of baselines) expect(b).toBeCloseTo(baselines[0] ?? 0, 3);
    const full = (bars[4]?.h ?? 0) / 1; // the 100 bar: the plot's whole height
    expect(full).toBeGreaterThan(100); // about 4.5 cm of a 7 cm chart
    SCORES.forEach((s, i) => expect(bars[i]?.h).toBeCloseTo((s / 100) * full, 3));
  });

  test("the pass line is a dashed line across the plot at 85", () => {
    const bars = filledRects(stream).filter((r) => r.fill === CHART_LOOK.seriesColors[0]);
    const base = (bars[0]?.y ?? 0) + (bars[0]?.h ?? 0);
    const full = bars[4]?.h ?? 0;
    const levels = strokedLevels(stream, CHART_LOOK.passLineColor);
    expect(levels).toHaveLength(1);
    expect(levels[0]).toBeCloseTo(base - 0.85 * full, 3);
    expect(stream).toMatch(/\[4 2\] 0 d/);
  });

  test("title, labels, values, axis numbers and the pass label are real text in Thai digits", () => {
    const text = squash(pdftotext(path));
    for (const t of ["คะแนนรายตัวชี้วัดปี๒๕๖๔", "เกณฑ์๘๕", "I1", "O10", "ปี๒๕๖๔", "๙๒.๔๔", "๘๗.๓๐", "๖๕.๕๖", "๕๐.๐๐", "๑๐๐.๐๐", "๑๐๐", "๘๐", "ก่อนแผนภูมิ", "หลังแผนภูมิ"]) {
      expect(text).toContain(t);
    }
    // Thai digits only: no Arabic digits leak from the chart (the bar codes I1, O10 keep theirs).
    expect(text.replace(/[IO]1?\d/g, "")).not.toMatch(/[0-9]/);
  });

  test("an arabic document prints the chart in arabic digits", async () => {
    const p = writePdf("chart-arabic", await exportPdf(chartModel("arabic"), options));
    const text = squash(pdftotext(p));
    expect(text).toContain("92.44");
    expect(text).toContain("100.00");
    expect(text).not.toContain("๙๒.๔๔");
  });

  test("on the rendered page, the bars' printed heights are the scores", () => {
    const page = renderPage(path, 1, 100);
    const bars = printedBars(page, CHART_LOOK.seriesColors[0] ?? "");
    expect(bars).toHaveLength(SCORES.length);
    const fit = fitToScores(bars, SCORES);
    expect(fit.baselineSpread).toBeLessThanOrEqual(1);
    for (const m of fit.misfit) expect(m).toBeLessThanOrEqual(1.5);
    // Below the first paragraph, inside the text width (3 cm left margin = 118 px at 100 dpi).
    expect(bars[0]?.left).toBeGreaterThan(118);
    expect(bars[4]?.right).toBeLessThan(page.width - 78);
  });

  test("the same model gives the same bytes", async () => {
    expect(Buffer.from(await exportPdf(chartModel(), options)).equals(Buffer.from(pdf))).toBe(true);
    expect(readFileSync(path).length).toBe(pdf.length);
  });
});
