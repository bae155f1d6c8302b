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
export const PDFKIT_COLOR_INTERNALS = { documentMethods: ["_normalizeColor", "_setColorCore", "_doOpacity", "addContent"], documentFields: ["_opacityRegistry"] } as const;

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

/** An opacity state a document has made: its ExtGState object and the operator that selects it. */
interface OpacityState {
  readonly dictionary: unknown;
  readonly name: string;
  readonly operator: string;
}

/** The document members pdfkit's _doOpacity uses. */
export interface OpacityDocument {
  _opacityRegistry: Record<string, [unknown, string] | undefined>;
  page: { ext_gstates: Record<string, unknown> };
  addContent(data: string): unknown;
}

/**
 * pdfkit's _doOpacity once a document has made the state: pdfkit builds a
 * string key from the two opacities and looks it up on every call (pdfmake
 * sets the opacity before every inline and every vector); here the clamped
 * values themselves are the keys of a Map (null and undefined stay apart, as
 * they do in pdfkit's key, and 0 and -0 meet, as "0" does). A state not seen
 * yet is made by pdfkit (`make`), which gives it its object and name.
 */
export function makeOpacityStates<D extends OpacityDocument>(
  make: (doc: D, fill: unknown, stroke: unknown) => void,
): (doc: D, fill: unknown, stroke: unknown) => void {
  const states = new Map<unknown, Map<unknown, OpacityState>>();
  const clamp = (v: unknown): unknown => (v != null ? Math.max(0, Math.min(1, v as number)) : v);
  return (doc, fill, stroke) => {
    if (fill == null && stroke == null) return;
    const f = clamp(fill);
    const s = clamp(stroke);
    let byStroke = states.get(f);
    let known = byStroke?.get(s);
    if (!known) {
      make(doc, fill, stroke);
      const made = doc._opacityRegistry[`${String(f)}_${String(s)}`];
      if (!made) return;
      const [dictionary, name] = made;
      known = { dictionary, name, operator: `/${name} gs` };
      if (!byStroke) states.set(f, (byStroke = new Map()));
      byStroke.set(s, known);
      return;
    }
    doc.page.ext_gstates[known.name] = known.dictionary;
    doc.addContent(known.operator);
  };
}
