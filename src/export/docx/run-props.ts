/**
 * Run properties. Thai is a complex script: Word draws it with the cs font,
 * w:szCs and w:bCs/w:iCs, so every run sets the font on all four slots, both
 * sizes, both bold/italic flags and the languages: th-TH for complex script
 * (w:bidi, which is what Thai text uses) and en-US for Latin text (w:val).
 * Marking Latin runs th-TH made LibreOffice break English words anywhere
 * ("Tra|nsparency", "E-ser|vice"), as it applies the Thai breaker to them.
 * runProps gives them as docx.js options (for the styles part, made once per
 * font set); rPr writes the same properties as XML for every run.
 */
import { UnderlineType, type IRunOptions } from "docx";
import type { Run } from "../../model/document.js";
import { halfPoints, type DocxContext } from "./context.js";
import { esc } from "./xml.js";

/** How a run looks: sizes in official-face points; bold left out = the paragraph style's. */
export interface RunLook {
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export const THAI_LANGUAGE = { value: "en-US", bidirectional: "th-TH" } as const;

type RunProps = Omit<IRunOptions, "children" | "text" | "break">;
type FontCtx = Pick<DocxContext, "family" | "sizeScale">;

export function runProps(ctx: FontCtx, look: RunLook): RunProps {
  const size = halfPoints(ctx, look.sizePt);
  // docx.js writes w:bCs / w:iCs with the value of bold / italics when the
  // complex-script flags are left out, so one value sets both.
  return {
    font: { ascii: ctx.family, hAnsi: ctx.family, eastAsia: ctx.family, cs: ctx.family },
    size,
    sizeComplexScript: size,
    ...(look.bold !== undefined ? { bold: look.bold } : {}),
    ...(look.italic ? { italics: true } : {}),
    ...(look.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    language: THAI_LANGUAGE,
  };
}

/** A memo repeats a handful of looks hundreds of times; each one's XML is made once. */
const rPrCache = new Map<string, string>();
const RPR_CACHE_LIMIT = 2000;

/** w:rPr of a run (or a paragraph mark), in the element order CT_RPr requires. */
export function rPr(ctx: FontCtx, look: RunLook): string {
  const size = halfPoints(ctx, look.sizePt);
  const key = `${ctx.family}\u0000${ctx.sizeScale}\u0000${size}\u0000${look.bold}\u0000${look.italic === true}\u0000${look.underline === true}`;
  const cached = rPrCache.get(key);
  if (cached !== undefined) return cached;
  const f = esc(ctx.family);
  const bold = look.bold === undefined ? "" : look.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const xml =
    `<w:rPr><w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>${bold}` +
    (look.italic ? "<w:i/><w:iCs/>" : "") +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    (look.underline ? '<w:u w:val="single"/>' : "") +
    `<w:lang w:val="${THAI_LANGUAGE.value}" w:bidi="${THAI_LANGUAGE.bidirectional}"/></w:rPr>`;
  if (rPrCache.size >= RPR_CACHE_LIMIT) rPrCache.clear();
  rPrCache.set(key, xml);
  return xml;
}

/** One piece of text as w:t, spaces kept. */
export function textXml(text: string): string {
  return `<w:t xml:space="preserve">${esc(keepMaiYamokWithWord(text))}</w:t>`;
}

/**
 * ๆ repeats the word before it and is written after a space ("ต่าง ๆ"); Word
 * and LibreOffice may break the line at that space and start the next line
 * with ๆ. A no-break space keeps it with its word (the PDF exporter's own
 * line breaker already never breaks there).
 */
export function keepMaiYamokWithWord(text: string): string {
  return text.replace(/ (?=\u0E46)/g, "\u00A0");
}

/**
 * One model text → runs. A tab becomes w:tab and a newline a line break, so a
 * text that carries them (a typed comment, a dotted line) keeps its layout.
 */
export function textRun(ctx: FontCtx, text: string, look: RunLook): string {
  const props = rPr(ctx, look);
  if (!text.includes("\n") && !text.includes("\t")) return `<w:r>${props}${text === "" ? "" : textXml(text)}</w:r>`;
  let out = "";
  text.split("\n").forEach((line, i) => {
    out += `<w:r>${props}${i > 0 ? "<w:br/>" : ""}`;
    line.split("\t").forEach((part, j) => {
      if (j > 0) out += "<w:tab/>";
      if (part !== "") out += textXml(part);
    });
    out += "</w:r>";
  });
  return out;
}

/**
 * Model runs over a paragraph's look (its style's size and weight). Weight is
 * written only where a run differs from its style, so w:b stays a style matter.
 */
export function modelRuns(ctx: FontCtx, runs: readonly Run[], base: RunLook): string {
  const styleBold = base.bold ?? false;
  let out = "";
  for (const r of runs) {
    out += textRun(ctx, r.text, {
      sizePt: r.sizePt ?? base.sizePt,
      ...(r.bold !== undefined && r.bold !== styleBold ? { bold: r.bold } : {}),
      italic: r.italic ?? base.italic ?? false,
      underline: r.underline ?? base.underline ?? false,
    });
  }
  return out;
}
