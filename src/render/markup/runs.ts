/**
 * Inline text → Run[]: whitespace from template formatting collapses the way
 * HTML does (any run of spaces, tabs and newlines is one space, trimmed at the
 * ends of a paragraph), across style boundaries. U+00A0 is not whitespace
 * here, so &#160; survives.
 */
import type { Run } from "../../model/document.js";
import type { Mutable } from "./optional.js";

export interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly sizePt?: number;
}

export interface Piece {
  readonly text: string;
  readonly style: RunStyle;
}

const SPACE = /[ \t\n\r\f]+/g;
/** Whitespace the collapse would change: anything but a single space (most texts have single spaces only). */
const TO_COLLAPSE = /[\t\n\r\f]| {2}/;

/** The text with its whitespace collapsed to single spaces; the same string when there is nothing to collapse (no copy made). */
function collapsed(text: string): string {
  return TO_COLLAPSE.test(text) ? text.replace(SPACE, " ") : text;
}

export function normalizeRuns(pieces: readonly Piece[]): Run[] {
  // One piece (a cell's <p>{{t this}}</p>, a plain paragraph): one run or none, made directly.
  if (pieces.length === 1) return oneRun(pieces[0]!);
  const collapsedPieces: { text: string; style: RunStyle }[] = [];
  let endsWithSpace = true; // so that leading space of the paragraph goes
  for (const p of pieces) {
    let text = collapsed(p.text);
    if (endsWithSpace && text.startsWith(" ")) text = text.slice(1);
    if (text === "") continue;
    endsWithSpace = text.endsWith(" ");
    collapsedPieces.push({ text, style: p.style });
  }
  const last = collapsedPieces[collapsedPieces.length - 1];
  if (last && last.text.endsWith(" ")) {
    last.text = last.text.slice(0, -1);
    if (last.text === "") collapsedPieces.pop();
  }

  // The runs are made here, so a neighbour of the same style is joined in place.
  const runs: Mutable<Run>[] = [];
  for (const p of collapsedPieces) {
    const prev = runs[runs.length - 1];
    if (prev && sameStyle(prev, p.style)) {
      prev.text += p.text;
    } else {
      runs.push(toRun(p.text, p.style));
    }
  }
  return runs;
}

/** normalizeRuns of one piece: the same run (leading and trailing space dropped) without the list of collapsed pieces. */
function oneRun(p: Piece): Run[] {
  let text = collapsed(p.text);
  if (text.startsWith(" ")) text = text.slice(1);
  if (text.endsWith(" ")) text = text.slice(0, -1);
  return text === "" ? [] : [toRun(text, p.style)];
}

export function collapseText(text: string): string {
  return text.replace(SPACE, " ").replace(/^ | $/g, "");
}

/** Keys in this order, those not set left out (the model compares equal to golden JSON). */
function toRun(text: string, s: RunStyle): Mutable<Run> {
  const run: Mutable<Run> = { text };
  if (s.bold) run.bold = true;
  if (s.italic) run.italic = true;
  if (s.underline) run.underline = true;
  if (s.sizePt !== undefined) run.sizePt = s.sizePt;
  return run;
}

function sameStyle(r: Run, s: RunStyle): boolean {
  return (r.bold ?? false) === (s.bold ?? false)
    && (r.italic ?? false) === (s.italic ?? false)
    && (r.underline ?? false) === (s.underline ?? false)
    && r.sizePt === s.sizePt;
}
