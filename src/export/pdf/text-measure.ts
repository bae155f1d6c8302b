/**
 * pdfmake's TextInlines.measure (0.3.11), with the style stack read once per
 * text node instead of once per property per word.
 *
 * pdfmake measures every word of a paragraph (for Thai: every piece between
 * two U+200B) and for each word resolves 24 style properties by walking the
 * whole style stack, which was an eighth of an export. Within one measure
 * call the stack does not change, and a word without a `style` name of its
 * own either carries a property itself or gets the stack's value. So the
 * stack is resolved once per call, reading only the keys its entries have
 * and only the entries not resolved for the text node before (StackStyles),
 * and each word's own value, read by name,
 * overrides it. A stack that holds a named style, or a word that names one,
 * takes pdfmake's own lookup. The rest is pdfmake's code as it was.
 * test/export/pdf/internals.test.ts checks that it measures exactly as
 * pdfmake's own on the examples' phrases; the class it extends comes from
 * internals/pdfmake.ts.
 */

import { breakItems, eachItemWords, isPlainBreak, type BrokenWord, type SplitWords } from "./word-breaks.js";

/** pdfmake's StyleContextStack, as far as it is used here (opaque otherwise). */
export type StyleStack = object;

export type GetStyleProperty = (item: object, stack: StyleStack | null | undefined, property: string, defaultValue: unknown) => unknown;

/** What a style stack holds, top entry last (internals/pdfmake.ts reads it); null when it cannot be read. */
export interface StyleLayers {
  readonly overrides: readonly unknown[];
  readonly defaultStyle: Readonly<Record<string, unknown>> | null | undefined;
}

export type StyleLayersOf = (stack: StyleStack) => StyleLayers | null;

/** The part of a font that measuring reads. */
interface MeasuringFont {
  lineHeight(fontSize: number): number;
}

/** One word of a paragraph while pdfmake measures it. */
interface MeasuredItem {
  text: string;
  style?: unknown;
  font: unknown;
  fontSize: number;
  sup?: unknown;
  sub?: unknown;
  width: number;
  height: number;
  leadingCut?: number;
  trailingCut: number;
  leadingIndent?: number;
  [property: string]: unknown;
}

interface TextInlinesLike {
  readonly pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): MeasuringFont };
  widthOfText(text: string, inline: object): number;
}

export type TextInlinesClass = new (pdfDocument: unknown) => object;

/** The properties measure() resolves, with pdfmake's defaults. */
interface ResolvedStyle {
  readonly font: unknown;
  readonly bold: unknown;
  readonly italics: unknown;
  readonly alignment: unknown;
  readonly fontSize: unknown;
  readonly fontFeatures: unknown;
  readonly characterSpacing: unknown;
  readonly color: unknown;
  readonly decoration: unknown;
  readonly decorationColor: unknown;
  readonly decorationStyle: unknown;
  readonly decorationThickness: unknown;
  readonly background: unknown;
  readonly link: unknown;
  readonly linkToPage: unknown;
  readonly linkToDestination: unknown;
  readonly noWrap: unknown;
  readonly opacity: unknown;
  readonly sup: unknown;
  readonly sub: unknown;
  readonly lineHeight: unknown;
  readonly preserveLeadingSpaces: unknown;
  readonly preserveTrailingSpaces: unknown;
  readonly leadingIndent: unknown;
}

const DEFAULTS: ResolvedStyle = {
  font: "Roboto",
  bold: false,
  italics: false,
  alignment: "left",
  fontSize: 12,
  fontFeatures: null,
  characterSpacing: 0,
  color: "black",
  decoration: null,
  decorationColor: null,
  decorationStyle: null,
  decorationThickness: null,
  background: null,
  link: null,
  linkToPage: null,
  linkToDestination: null,
  noWrap: null,
  opacity: 1,
  sup: false,
  sub: false,
  lineHeight: 1,
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
  leadingIndent: 0,
};

const PROPERTY_NAMES = Object.keys(DEFAULTS) as Array<keyof ResolvedStyle>;
const PROPERTIES = new Set<string>(PROPERTY_NAMES);

const SPACE = /\s/;

const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/** `own` when the word carries it, else the resolved value: pdfmake's getStyleProperty for a word without a style name. */
const pick = (own: unknown, resolved: unknown): unknown => (isValue(own) ? own : resolved);

/** Whether `text`'s UTF-16 unit at `i` is matched by /\s/ (a cheap test before the regular expression). */
function isSpaceAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i] as string);
}

/** A ResolvedStyle from a lookup by property name. */
function resolvedBy(lookup: (property: keyof ResolvedStyle) => unknown): ResolvedStyle {
  const s = {} as Record<keyof ResolvedStyle, unknown>;
  for (const p of PROPERTY_NAMES) s[p] = lookup(p);
  return s as ResolvedStyle;
}

/** What a default style alone gives, per default style object (one per document; pdfmake never changes it). */
const fromDefaultStyle = new WeakMap<object, ResolvedStyle>();

function defaultStyleValues(d: StyleLayers["defaultStyle"]): ResolvedStyle {
  if (!d) return DEFAULTS;
  let known = fromDefaultStyle.get(d);
  if (!known) {
    known = resolvedBy((p) => (isValue(d[p]) ? d[p] : DEFAULTS[p]));
    fromDefaultStyle.set(d, known);
  }
  return known;
}

/** `style` with the values `entry` (a style override object) has for the properties, over style's own. */
function withEntry(style: ResolvedStyle, entry: object): ResolvedStyle {
  let found: Record<string, unknown> | undefined;
  // only the keys an entry has: nodes carry a few of the 24 properties, usually none
  for (const key in entry) {
    if (!PROPERTIES.has(key)) continue;
    const v = (entry as Record<string, unknown>)[key];
    if (isValue(v) && v !== style[key as keyof ResolvedStyle]) (found ??= {})[key] = v;
  }
  // the spread keeps style's property order, so every ResolvedStyle has one shape
  return found ? { ...style, ...found } : style;
}

/** No default style seen yet. */
const NOT_SEEN = {};

/**
 * What the stack gives every word that has no value of its own: the top
 * entry with a value wins, then the default style, then pdfmake's default.
 * Null when an entry is a named style (pdfmake's own lookup follows those).
 *
 * Worked out bottom to top, each entry over the ones below it, and
 * remembered level by level for one document's measure pass (one per
 * FastTextInlines): pdfmake pushes every node on the way down (DocMeasure's
 * auto, and a copy of the stack with the leaf again per text node), so two
 * text nodes share the entries of their common ancestors, which are the
 * same objects. Only the levels above the first entry that differs from the
 * last stack are read again. pdfmake does not write these properties on a
 * node while it measures (it writes `font` on an SVG node only), so a
 * remembered level stays right.
 */
class StackStyles {
  private readonly entries: unknown[] = [];
  private readonly styles: ResolvedStyle[] = [];
  private defaultStyle: unknown = NOT_SEEN;

  of(layers: StyleLayers): ResolvedStyle | null {
    const overrides = layers.overrides;
    if (layers.defaultStyle !== this.defaultStyle) {
      this.entries.length = 0;
      this.defaultStyle = layers.defaultStyle;
    }
    let same = 0;
    const known = Math.min(this.entries.length, overrides.length);
    while (same < known && this.entries[same] === overrides[same]) same++;
    this.entries.length = same;
    this.styles.length = same;
    let style = same > 0 ? (this.styles[same - 1] as ResolvedStyle) : defaultStyleValues(layers.defaultStyle);
    for (let i = same; i < overrides.length; i++) {
      const entry = overrides[i];
      if (typeof entry !== "object" || entry === null || entry instanceof String) return null;
      style = withEntry(style, entry);
      this.entries.push(entry);
      this.styles.push(style);
    }
    return style;
  }
}

/** A property of the stack alone, for a stack of override objects only: the top entry with a value, else the default style's. */
function stackValue(layers: StyleLayers, property: string): unknown {
  for (let i = layers.overrides.length - 1; i >= 0; i--) {
    const v = (layers.overrides[i] as Record<string, unknown>)[property];
    if (isValue(v)) return v;
  }
  return layers.defaultStyle ? layers.defaultStyle[property] : undefined;
}

/** What buildInlines returns: the measured words and the node's narrowest and widest line. */
interface BuiltInlines {
  items: MeasuredItem[];
  minWidth: number;
  maxWidth: number;
}

/** pdfmake's getTrimmedWidth (buildInlines). */
const trimmedWidth = (item: { width: number; leadingCut?: number; trailingCut: number }): number => Math.max(0, item.width - (item.leadingCut as number) - item.trailingCut);

/** The face of the words of one measure call: provideFont once per change of face (a paragraph's words mostly share one). */
class FontOfWords {
  private family: unknown;
  private bold: unknown;
  private italics: unknown;
  private font: MeasuringFont | undefined;

  constructor(readonly inlines: TextInlinesLike) {}

  of(family: unknown, bold: unknown, italics: unknown): MeasuringFont {
    if (this.font === undefined || family !== this.family || bold !== this.bold || italics !== this.italics) {
      this.font = this.inlines.pdfDocument.provideFont(family, bold, italics);
      this.family = family;
      this.bold = bold;
      this.italics = italics;
    }
    return this.font;
  }
}

/**
 * A measured word with every field measure() sets, its values from `src`
 * (the word, or for measurePlain its item's own fields) over the resolved
 * style `s`; width and height are measureWord's.
 *
 * pdfmake adds these fields to the word TextBreaker made ({ text } and the
 * run's own style), which grows its property store again and again. The
 * measured word is made here at once; the caller then copies the word's
 * other own fields: the same fields and values, one allocation. Only
 * buildInlines holds the array, and what reads the words later (pdfmake's
 * cloneInline, merge-inlines.ts) copies every field, whatever the order.
 */
function measuredWord(src: Readonly<Record<string, unknown>>, text: string, leadingCut: number, s: ResolvedStyle, fonts: FontOfWords): MeasuredItem {
  const font = fonts.of(pick(src["font"], s.font), pick(src["bold"], s.bold), pick(src["italics"], s.italics));
  const sup = pick(src["sup"], s.sup);
  const sub = pick(src["sub"], s.sub);
  const fontSize = pick(src["fontSize"], s.fontSize) as number;
  return {
    text,
    font,
    alignment: pick(src["alignment"], s.alignment),
    fontSize: sup || sub ? fontSize * 0.58 : fontSize,
    fontFeatures: pick(src["fontFeatures"], s.fontFeatures),
    characterSpacing: pick(src["characterSpacing"], s.characterSpacing),
    color: pick(src["color"], s.color),
    decoration: pick(src["decoration"], s.decoration),
    decorationColor: pick(src["decorationColor"], s.decorationColor),
    decorationStyle: pick(src["decorationStyle"], s.decorationStyle),
    decorationThickness: pick(src["decorationThickness"], s.decorationThickness),
    background: pick(src["background"], s.background),
    link: pick(src["link"], s.link),
    linkToPage: pick(src["linkToPage"], s.linkToPage),
    linkToDestination: pick(src["linkToDestination"], s.linkToDestination),
    noWrap: pick(src["noWrap"], s.noWrap),
    opacity: pick(src["opacity"], s.opacity),
    sup,
    sub,
    width: 0,
    height: 0,
    leadingCut,
    trailingCut: 0,
  };
}

/** measure()'s width, height and leading/trailing cuts of `measured` (from measuredWord), `src` and `s` as there. */
function measureWord(measured: MeasuredItem, src: Readonly<Record<string, unknown>>, s: ResolvedStyle, inlines: TextInlinesLike): void {
  const text = measured.text;
  const lineHeight = pick(src["lineHeight"], s.lineHeight) as number;
  measured.width = inlines.widthOfText(text, measured);
  measured.height = (measured.font as MeasuringFont).lineHeight(measured.fontSize) * lineHeight;
  // pdfmake's text.match(/^(\s)+/g)[0] and text.match(/(\s)+$/g)[0]: the leading and the trailing run of white space, found without a match array
  if (!pick(src["preserveLeadingSpaces"], s.preserveLeadingSpaces) && isSpaceAt(text, 0)) {
    let end = 1;
    while (isSpaceAt(text, end)) end++;
    (measured.leadingCut as number) += inlines.widthOfText(text.slice(0, end), measured);
  }
  if (!pick(src["preserveTrailingSpaces"], s.preserveTrailingSpaces) && isSpaceAt(text, text.length - 1)) {
    let start = text.length - 1;
    while (isSpaceAt(text, start - 1)) start--;
    measured.trailingCut = inlines.widthOfText(text.slice(start), measured);
  }
}

const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_KEYS: readonly string[] = [];

/**
 * The fields measuredWord sets, as an object: `key in` it is measureWith's
 * test of which fields of a word to copy (a name Object.prototype has is
 * "in" it too, and is not copied either).
 */
const MEASURED_FIELDS: Readonly<Record<string, unknown>> = measuredWord(NO_FIELDS, "", 0, DEFAULTS, { of: () => undefined } as unknown as FontOfWords);

/**
 * An item's own fields that measureWith(breakItems(…)) copies onto each of
 * its words, in that order; null when it has lineEnd or noNewLine, whose
 * place among the word's fields measurePlain would not keep.
 */
function extraKeys(own: Record<string, unknown>): readonly string[] | null {
  let keys: string[] | null = null;
  for (const key in own) {
    if (!Object.prototype.hasOwnProperty.call(own, key) || key in MEASURED_FIELDS) continue;
    if (key === "lineEnd" || key === "noNewLine") return null;
    (keys ??= []).push(key);
  }
  return keys ?? NO_KEYS;
}

/**
 * A subclass of pdfmake's TextInlines whose measure() reads the style stack
 * once per call, and whose buildInlines breaks a plain node's text with
 * word-breaks.ts (the last few texts' words kept) instead of a new TextBreaker.
 */
export function makeTextInlinesClass(Base: TextInlinesClass, getStyleProperty: GetStyleProperty, layersOf: StyleLayersOf, splitWords: SplitWords): TextInlinesClass {
  const stockMeasure = (Base.prototype as { measure(a: unknown, s: unknown): MeasuredItem[] }).measure;
  const stockBuildInlines = (Base.prototype as { buildInlines(a: unknown, s: unknown): BuiltInlines }).buildInlines;
  /** pdfmake's lookup of every property, for `item` (a word, or {} for the stack alone). */
  const lookedUp = (item: object, stack: StyleStack): ResolvedStyle => resolvedBy((p) => getStyleProperty(item, stack, p, DEFAULTS[p]));

  return class FastTextInlines extends Base {
    private readonly stackStyles = new StackStyles();

    /**
     * pdfmake's buildInlines: the node's text broken into words (getBreaks),
     * measured, and its min/max widths, in pdfmake's arithmetic. A node that
     * is not word-breaks.ts's plain case, or whose stack names a style, takes
     * pdfmake's own.
     */
    buildInlines(textArray: unknown, styleContextStack: StyleStack | null | undefined): BuiltInlines {
      const layers = styleContextStack ? layersOf(styleContextStack) : null;
      const fromStack = layers ? this.stackStyles.of(layers) : null;
      const items = Array.isArray(textArray) ? (textArray as unknown[]) : [textArray];
      if (!layers || !fromStack || !isPlainBreak(items, fromStack.noWrap, stackValue(layers, "wordBreak"))) {
        return stockBuildInlines.call(this, textArray, styleContextStack);
      }
      const measured =
        this.measurePlain(items, fromStack) ?? this.measureWith(breakItems(items, splitWords) as unknown as MeasuredItem[], styleContextStack as StyleStack, fromStack);
      let minWidth = 0;
      let maxWidth = 0;
      let line: { width: number; leadingCut?: number; trailingCut: number } | null = null;
      for (const inline of measured) {
        minWidth = Math.max(minWidth, trimmedWidth(inline));
        line ??= { width: 0, leadingCut: inline.leadingCut, trailingCut: 0 };
        line.width += inline.width;
        line.trailingCut = inline.trailingCut;
        maxWidth = Math.max(maxWidth, trimmedWidth(line));
        if (inline["lineEnd"]) line = null;
      }
      return { items: measured, minWidth, maxWidth };
    }

    measure(array: MeasuredItem[], styleContextStack: StyleStack | null | undefined): MeasuredItem[] {
      if (!styleContextStack) return stockMeasure.call(this, array, styleContextStack);
      const layers = layersOf(styleContextStack);
      if (!layers) return stockMeasure.call(this, array, styleContextStack);
      return this.measureWith(array, styleContextStack, this.stackStyles.of(layers) ?? lookedUp({}, styleContextStack));
    }

    /** measure() with the stack's style already resolved (`fromStack`). */
    measureWith(array: MeasuredItem[], styleContextStack: StyleStack, fromStack: ResolvedStyle): MeasuredItem[] {
      /** A word naming a style gets pdfmake's lookup, which puts that style between the word and the stack. */
      const styleOf = (item: MeasuredItem): ResolvedStyle => (item.style === undefined ? fromStack : lookedUp(item, styleContextStack));
      const first = array[0];
      if (first) {
        const leadingIndent = pick(first.leadingIndent, styleOf(first).leadingIndent) as number;
        if (leadingIndent) {
          first.leadingCut = -leadingIndent;
          first.leadingIndent = leadingIndent;
        }
      }
      const fonts = new FontOfWords(this as unknown as TextInlinesLike);
      for (let i = 0; i < array.length; i++) {
        const item = array[i] as MeasuredItem;
        const s = styleOf(item);
        const measured = measuredWord(item, item.text, item.leadingCut || 0, s, fonts);
        // the word's other own fields (lineEnd, noNewLine, bold …): the same fields and values as pdfmake's
        for (const key in item) if (!(key in measured)) measured[key] = item[key];
        measureWord(measured, item, s, fonts.inlines);
        array[i] = measured;
      }
      return array;
    }

    /**
     * breakItems (word-breaks.ts) and measureWith in one pass, for a plain
     * node: each word's measured object is made from its text and its item's
     * own fields, without the getBreaks-shaped word between them (a third
     * of the words' allocation). The same fields in the same order as
     * measureWith(breakItems(…)) gives: the fixed ones, lineEnd, the item's
     * other own fields, noNewLine, then the first word's leadingIndent.
     * Null when an item has a field of its own that would change that order
     * (lineEnd, noNewLine): the caller takes the two steps then.
     */
    measurePlain(items: readonly unknown[], fromStack: ResolvedStyle): MeasuredItem[] | null {
      const extras: Array<readonly string[]> = [];
      for (const item of items) {
        const keys = typeof item === "string" ? NO_KEYS : extraKeys(item as Record<string, unknown>);
        if (keys === null) return null;
        extras.push(keys);
      }
      const fonts = new FontOfWords(this as unknown as TextInlinesLike);
      const out: MeasuredItem[] = [];
      const own0 = typeof items[0] === "string" ? NO_FIELDS : (items[0] as Record<string, unknown> | undefined);
      const leadingIndent = own0 ? (pick(own0["leadingIndent"], fromStack.leadingIndent) as number) : 0;
      eachItemWords(items, splitWords, (words, item, i, joinsPrevious) => {
        if (joinsPrevious) (out[out.length - 1] as MeasuredItem)["noNewLine"] = true;
        const own = typeof item === "string" ? NO_FIELDS : (item as Record<string, unknown>);
        const keys = extras[i] as readonly string[];
        for (const word of words) {
          const leadingCut = out.length === 0 && leadingIndent ? -leadingIndent : (own["leadingCut"] as number) || 0;
          const measured = measuredWord(own, word.text, leadingCut, fromStack, fonts);
          if (word.lineEnd) measured["lineEnd"] = true;
          for (const key of keys) measured[key] = own[key];
          measureWord(measured, own, fromStack, fonts.inlines);
          out.push(measured);
        }
      });
      if (leadingIndent && out[0]) out[0].leadingIndent = leadingIndent;
      return out;
    }
  };
}
