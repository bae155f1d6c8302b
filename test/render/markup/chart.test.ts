/** <chart> → the model's Chart block: values, printed texts in the chart's digits, axis ticks, and the errors a template can make. */
import { describe, expect, test } from "vitest";
import type { Chart, DocModel } from "../../../src/model/document.js";
import type { MarkupError } from "../../../src/render/errors.js";
import { parseMarkup } from "../../../src/render/markup/parse-markup.js";

const NO_SOURCES = new Map<string, string>();

function parse(body: string, numerals = "thai"): ReturnType<typeof parseMarkup> {
  return parseMarkup(`<document title="t" numerals="${numerals}">\n<section>\n${body}\n</section>\n</document>`, NO_SOURCES);
}

function chartOf(body: string, numerals = "thai"): Chart {
  const r = parse(body, numerals);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 2));
  const doc: DocModel = r.doc;
  const b = doc.sections[0]?.blocks[0];
  if (b?.type !== "chart") throw new Error(`expected a chart, got ${JSON.stringify(b)}`);
  return b;
}

function errorsOf(body: string): readonly MarkupError[] {
  const r = parse(body);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("<chart>", () => {
  test("bars straight inside make one unnamed series; values print in the document's digits with two decimals", () => {
    const c = chartOf('<chart title="คะแนนรายเครื่องมือ" pass-line="85" pass-label="เกณฑ์ ๘๕"><bar label="IIT" value="89.39"/><bar label="EIT" value="๘๖.๙๔"/><bar label="OIT" value="100"/></chart>');
    expect(c.categories).toEqual(["IIT", "EIT", "OIT"]);
    expect(c.series).toEqual([{ name: "", values: [{ value: 89.39, text: "๘๙.๓๙" }, { value: 86.94, text: "๘๖.๙๔" }, { value: 100, text: "๑๐๐.๐๐" }] }]);
    expect(c.passLine).toEqual({ value: 85, label: "เกณฑ์ ๘๕" });
    expect(c.max).toBe(100);
    expect(c.ticks.map((t) => t.text)).toEqual(["๐", "๒๐", "๔๐", "๖๐", "๘๐", "๑๐๐"]);
    expect(c.numerals).toBe("thai");
    expect([c.widthCm, c.heightCm, c.decimals]).toEqual([15, 7, 2]);
  });

  test("digits, decimals, max, step and size are the chart's own when given", () => {
    const c = chartOf('<chart max="50" step="10" digits="arabic" decimals="1" width="10" height="5" align="center"><bar label="๒๕๖๓" value="42.26"/></chart>');
    expect(c.series[0]?.values).toEqual([{ value: 42.26, text: "42.3" }]);
    expect(c.ticks.map((t) => [t.value, t.text])).toEqual([[0, "0"], [10, "10"], [20, "20"], [30, "30"], [40, "40"], [50, "50"]]);
    // The label is text as the template printed it.
    expect(c.categories).toEqual(["๒๕๖๓"]);
    expect([c.widthCm, c.heightCm, c.align, c.passLine]).toEqual([10, 5, "center", undefined]);
  });

  test("an arabic document's chart prints arabic digits without being told", () => {
    expect(chartOf('<chart><bar label="a" value="75.3"/></chart>', "arabic").series[0]?.values[0]?.text).toBe("75.30");
  });

  test("<series> give several series over the same categories, each with its name", () => {
    const c = chartOf(
      '<chart><series name="IIT"><bar label="2563" value="88.95"/><bar label="2564" value="90"/></series>' +
        '<series name="OIT"><bar label="2563" value="57.78"/><bar label="2564" value="70"/></series></chart>',
    );
    expect(c.categories).toEqual(["2563", "2564"]);
    expect(c.series.map((s) => [s.name, s.values.map((v) => v.value)])).toEqual([["IIT", [88.95, 90]], ["OIT", [57.78, 70]]]);
  });

  test.each([
    ['<chart><bar label="a" value="1"/><series name="x"><bar label="a" value="1"/></series></chart>', "either <bar> elements"],
    ['<chart><series name="x"><bar label="a" value="1"/></series><series name="y"><bar label="b" value="1"/></series></chart>', "same bar labels"],
    ['<chart max="50"><bar label="a" value="60"/></chart>', "above the chart's max"],
    ['<chart pass-line="120"><bar label="a" value="60"/></chart>', "pass-line"],
    ["<chart></chart>", "has no <bar>"],
  ])("%s is an error", (body, message) => {
    const errs = errorsOf(body);
    expect(errs.map((e) => e.code)).toContain("E_TEMPLATE_MARKUP");
    expect(errs.map((e) => e.message).join(" ")).toContain(message);
  });

  test("bad attributes and stray content are reported like any element's", () => {
    const errs = errorsOf('<chart digits="roman"><bar label="a" value="ห้า"/><p>x</p></chart>');
    expect(errs.map((e) => e.code).sort()).toEqual(["E_TEMPLATE_ATTRIBUTE", "E_TEMPLATE_ATTRIBUTE", "E_TEMPLATE_ELEMENT"]);
    expect(errorsOf('<chart><bar value="1"/></chart>').map((e) => e.message).join(" ")).toContain("needs the attribute label");
    expect(errorsOf('<chart><bar label="a" value="-3"/></chart>').map((e) => e.message).join(" ")).toContain("at least 0");
  });
});
