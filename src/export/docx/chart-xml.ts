/**
 * A model Chart → a DrawingML chart part (word/charts/chartN.xml): a
 * clustered column chart (c:barChart) whose categories and values are
 * written as caches (c:strCache, c:numCache) and, in the embedded workbook
 * (chart-workbook.ts), as the cells those caches refer to, so Word shows the
 * chart without recalculating and "Edit Data" opens the numbers. The pass
 * line is a line series (c:lineChart) drawn across the whole plot, its
 * label at its right end as the PDF prints it (passLineChart). Colours,
 * gap and text sizes are CHART_LOOK's, the faces are the official font the
 * runs name, so the chart starts out as the PDF's.
 *
 * Element order follows the schema (CT_ChartSpace, CT_PlotArea, CT_BarSer …):
 * Word refuses a chart part whose children are out of order.
 */
import type { Chart } from "../../model/document.js";
import { CHART_LOOK, chartColor } from "../../model/layout.js";
import { esc, XML_DECLARATION_STANDALONE } from "./xml.js";

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const CAT_AX = 500000001;
const VAL_AX = 500000002;
/** The pass line's own pair of axes: a hidden category axis and a value axis on the right that prints only its label. */
const PASS_CAT_AX = 500000003;
const PASS_VAL_AX = 500000004;
/** The sheet the embedded workbook holds the data on (chart-workbook.ts writes the same name). */
export const CHART_SHEET = "Sheet1";

/**
 * Excel's locale prefix for Thai digits: numeral shape 0D (Thai), locale
 * 041E (th-TH). Word, Excel and LibreOffice (as [NatNum1]) print ๐–๙ with it.
 */
const THAI_DIGITS_FORMAT = "[$-D00041E]";

export interface ChartFont {
  readonly family: string;
  readonly baseSizePt: number;
}

/** The format code values print with: the chart's decimals, in its digits. */
export function valueFormat(c: Chart, decimals = c.decimals): string {
  const digits = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return c.numerals === "thai" ? `${THAI_DIGITS_FORMAT}${digits}` : digits;
}

function tickStep(c: Chart): number {
  const [a, b] = c.ticks;
  return a && b ? b.value - a.value : c.max;
}

/** A spreadsheet column letter (0 → A); the workbook has a column per series plus the pass line. */
export function column(i: number): string {
  return String.fromCharCode(65 + i);
}

const val = (name: string, v: string | number): string => `<c:${name} val="${v}"/>`;
const fill = (rgb: string): string => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const line = (widthEmu: number, rgb: string, dash?: string): string =>
  `<a:ln w="${widthEmu}">${fill(rgb)}${dash ? `<a:prstDash val="${dash}"/>` : ""}</a:ln>`;
const NO_SHAPE = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>";

function runProps(tag: "a:defRPr" | "a:rPr", font: ChartFont, sizePt: number, bold: boolean, rgb?: string): string {
  const f = esc(font.family);
  return (
    `<${tag} lang="th-TH" sz="${Math.round(sizePt * 100)}" b="${bold ? 1 : 0}">` +
    (rgb ? fill(rgb) : "") +
    `<a:latin typeface="${f}"/><a:ea typeface="${f}"/><a:cs typeface="${f}"/></${tag}>`
  );
}

/** Text properties of a chart element: the official face at the label size (or `size`). */
function txPr(font: ChartFont, rgb?: string, size = font.baseSizePt + CHART_LOOK.labelSizeDeltaPt): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps("a:defRPr", font, size, false, rgb)}</a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>`;
}

function title(c: Chart, font: ChartFont): string {
  if (c.title === "") return val("autoTitleDeleted", 1);
  const size = titleSizePt(c, font);
  const bold = CHART_LOOK.titleBold;
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProps("a:defRPr", font, size, bold)}</a:pPr>` +
    `<a:r>${runProps("a:rPr", font, size, bold)}<a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>${val("autoTitleDeleted", 0)}`
  );
}

/**
 * Widths in em of TH SarabunPSK's characters, roughly, as LibreOffice
 * printed them with the metric stand-in (a letter 0.37, a digit 0.47, a
 * stacked mark nothing; bold 3 % wider), for the two sizes below:
 * the DOCX names the face without its metrics, so the sizes that keep text
 * clear in Word and LibreOffice are estimated from these.
 */
function emWidth(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(ch)) continue;
    em += ch === " " ? 0.22 : ch === "." ? 0.2 : /[0-9\u0E50-\u0E59]/.test(ch) ? 0.47 : 0.37;
  }
  return bold ? em * 1.03 : em;
}

const PT_PER_CM = 72 / 2.54;

/** The smallest value label: still legible in print, and well above OOXML's 1 pt floor for a run's size. */
const MIN_VALUE_LABEL_PT = 8;

/** Down to half points, never above `max`. */
const fitted = (max: number, fits: number): number => Math.min(max, Math.floor(fits * 2) / 2);

/** LibreOffice wraps a chart title wider than 80 % of the chart: a long title is set smaller (down to the label size) to stay on one line. */
export function titleSizePt(c: Chart, font: ChartFont): number {
  const size = font.baseSizePt + CHART_LOOK.titleSizeDeltaPt;
  const room = c.widthCm * 0.8 * PT_PER_CM * 0.95;
  return Math.max(font.baseSizePt + CHART_LOOK.labelSizeDeltaPt, fitted(size, room / emWidth(c.title, CHART_LOOK.titleBold)));
}

/**
 * The values above the bars: at the label size, or smaller when the widest
 * would not fit over its bar's share of the plot (ten indicators in 16 cm:
 * LibreOffice otherwise pushes "๑๐๐.๐๐" labels into one another). The plot
 * is the chart less about 3 cm of axis numbers and the pass line's label.
 * Never below MIN_VALUE_LABEL_PT: a very crowded chart lets labels touch
 * rather than print them unreadably small (or, under 3 cm, at a negative size).
 */
export function valueLabelSizePt(c: Chart, font: ChartFont): number {
  const size = font.baseSizePt + CHART_LOOK.labelSizeDeltaPt;
  const share = ((c.widthCm - 3) * PT_PER_CM) / Math.max(1, c.categories.length * c.series.length);
  const widest = Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => emWidth(v.text, false))));
  return widest === 0 ? size : Math.max(MIN_VALUE_LABEL_PT, fitted(size, (share * 0.85) / widest));
}

/** Data labels that print the value only. */
const SHOW_VALUE = val("showLegendKey", 0) + val("showVal", 1) + val("showCatName", 0) + val("showSerName", 0) + val("showPercent", 0) + val("showBubbleSize", 0);

/** The series' name as a one-cell reference (row 1 of its column), or nothing for an unnamed series. */
function seriesName(name: string, col: number): string {
  if (name === "") return "";
  return `<c:tx><c:strRef><c:f>${CHART_SHEET}!$${column(col)}$1</c:f><c:strCache>${val("ptCount", 1)}<c:pt idx="0"><c:v>${esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

function categories(c: Chart): string {
  const n = c.categories.length;
  const pts = c.categories.map((label, i) => `<c:pt idx="${i}"><c:v>${esc(label)}</c:v></c:pt>`).join("");
  return `<c:cat><c:strRef><c:f>${CHART_SHEET}!$A$2:$A$${n + 1}</c:f><c:strCache>${val("ptCount", n)}${pts}</c:strCache></c:strRef></c:cat>`;
}

function values(values: readonly number[], col: number): string {
  const n = values.length;
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  const ref = `${CHART_SHEET}!$${column(col)}$2:$${column(col)}$${n + 1}`;
  return `<c:val><c:numRef><c:f>${ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>${val("ptCount", n)}${pts}</c:numCache></c:numRef></c:val>`;
}

function barSeries(c: Chart, font: ChartFont): string {
  return c.series
    .map((s, i) =>
      `<c:ser>${val("idx", i)}${val("order", i)}${seriesName(s.name, i + 1)}<c:spPr>${fill(chartColor(i))}</c:spPr>${val("invertIfNegative", 0)}` +
      `<c:dLbls><c:numFmt formatCode="${esc(valueFormat(c))}" sourceLinked="0"/>${NO_SHAPE}${txPr(font, undefined, valueLabelSizePt(c, font))}${val("dLblPos", "outEnd")}${SHOW_VALUE}</c:dLbls>` +
      categories(c) +
      values(s.values.map((v) => v.value), i + 1) +
      "</c:ser>",
    )
    .join("");
}

/**
 * The pass line: a dashed line series at the pass value with a linear
 * trendline through it (the intercept fixed at that value, so one bar is
 * enough) extended half a category backward and forward, which is where
 * the plot's edges are: the line spans the whole plot, over one bar as over
 * ten, in Word and in LibreOffice (a line series alone runs only from the
 * first bar's centre to the last one's). It sits on axes of its own whose
 * right-hand value axis has one tick, at the pass value, printed as the
 * label ("เกณฑ์ ๘๕") through a conditional number format: the label stands
 * at the line's right end, as in the PDF, and not in the legend. (A second
 * category axis with midCat, or a scatter series, made LibreOffice drop the
 * bars.)
 */
function passLineChart(c: Chart): string {
  const pass = c.passLine;
  if (!pass) return "";
  const i = c.series.length;
  const dashed = `<c:spPr>${line(19050, CHART_LOOK.passLineColor, "dash")}</c:spPr>`;
  const trendline =
    `<c:trendline>${dashed}${val("trendlineType", "linear")}${val("forward", 0.5)}${val("backward", 0.5)}${val("intercept", pass.value)}` +
    `${val("dispRSqr", 0)}${val("dispEq", 0)}</c:trendline>`;
  const series =
    `<c:ser>${val("idx", i)}${val("order", i)}${seriesName(pass.label, i + 1)}${dashed}<c:marker>${val("symbol", "none")}</c:marker>` +
    trendline + categories(c) + values(c.categories.map(() => pass.value), i + 1) + val("smooth", 0) + "</c:ser>";
  return `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${series}${val("marker", 1)}${val("axId", PASS_CAT_AX)}${val("axId", PASS_VAL_AX)}</c:lineChart>`;
}

/** The pass line's axes (after every chart group's, as CT_PlotArea orders them). */
function passLineAxes(c: Chart, font: ChartFont): string {
  const pass = c.passLine;
  if (!pass) return "";
  const labelled = pass.label !== "";
  return (
    `<c:catAx>${val("axId", PASS_CAT_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 1)}${val("axPos", "b")}` +
    `${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "none")}${val("crossAx", PASS_VAL_AX)}${val("crosses", "autoZero")}` +
    `${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>` +
    `<c:valAx>${val("axId", PASS_VAL_AX)}<c:scaling>${val("orientation", "minMax")}${val("max", c.max)}${val("min", 0)}</c:scaling>${val("delete", labelled ? 0 : 1)}${val("axPos", "r")}` +
    `<c:numFmt formatCode="${esc(passLabelFormat(pass.value, pass.label))}" sourceLinked="0"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", labelled ? "nextTo" : "none")}` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${txPr(font, CHART_LOOK.passLineColor)}${val("crossAx", PASS_CAT_AX)}${val("crosses", "max")}${val("crossBetween", "between")}${val("majorUnit", pass.value)}</c:valAx>`
  );
}

/** A number format that prints `label` at exactly `value` and nothing at the axis' other ticks (0, 2 × value …). */
export function passLabelFormat(value: number, label: string): string {
  // A double quote cannot stand inside a quoted literal: it is closed, escaped (\") and reopened.
  return `[=${value}]"${label.replaceAll('"', '"\\""')}";""`;
}

function axes(c: Chart, font: ChartFont): string {
  const axisLine = `<c:spPr>${line(9525, CHART_LOOK.axisColor)}</c:spPr>`;
  const tickDecimals = c.ticks.every((t) => Number.isInteger(t.value)) ? 0 : 1;
  return (
    `<c:catAx>${val("axId", CAT_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}${val("axPos", "b")}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${axisLine}${txPr(font)}${val("crossAx", VAL_AX)}${val("crosses", "autoZero")}${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>` +
    `<c:valAx>${val("axId", VAL_AX)}<c:scaling>${val("orientation", "minMax")}${val("max", c.max)}${val("min", 0)}</c:scaling>${val("delete", 0)}${val("axPos", "l")}` +
    `<c:majorGridlines><c:spPr>${line(6350, CHART_LOOK.gridColor)}</c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${esc(valueFormat(c, tickDecimals))}" sourceLinked="0"/>${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${axisLine}${txPr(font)}${val("crossAx", CAT_AX)}${val("crosses", "autoZero")}${val("crossBetween", "between")}${val("majorUnit", tickStep(c))}</c:valAx>`
  );
}

/**
 * A legend of the named bar series (the PDF prints the same names); unnamed
 * ones are left out of it, and so are the pass line and its trendline, whose
 * label stands at the line's end. Word counts a trendline's entry after
 * every series' (hence idx = the series count); LibreOffice hides it with
 * its series'. No named series: no legend.
 */
function legend(c: Chart, font: ChartFont): string {
  const entries = c.series.map((s) => s.name !== "");
  if (!entries.some(Boolean)) return "";
  const hidden = [...entries.map((shown, idx) => (shown ? -1 : idx)), ...(c.passLine ? [c.series.length, c.series.length + 1] : [])].filter((idx) => idx >= 0);
  const deleted = hidden.map((idx) => `<c:legendEntry>${val("idx", idx)}${val("delete", 1)}</c:legendEntry>`).join("");
  return `<c:legend>${val("legendPos", "b")}${deleted}${val("overlay", 0)}${txPr(font)}</c:legend>`;
}

/** The chart part's XML; `workbookRId`: the relationship of the embedded workbook, if any. */
export function chartSpaceXml(c: Chart, font: ChartFont, workbookRId?: string): string {
  return (
    `${XML_DECLARATION_STANDALONE}<c:chartSpace ${NS}>${val("date1904", 0)}${val("lang", "th-TH")}${val("roundedCorners", 0)}` +
    `<c:chart>${title(c, font)}<c:plotArea><c:layout/>` +
    `<c:barChart>${val("barDir", "col")}${val("grouping", "clustered")}${val("varyColors", 0)}${barSeries(c, font)}` +
    `${val("gapWidth", CHART_LOOK.gapWidthPct)}${val("overlap", 0)}${val("axId", CAT_AX)}${val("axId", VAL_AX)}</c:barChart>` +
    passLineChart(c) +
    axes(c, font) +
    passLineAxes(c, font) +
    `${NO_SHAPE}</c:plotArea>${legend(c, font)}${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `${NO_SHAPE}${txPr(font)}` +
    (workbookRId ? `<c:externalData r:id="${workbookRId}">${val("autoUpdate", 0)}</c:externalData>` : "") +
    "</c:chartSpace>"
  );
}
