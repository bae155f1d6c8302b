/**
 * One writer of run and paragraph properties: the ITA styles and document
 * defaults in word/styles.xml carry exactly the w:rPr and w:pPr that
 * run-props.ts rPr and paragraph-xml.ts pPrContent write for body runs and
 * paragraphs, and docx.js only supplies its built-in styles.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DocxContext } from "../../../src/export/docx/context.js";
import { pPrContent } from "../../../src/export/docx/paragraph-xml.js";
import { rPr } from "../../../src/export/docx/run-props.js";
import { STYLES, TABLE_STYLE_ID } from "../../../src/export/docx/styles.js";
import { styleElement, stylesXml as readStylesXml } from "./styles-xml.js";
import { HEADING_LOOK } from "../../../src/model/layout.js";

const ctx: Pick<DocxContext, "family" | "baseSizePt"> = { family: "TH SarabunPSK", baseSizePt: 16 };

const stylesXml = (c = ctx): Promise<string> => readStylesXml(c);

describe("word/styles.xml", () => {
  it("writes each ITA style's run properties with rPr, the body runs' writer", async () => {
    const xml = await stylesXml();
    for (const spec of Object.values(STYLES)) {
      const look = { sizePt: spec.sizePt(ctx.baseSizePt), ...(spec.bold ? { bold: true } : {}), complexScript: false };
      expect(styleElement(xml, spec.id), spec.id).toContain(`</w:pPr>${rPr(ctx, look)}</w:style>`);
    }
  });

  it("writes the heading's paragraph properties with pPrContent, outline level included", async () => {
    const xml = await stylesXml();
    const pPr = pPrContent({ keepNext: true, spacing: { line: 240, lineRule: "auto", before: HEADING_LOOK[1].spaceBeforePt * 20, after: HEADING_LOOK[1].spaceAfterPt * 20 }, outlineLevel: 0 });
    expect(styleElement(xml, STYLES.heading1.id)).toContain(`<w:pPr>${pPr}</w:pPr>`);
    expect(styleElement(xml, STYLES.memoTitle.id)).toContain('<w:spacing w:after="0" w:before="0" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>');
  });

  it("has itadoc's document defaults in place of docx.js's empty ones, once", async () => {
    const xml = await stylesXml({ ...ctx, baseSizePt: 15 });
    expect(xml.match(/<w:docDefaults>/g)).toHaveLength(1);
    expect(xml).toContain(`<w:docDefaults><w:rPrDefault>${rPr(ctx, { sizePt: 15, complexScript: false })}</w:rPrDefault>`);
    // docx.js's built-in TOC styles indent each level by the default size, as Word does (15 pt = 300 twips)
    expect(styleElement(xml, "TOC2")).toContain('<w:ind w:left="300"/>');
    expect(styleElement(xml, TABLE_STYLE_ID)).toContain("<w:tblBorders>");
  });

  it("leaves docx.js no say in run properties: run-props.ts and styles.ts do not import it", () => {
    for (const file of ["run-props.ts", "styles.ts"]) {
      const source = readFileSync(new URL(`../../../src/export/docx/${file}`, import.meta.url), "utf8");
      expect(source, file).not.toMatch(/from "docx"/);
    }
  });
});
