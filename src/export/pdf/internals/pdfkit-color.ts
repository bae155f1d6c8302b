/**
 * pdfkit's colour operators for a colour given as a string ("#1f3864",
 * "black"), worked out once per string. pdfmake sets the fill colour before
 * every inline and the stroke colour of every table rule; pdfkit parses the
 * string each time (_normalizeColor: a regexp or a table lookup, then a new
 * array divided by 255) and writes the colour space and the colour as two
 * operators. A hex or named colour always gives the same operators, so
 * they are kept as one string; a string pdfkit does not turn into an array
 * of numbers (a spot colour, an unknown name) is left to pdfkit each time.
 */
import { BoundedCache } from "../bounded-cache.js";

/** The document members used here (pdfkit 0.19.1's ColorMixin); listed for the canary test. */
export const PDFKIT_COLOR_INTERNALS = { documentMethods: ["_normalizeColor", "_setColorCore", "addContent"] } as const;

export interface ColorDocument {
  _normalizeColor(color: unknown): unknown;
  addContent(data: string): unknown;
}

/** Colour string → its operators, for fill (0) and stroke (1); templates use a handful of colours. */
const operators = [new BoundedCache<string, string>(256), new BoundedCache<string, string>(256)] as const;

/** The operators pdfkit's _setColorCore writes for `color`, or undefined when pdfkit must handle it. */
function operatorsOf(doc: ColorDocument, color: string, stroke: boolean): string | undefined {
  const cache = operators[stroke ? 1 : 0];
  const known = cache.get(color);
  if (known !== undefined) return known;
  const parts = doc._normalizeColor(color);
  if (!Array.isArray(parts)) return undefined;
  const space = parts.length === 4 ? "DeviceCMYK" : "DeviceRGB";
  const ops = `/${space} ${stroke ? "CS" : "cs"}\n${parts.join(" ")} ${stroke ? "SCN" : "scn"}`;
  cache.set(color, ops);
  return ops;
}

/** pdfkit's _setColorCore for a string colour: true when written here, false when pdfkit should do it. */
export function setStringColor(doc: ColorDocument, color: unknown, stroke: boolean): boolean {
  if (typeof color !== "string") return false;
  const ops = operatorsOf(doc, color, stroke);
  if (ops === undefined) return false;
  doc.addContent(ops);
  return true;
}

/** Whether `color` is a string pdfkit turns into numbers (so pdfmake's resolveColor keeps it). */
export function isKnownColor(doc: ColorDocument, color: unknown): boolean {
  return typeof color === "string" && operatorsOf(doc, color, false) !== undefined;
}
