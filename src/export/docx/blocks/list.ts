import type { ListBlock } from "../../../model/document.js";
import { docxAlign } from "../alignment.js";
import type { DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { modelRuns, textRun } from "../run-props.js";
import { STYLES, styleSizePt } from "../styles.js";
import { cmToTwips } from "../units.js";
import { BODY_DEFAULTS, paragraphMark, type ParagraphDefaults } from "./paragraph.js";

/**
 * Markers are text the renderer chose ("๑)", "-"), so a list is paragraphs
 * with a hanging indent and a tab after the marker, not Word numbering: the
 * printed marker is then exactly the model's.
 */
export function listBlock(list: ListBlock, ctx: DocxContext, defaults: ParagraphDefaults = BODY_DEFAULTS): string[] {
  const key = defaults.style;
  const look = { sizePt: defaults.sizePt ?? styleSizePt(ctx, key), bold: STYLES[key].bold };
  const hanging = cmToTwips(hangingCm(list, ctx, look.sizePt));
  const left = cmToTwips(list.leftIndentCm ?? 0) + hanging;
  const mark = paragraphMark(ctx, key, look, false);
  return list.items.map((item) => {
    const hasMarker = item.marker !== "";
    return paragraphXml(
      {
        style: STYLES[key].id,
        tabs: [{ type: "left", position: left }],
        indent: hasMarker ? { left, hanging } : { left },
        ...(defaults.align ? { align: docxAlign(defaults.align) } : {}),
        ...mark,
      },
      (hasMarker ? textRun(ctx, `${item.marker}\t`, look) : "") + modelRuns(ctx, item.runs, look),
    );
  });
}

/** Room for the longest marker: about 0.6 em a character plus a gap, never under 0.6 cm. */
function hangingCm(list: ListBlock, ctx: DocxContext, sizePt: number): number {
  const longest = Math.max(0, ...list.items.map((i) => [...i.marker].length));
  const emCm = (sizePt / 72) * 2.54;
  return Math.max(0.6, (longest * 0.6 + 0.6) * emCm);
}
