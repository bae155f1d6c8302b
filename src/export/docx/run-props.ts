/**
 * Run properties. Thai is a complex script: Word draws it with the cs font,
 * w:szCs and w:bCs/w:iCs, so every run sets the font on all four slots, both
 * sizes, both bold/italic flags and the language th-TH (w:val and w:bidi).
 */
import { Tab, TextRun, UnderlineType, type IRunOptions } from "docx";
import type { Run } from "../../model/document.js";
import { halfPoints, type DocxContext } from "./context.js";

/** How a run looks: sizes in official-face points; bold left out = the paragraph style's. */
export interface RunLook {
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export const THAI_LANGUAGE = { value: "th-TH", bidirectional: "th-TH" } as const;

type RunProps = Omit<IRunOptions, "children" | "text" | "break">;

export function runProps(ctx: Pick<DocxContext, "family" | "sizeScale">, look: RunLook): RunProps {
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

/**
 * One model text → runs. A tab becomes w:tab and a newline a line break, so a
 * text that carries them (a typed comment, a dotted line) keeps its layout.
 */
export function textRun(ctx: Pick<DocxContext, "family" | "sizeScale">, text: string, look: RunLook): TextRun[] {
  const props = runProps(ctx, look);
  return text.split("\n").map((line, i) => {
    const children: (string | Tab)[] = [];
    line.split("\t").forEach((part, j) => {
      if (j > 0) children.push(new Tab());
      if (part !== "") children.push(part);
    });
    return new TextRun({ ...props, ...(i > 0 ? { break: 1 } : {}), children });
  });
}

/**
 * Model runs over a paragraph's look (its style's size and weight). Weight is
 * written only where a run differs from its style, so w:b stays a style matter.
 */
export function modelRuns(ctx: Pick<DocxContext, "family" | "sizeScale">, runs: readonly Run[], base: RunLook): TextRun[] {
  const styleBold = base.bold ?? false;
  return runs.flatMap((r) =>
    textRun(ctx, r.text, {
      sizePt: r.sizePt ?? base.sizePt,
      ...(r.bold !== undefined && r.bold !== styleBold ? { bold: r.bold } : {}),
      italic: r.italic ?? base.italic ?? false,
      underline: r.underline ?? base.underline ?? false,
    }),
  );
}
