import type { Chart } from "../../../model/document.js";
import { CHART_LOOK } from "../../../model/layout.js";
import { docxAlign } from "../alignment.js";
import { chartSpaceXml } from "../chart-xml.js";
import { chartWorkbookParts } from "../chart-workbook.js";
import { pointTwips, type DocxContext } from "../context.js";
import { paragraphXml } from "../paragraph-xml.js";
import { esc } from "../xml.js";

/** 360 000 EMU to the centimetre (DrawingML's unit). */
const EMU_PER_CM = 360000;
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const C = 'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';

/** A chart: its own paragraph holding an inline graphic frame that points at a native chart part. */
export function chartBlock(chart: Chart, ctx: DocxContext): string[] {
  const n = ctx.media.nextChartNumber();
  const parts = chartWorkbookParts(chart, n);
  const rId = ctx.media.addChart(chartSpaceXml(chart, { family: ctx.family, baseSizePt: ctx.baseSizePt }, parts.workbookRId), parts.extra);
  // Never wider than the text: the PDF clamps the same way.
  const widthCm = Math.min(chart.widthCm, (ctx.textWidthTwips / 1440) * 2.54);
  const cx = Math.round(widthCm * EMU_PER_CM);
  const cy = Math.round(chart.heightCm * EMU_PER_CM);
  const name = esc(chart.title === "" ? `Chart ${n}` : chart.title);
  const run =
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent t="0" r="0" b="0" l="0"/><wp:docPr id="${ctx.media.nextDrawingId()}" name="${name}" descr="${name}"/>` +
    `<wp:cNvGraphicFramePr/><a:graphic ${A}><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart ${C} r:id="${rId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  return [
    paragraphXml(
      {
        spacing: { before: pointTwips(CHART_LOOK.spaceBeforePt), after: pointTwips(CHART_LOOK.spaceAfterPt) },
        ...(chart.align ? { align: docxAlign(chart.align) } : {}),
      },
      run,
    ),
  ];
}
