/**
 * The bars of a chart as they print: a page rendered by pdftoppm (colour
 * PPM), cut into runs of columns that hold the bars' colour, each measured
 * in its middle column from the top of the colour to its bottom. Used on
 * the PDF itadoc writes and on the PDF LibreOffice prints from the DOCX, so
 * both are checked on the rendered page, not only on what was written.
 * pdftoppm missing is an error (execFileSync throws), never a skip.
 */
import { execFileSync } from "node:child_process";

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly rgb: Buffer;
}

export function renderPage(pdfPath: string, page: number, dpi = 100): Raster {
  const ppm = execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), pdfPath], { maxBuffer: 128 << 20 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 40));
  if (!header) throw new Error("pdftoppm gave no PPM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, rgb: ppm.subarray(ppm.length - width * height * 3) };
}

export interface PrintedBar {
  /** Pixel columns the bar covers, left and right inclusive. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

function near(r: Raster, x: number, y: number, hex: string, tolerance: number): boolean {
  const i = (y * r.width + x) * 3;
  const want = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return want.every((v, k) => Math.abs((r.rgb[i + k] ?? 0) - v) <= tolerance);
}

/** Bars of colour `hex` (no #) between rows y0 and y1, left to right; runs narrower than `minWidth` pixels are ignored. */
export function printedBars(r: Raster, hex: string, y0 = 0, y1 = r.height, minWidth = 4, tolerance = 24): PrintedBar[] {
  const columnHas = (x: number): boolean => {
    for (let y = y0; y < y1; y++) if (near(r, x, y, hex, tolerance)) return true;
    return false;
  };
  const bars: PrintedBar[] = [];
  let start = -1;
  for (let x = 0; x <= r.width; x++) {
    const has = x < r.width && columnHas(x);
    if (has && start < 0) start = x;
    if (!has && start >= 0) {
      if (x - start >= minWidth) {
        const mid = Math.floor((start + x - 1) / 2);
        let top = -1;
        let bottom = -1;
        for (let y = y0; y < y1; y++) {
          if (near(r, mid, y, hex, tolerance)) {
            if (top < 0) top = y;
            bottom = y;
          }
        }
        bars.push({ left: start, right: x - 1, top, bottom });
      }
      start = -1;
    }
  }
  return bars;
}

export interface BarFit {
  /** Pixels between the highest and the lowest bar foot: 0 when all stand on one baseline. */
  readonly baselineSpread: number;
  /** Pixels of the value axis from 0 to `max`, from the tallest bar. */
  readonly fullPx: number;
  /** Per bar, how many pixels its height is off the score's share of the axis. */
  readonly misfit: readonly number[];
}

/** How well printed bars match scores on a 0–`max` axis (bars and scores in the same order). */
export function fitToScores(bars: readonly PrintedBar[], scores: readonly number[], max = 100): BarFit {
  const feet = bars.map((b) => b.bottom);
  const bottom = Math.max(...feet);
  const top = Math.max(...scores);
  const tallest = bars[scores.indexOf(top)];
  const fullPx = tallest ? ((bottom - tallest.top) * max) / top : 0;
  return {
    baselineSpread: bottom - Math.min(...feet),
    fullPx,
    misfit: bars.map((b, i) => Math.abs(bottom - b.top - ((scores[i] ?? 0) / max) * fullPx)),
  };
}
