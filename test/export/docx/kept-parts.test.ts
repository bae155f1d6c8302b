/**
 * The small parts a document shares with most others (content types, relationships, core properties, the
 * page-number header) are kept by a key of their inputs (text-memo.ts, index.ts): a document exported after
 * another with other inputs must still get its own, exactly what the part's writer makes for it.
 */
import { describe, expect, it } from "vitest";
import { exportDocx } from "../../../src/export/docx/index.js";
import { coreXml } from "../../../src/export/docx/package-parts.js";
import { TextMemo } from "../../../src/export/docx/text-memo.js";
import type { DocModel, PageNumbering } from "../../../src/model/document.js";
import { A4_PORTRAIT_OFFICIAL } from "../../../src/model/document.js";
import { readZip } from "../../helpers/unzip.js";
import { makePng, memoOptions, part } from "./helpers.js";

const numbering = (format: string, from = 1): PageNumbering => ({ position: "top-center", format, from, numerals: "thai" });
const doc = (title: string, pageNumbers?: PageNumbering, author?: string): DocModel => ({
  meta: { title, lang: "th-TH", ...(author ? { author } : {}) },
  baseSizePt: 16,
  ...(pageNumbers ? { pageNumbers } : {}),
  sections: [{ page: A4_PORTRAIT_OFFICIAL, blocks: [{ type: "paragraph", runs: [{ text: "ข้อความ" }] }, { type: "image", ref: "e", widthCm: 1, heightCm: 1 }] }],
});

describe("small parts kept between documents", () => {
  it("gives each document, in any order, the core properties, header and relationships of its own inputs", async () => {
    const images = new Map([["e", makePng(4, 4)]]);
    const cases = [
      { d: doc("บันทึก ก", numbering("- {n} -")), createdAt: new Date(Date.UTC(2023, 9, 1)) },
      { d: doc("บันทึก ข", numbering("หน้า {n}", 2), "เทศบาล"), createdAt: new Date(Date.UTC(2023, 9, 1)) },
      { d: doc("บันทึก ก", undefined), createdAt: new Date(Date.UTC(2024, 9, 1)) },
    ];
    const first = [];
    for (const c of cases) first.push(await exportDocx(c.d, { ...memoOptions, images, createdAt: c.createdAt }));
    // Again, in reverse order: what was kept for one document never shows in another's package.
    for (const [i, c] of [...cases.entries()].reverse()) {
      const again = await exportDocx(c.d, { ...memoOptions, images, createdAt: c.createdAt });
      expect(Buffer.from(again).equals(Buffer.from(first[i]!)), `case ${i}`).toBe(true);
      expect(part(again, "docProps/core.xml")).toBe(coreXml(c.d.meta, c.createdAt));
      const paths = readZip(again).map((e) => e.path);
      expect(paths).toEqual([...paths].sort());
      const headers = paths.filter((p) => /^word\/header\d\.xml$/.test(p));
      expect(headers.length).toBe(c.d.pageNumbers === undefined ? 0 : c.d.pageNumbers.from > 1 ? 2 : 1);
      if (c.d.pageNumbers) expect(part(again, "word/header1.xml")).toContain(c.d.pageNumbers.format.split("{n}")[0]!);
      const rels = part(again, "word/_rels/document.xml.rels");
      for (const h of headers) expect(rels).toContain(`Target="${h.slice("word/".length)}"`);
      expect(part(again, "[Content_Types].xml").includes("header1.xml")).toBe(headers.length > 0);
    }
    expect(part(first[0]!, "docProps/core.xml")).not.toBe(part(first[1]!, "docProps/core.xml"));
    expect(part(first[0]!, "word/header1.xml")).not.toBe(part(first[1]!, "word/header1.xml"));
  });
});

describe("TextMemo", () => {
  it("makes a text once per key, hands back the same string, and starts again when full", () => {
    const memo = new TextMemo(2);
    let made = 0;
    const make = (s: string) => () => {
      made++;
      return `<x>${s}</x>`;
    };
    expect(memo.get("a", make("a"))).toBe("<x>a</x>");
    expect(memo.get("a", make("other"))).toBe("<x>a</x>");
    expect(made).toBe(1);
    memo.get("b", make("b"));
    memo.get("c", make("c"));
    expect(made).toBe(3);
    expect(memo.get("a", make("a2"))).toBe("<x>a2</x>");
  });
});
