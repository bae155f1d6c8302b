/**
 * The data of a chart as a small embedded workbook (word/embeddings), the
 * cells chart-xml.ts's references name: categories in column A, one column
 * per series, then the pass line. Word opens it on "Edit Data"; without it
 * the chart still draws from its caches but its numbers cannot be edited.
 * Only what SpreadsheetML requires is written (no styles part: Excel and
 * LibreOffice open it with their defaults), with a fixed zip date so the
 * DOCX stays byte-identical.
 */
import type { Chart } from "../../model/document.js";
import { CHART_SHEET, column } from "./chart-xml.js";
import { esc, XML_DECLARATION_STANDALONE } from "./xml.js";
import { writeZip } from "./zip.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const RELS_OPEN = `${XML_DECLARATION_STANDALONE}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
/** The zip date of every embedded workbook: fixed, so equal charts give equal bytes. */
const WORKBOOK_DATE = new Date(Date.UTC(1980, 0, 1));
/** The one relationship of a chart part: its workbook. */
const WORKBOOK_RID = "rId1";

export interface ChartWorkbook {
  readonly workbookRId: string;
  /** Package parts by path: the chart's relationships and the workbook. */
  readonly extra: ReadonlyMap<string, string | Uint8Array>;
}

function cell(col: number, row: number, value: string | number): string {
  const ref = `${column(col)}${row}`;
  return typeof value === "number" ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(value)}</t></is></c>`;
}

/** The sheet's rows: a header row of series names, then one row per category; the pass line is a column of its own. */
export function sheetRows(c: Chart): (string | number)[][] {
  const pass = c.passLine;
  const header: (string | number)[] = ["", ...c.series.map((s) => s.name), ...(pass ? [pass.label] : [])];
  const body = c.categories.map((label, k) => [label, ...c.series.map((s) => s.values[k]?.value ?? 0), ...(pass ? [pass.value] : [])]);
  return [header, ...body];
}

function sheetXml(c: Chart): string {
  const rows = sheetRows(c)
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, col) => cell(col, r + 1, v)).join("")}</row>`)
    .join("");
  return `${XML_DECLARATION_STANDALONE}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
}

export function workbookBytes(c: Chart): Uint8Array {
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_DECLARATION_STANDALONE}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SML}.worksheet+xml"/></Types>`,
    ],
    ["_rels/.rels", `${RELS_OPEN}<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `${XML_DECLARATION_STANDALONE}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        `<sheets><sheet name="${CHART_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", `${RELS_OPEN}<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ["xl/worksheets/sheet1.xml", sheetXml(c)],
  ];
  return writeZip(files.map(([path, xml]) => ({ path, data: Buffer.from(xml, "utf8") })), WORKBOOK_DATE);
}

/** The parts chart number `n` brings besides itself. */
export function chartWorkbookParts(c: Chart, n: number): ChartWorkbook {
  const workbook = `embeddings/Microsoft_Excel_Worksheet${n}.xlsx`;
  return {
    workbookRId: WORKBOOK_RID,
    extra: new Map<string, string | Uint8Array>([
      [`word/charts/_rels/chart${n}.xml.rels`, `${RELS_OPEN}<Relationship Id="${WORKBOOK_RID}" Type="${REL}/package" Target="../${workbook}"/></Relationships>`],
      [`word/${workbook}`, workbookBytes(c)],
    ]),
  };
}
