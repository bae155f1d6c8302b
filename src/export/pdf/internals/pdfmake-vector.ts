/**
 * pdfmake's Renderer.renderVector for the vectors itadoc's tables and rules
 * are made of (a line or a plain rectangle, solid, miter joins, butt caps,
 * a string colour): pdfkit's five line-state and path operators are written
 * as one string instead of five calls that each format and write their own.
 * The colour, opacity and painting calls stay pdfkit's, in pdfmake's order
 * (an opacity seen for the first time makes a PDF object, so the order
 * decides the file). Anything else is drawn by pdfmake's own renderVector.
 * Same operators, same numbers: test/export/pdf/one-write-drawing.test.ts compares
 * whole files drawn both ways.
 */
import { pdfNumber } from "./pdfkit-text.js";

/** A vector as pdfmake lays it out (pdfmake 0.3.11 Renderer.renderVector reads these). */
interface Vector {
  type?: string;
  lineWidth?: number;
  dash?: unknown;
  lineJoin?: unknown;
  lineCap?: unknown;
  linearGradient?: unknown;
  r?: number;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  color?: unknown;
  lineColor?: unknown;
  fillOpacity?: unknown;
  strokeOpacity?: unknown;
}

/** The pdfkit document members the painting calls use. */
export interface VectorDocument {
  addContent(data: string): unknown;
  resolveColor(color: unknown, defaultColor: string): unknown;
  fillColor(color: unknown, opacity: number): unknown;
  strokeColor(color: unknown, opacity: number): unknown;
  fill(): unknown;
  stroke(): unknown;
  fillAndStroke(): unknown;
}

/** pdfmake's isNumber (helpers/variableType.js). */
const isNumber = (v: unknown): v is number => (typeof v === "number" || v instanceof Number) && !Number.isNaN(v);

/**
 * The line-state operators for the last line width seen: a table's rules
 * share one width, and formatting it again was a new string per vector.
 */
let lastLineWidth = Number.NaN;
let lastState = "";

function lineState(lineWidth: number): string {
  if (lineWidth !== lastLineWidth) {
    lastLineWidth = lineWidth;
    // lineWidth(…), undash(), lineJoin('miter'), lineCap('butt'), as pdfkit writes them
    lastState = `${pdfNumber(lineWidth)} w\n[] 0 d\n0 j\n0 J\n`;
  }
  return lastState;
}

/** The path of a plain line or rectangle, or undefined for any other vector. */
function plainPath(v: Vector): string | undefined {
  if (v.dash || v.lineJoin || v.lineCap || v.linearGradient) return undefined;
  // a colour array may be a pattern (pdfmake's providePattern)
  if (typeof v.color === "object" && v.color !== null) return undefined;
  const n = pdfNumber;
  const state = lineState(v.lineWidth || 1);
  if (v.type === "line") return `${state}${n(v.x1 as number)} ${n(v.y1 as number)} m\n${n(v.x2 as number)} ${n(v.y2 as number)} l`;
  if (v.type === "rect" && !v.r) return `${state}${n(v.x as number)} ${n(v.y as number)} ${n(v.w as number)} ${n(v.h as number)} re`;
  return undefined;
}

/** Draws `vector` as pdfmake's renderVector would if it is plain; false (nothing drawn) otherwise. */
export function renderPlainVector(doc: VectorDocument, vector: unknown): boolean {
  const v = vector as Vector;
  const path = plainPath(v);
  if (path === undefined) return false;
  doc.addContent(path);
  const fillOpacity = isNumber(v.fillOpacity) ? v.fillOpacity : 1;
  const strokeOpacity = isNumber(v.strokeOpacity) ? v.strokeOpacity : 1;
  if (v.color && v.lineColor) {
    doc.fillColor(doc.resolveColor(v.color, "black"), fillOpacity);
    doc.strokeColor(doc.resolveColor(v.lineColor, "black"), strokeOpacity);
    doc.fillAndStroke();
  } else if (v.color) {
    doc.fillColor(doc.resolveColor(v.color, "black"), fillOpacity);
    doc.fill();
  } else {
    doc.strokeColor(doc.resolveColor(v.lineColor, "black"), strokeOpacity);
    doc.stroke();
  }
  return true;
}
