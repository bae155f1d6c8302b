/**
 * Joins the word-sized pieces of each laid-out line into one piece per style
 * before pdfmake draws them.
 *
 * pdfmake lays text out word by word (with Thai, every U+200B ends a word)
 * and draws every word on its own: colour, opacity, a saved graphics state,
 * a text object, a font selection. Drawing was more than half of an export.
 * Neighbours with the same look that touch (the next starts where the one
 * before ends: no justification) are drawn as one string instead. A U+200B
 * between them keeps them separate shaping pieces (faithful-font.ts cuts
 * there), so every glyph lands where the layout put it.
 */
import type { LaidInline, LaidLine, LaidPage } from "./internals/pdfmake.js";
import { ZWSP } from "./text-pieces.js";

/** Farther apart than this (points) is a gap, not two touching words. */
const TOUCHING = 1e-6;

/** Whether `text` ends a shaping piece by itself (U+200B, space or tab last): the next word can follow it directly. */
function endsPiece(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0x200b || c === 0x20 || c === 0x09;
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** Equal, or both unset (pdfmake treats a missing field and null alike). */
function same(x: unknown, y: unknown): boolean {
  return x === y || (!isSet(x) && !isSet(y));
}

/*
 * The two tests below read the fields of INLINE_DRAWN_ALONE_FIELDS and
 * INLINE_LOOK_FIELDS (internals/pdfmake.ts) by name, not in a loop over the
 * lists: a loop reads a different field at one place each time, which V8
 * cannot make fast, and these run for every word of every line.
 * test/export/pdf/merge-inlines.test.ts checks that each listed field is read.
 */

function drawnAlone(i: LaidInline): boolean {
  return (
    isSet(i["link"]) ||
    isSet(i["linkToPage"]) ||
    isSet(i["linkToDestination"]) ||
    isSet(i["_pageNodeRef"]) ||
    isSet(i["_tocItemRef"]) ||
    isSet(i["_pageRef"]) ||
    isSet(i["justifyShift"]) ||
    i.text.includes("\n")
  );
}

function sameLook(a: LaidInline, b: LaidInline): boolean {
  return (
    same(a["font"], b["font"]) &&
    same(a["fontSize"], b["fontSize"]) &&
    same(a["color"], b["color"]) &&
    same(a["opacity"], b["opacity"]) &&
    same(a["characterSpacing"], b["characterSpacing"]) &&
    same(a["fontFeatures"], b["fontFeatures"]) &&
    same(a["decoration"], b["decoration"]) &&
    same(a["decorationColor"], b["decorationColor"]) &&
    same(a["decorationStyle"], b["decorationStyle"]) &&
    same(a["decorationThickness"], b["decorationThickness"]) &&
    same(a["background"], b["background"]) &&
    same(a["sup"], b["sup"]) &&
    same(a["sub"], b["sub"])
  );
}

export function mergeLine(inlines: readonly LaidInline[]): LaidInline[] {
  const out: LaidInline[] = [];
  let current: LaidInline | undefined;
  /** `current` is a copy made here, so it may be extended in place. */
  let ours = false;
  let currentAlone = true;
  /*
   * Whether current.text ends a piece, kept here: current.text is a string
   * being joined (a rope), and a regular expression on it flattens it, a
   * copy of the line so far for every word added.
   */
  let currentEnds = false;
  for (const inline of inlines) {
    const alone = drawnAlone(inline);
    if (current && !currentAlone && !alone && Math.abs(current.x + current.width - inline.x) <= TOUCHING && sameLook(current, inline)) {
      if (!ours) {
        current = { ...current };
        out[out.length - 1] = current;
        ours = true;
      }
      const text = inline.text;
      if (currentEnds) {
        current.text += text;
        if (text.length > 0) currentEnds = endsPiece(text);
      } else {
        current.text = current.text + ZWSP + text;
        currentEnds = text.length > 0 ? endsPiece(text) : true;
      }
      current.width += inline.width;
      current.height = Math.max(current.height ?? 0, inline.height ?? 0);
    } else {
      current = inline;
      ours = false;
      currentAlone = alone;
      currentEnds = endsPiece(inline.text);
      out.push(inline);
    }
  }
  return out;
}

/** Rewrites each text line of pdfmake's laid-out pages in place. */
export function mergeInlines(pages: readonly LaidPage[]): void {
  for (const page of pages) {
    for (const pageItem of page.items) {
      if (pageItem.type !== "line") continue;
      const line = pageItem.item as LaidLine;
      if (line.inlines.length > 1) line.inlines = mergeLine(line.inlines);
    }
  }
}
