import { beforeAll, describe, expect, it } from "vitest";
import { exportDocx } from "../../../src/export/docx/index.js";
import { readZip } from "../../helpers/unzip.js";
import { docxMemoModel } from "../../fixtures/models/docx-memo.js";
import { EMBLEM_PNG, memoOptions, paragraphsOf, part, runsOf, textOf } from "./helpers.js";

// The official face at the regulation's sizes: body 16 pt → 32 half-points, labels 20 → 40, title 29 → 58.
const BODY_HP = "32";
const TEXT_WIDTH = 11906 - 1701 - 1134;

let docx: Uint8Array;
let documentXml: string;
let stylesXml: string;
let paragraphs: string[];

beforeAll(async () => {
  docx = await exportDocx(docxMemoModel, memoOptions);
  documentXml = part(docx, "word/document.xml");
  stylesXml = part(docx, "word/styles.xml");
  paragraphs = paragraphsOf(documentXml);
});

const paragraphWith = (text: string): string => {
  const found = paragraphs.find((p) => textOf(p).includes(text));
  if (found === undefined) throw new Error(`no paragraph with ${text}`);
  return found;
};

describe("runs carry Thai font, sizes and language", () => {
  it("sets the family on all four font slots, w:sz and w:szCs, th-TH for Thai (complex script) and en-US for Latin on every text run", () => {
    const textRuns = runsOf(documentXml).filter((r) => r.includes("<w:t"));
    expect(textRuns.length).toBeGreaterThan(200);
    for (const r of textRuns) {
      expect(r).toContain('<w:rFonts w:ascii="TH SarabunPSK" w:cs="TH SarabunPSK" w:eastAsia="TH SarabunPSK" w:hAnsi="TH SarabunPSK"/>');
      const sz = /<w:sz w:val="(\d+)"\/>/.exec(r)?.[1];
      expect(sz).toBeDefined();
      expect(r).toContain(`<w:szCs w:val="${sz}"/>`);
      expect(r).toContain('<w:lang w:val="en-US" w:bidi="th-TH"/>');
    }
  });

  it("writes the regulation's sizes unscaled: 16 pt body, 29 pt title", () => {
    const bodyRun = runsOf(paragraphWith("ตามที่สำนักงาน ป.ป.ช.")).find((r) => textOf(r).startsWith("ตามที่"));
    expect(bodyRun).toContain(`<w:sz w:val="${BODY_HP}"/>`);
    const title = runsOf(paragraphWith("บันทึกข้อความ")).find((r) => textOf(r) === "บันทึกข้อความ");
    expect(title).toContain('<w:szCs w:val="58"/>');
    expect(title).toContain("<w:bCs/>");
  });

  it("makes bold Thai bold for complex script too (w:b and w:bCs)", () => {
    const label = runsOf(paragraphWith("เรียน นายกเทศมนตรีนครขอนแก่น")).find((r) => textOf(r) === "เรียน");
    expect(label).toContain("<w:b/>");
    expect(label).toContain("<w:bCs/>");
  });
});

describe("บันทึกข้อความ header", () => {
  it("puts the emblem 1.5 cm high at the left and the title on a centre tab", () => {
    const title = paragraphWith("บันทึกข้อความ");
    expect(title).toMatch(/<wp:extent cx="\d+" cy="540000"\/>/);
    expect(title).toContain(`<w:tab w:val="center" w:pos="${Math.round(TEXT_WIDTH / 2)}"/>`);
    expect(title.indexOf("<w:drawing>")).toBeLessThan(title.indexOf("บันทึกข้อความ"));
    const media = readZip(docx).filter((e) => e.path.startsWith("word/media/"));
    expect(media.map((m) => Buffer.from(m.data).equals(EMBLEM_PNG))).toEqual([true]);
  });

  it("writes ส่วนราชการ, then ที่ and วันที่ on one line, then เรื่อง, with bold 20 pt labels", () => {
    const division = paragraphs.findIndex((p) => textOf(p).startsWith("ส่วนราชการ"));
    const numberDate = paragraphWith("ขก ๕๒๐๖/๐๑๑๐๙");
    expect(textOf(numberDate)).toBe("ที่ ขก ๕๒๐๖/๐๑๑๐๙วันที่ ๒๙ กันยายน ๒๕๖๓");
    expect(paragraphs[division + 1]).toBe(numberDate);
    expect(textOf(paragraphs[division + 2] ?? "")).toMatch(/^เรื่อง รายงานการวิเคราะห์/);
    for (const label of ["ส่วนราชการ", "ที่", "วันที่", "เรื่อง"]) {
      const run = runsOf(paragraphs.slice(division, division + 3).join("")).find((r) => textOf(r) === label);
      expect(run, label).toContain("<w:b/>");
      expect(run, label).toContain('<w:sz w:val="40"/>');
    }
  });

  it("fills each value to the right margin with dot-leader tab stops, not typed dots", () => {
    const numberDate = paragraphWith("ขก ๕๒๐๖/๐๑๑๐๙");
    expect(numberDate).toContain(
      `<w:tabs><w:tab w:val="left" w:pos="${Math.round(TEXT_WIDTH / 2)}" w:leader="dot"/><w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/></w:tabs>`,
    );
    expect(numberDate.match(/<w:tab\/>/g)).toHaveLength(2);
    for (const label of ["ส่วนราชการ", "เรื่อง"]) {
      const p = paragraphs.find((x) => textOf(x).startsWith(label)) ?? "";
      expect(p).toContain(`<w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/>`);
      expect(p.match(/<w:tab\/>/g)).toHaveLength(1);
    }
    expect(textOf(documentXml)).not.toContain("....");
  });
});

describe("page setup", () => {
  it("is A4 with the section's margins: left 3 cm = 1701 twips, right 2 cm = 1134", () => {
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(documentXml).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1134" w:left="1701"/);
  });

  it("numbers pages '- n -' at the top centre from page 2 in Thai digits", () => {
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/.exec(documentXml)?.[0] ?? "";
    expect(sectPr).toContain("<w:titlePg/>");
    expect(sectPr).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
    const ids = Object.fromEntries([...sectPr.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
    const rels = part(docx, "word/_rels/document.xml.rels");
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const numbered = part(docx, `word/${target(ids.default)}`);
    const first = part(docx, `word/${target(ids.first)}`);
    expect(textOf(numbered)).toBe("-  -");
    expect(numbered).toMatch(/<w:t xml:space="preserve">- <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> -<\/w:t>/);
    expect(paragraphsOf(numbered)[0]).toContain('<w:pStyle w:val="ITAPageNumber"/>');
    expect(first).not.toContain("PAGE");
  });
});

describe("body", () => {
  it("indents body paragraphs' first line by 2.5 cm = 1417 twips", () => {
    expect(paragraphWith("บัดนี้ ฝ่ายแผนงานและประเมินผล")).toContain('<w:ind w:firstLine="1417"/>');
    expect(paragraphWith("จึงเรียนมาเพื่อโปรดทราบ")).toContain('<w:ind w:firstLine="1417"/>');
    expect(paragraphWith("เรียน นายกเทศมนตรีนครขอนแก่น")).not.toContain("firstLine");
  });

  it("keeps Thai text and numbers as the model wrote them", () => {
    const all = textOf(documentXml);
    for (const s of ["๗๕.๓๐ คะแนน", "92.44", "86.80 ระดับ A", "O17 E-Service", "36.67", "ผู้อำนวยการกองวิชาการและแผนงาน"]) expect(all).toContain(s);
  });
});

describe("tables", () => {
  const tables = (): string[] => documentXml.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
  const rows = (tbl: string): string[] => tbl.match(/<w:tr>.*?<\/w:tr>/g) ?? [];

  it("repeats the header rows on each page and never splits a row", () => {
    const [score, weak, grade] = tables();
    expect(tables()).toHaveLength(3);
    for (const [tbl, headerRows] of [[score, 1], [weak, 2], [grade, 1]] as const) {
      const rs = rows(tbl ?? "");
      expect(rs.map((r) => r.includes("<w:tblHeader/>"))).toEqual(rs.map((_, i) => i < headerRows));
      for (const r of rs) expect(r).toContain("<w:cantSplit/>");
    }
    expect(rows(weak ?? "")).toHaveLength(23);
  });

  it("uses the ITA Table style, fixed widths that add up to the text width", () => {
    for (const tbl of tables()) {
      expect(tbl).toContain('<w:tblStyle w:val="ITATable"/>');
      const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    }
  });

  it("writes spans, merges, shading, alignment and the header/text styles", () => {
    const weak = tables()[1] ?? "";
    const [head1, head2, body1] = rows(weak);
    expect(head1).toContain('<w:gridSpan w:val="2"/>');
    expect(head1?.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(3);
    expect(head2?.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(3);
    expect(head1).toContain('<w:vAlign w:val="center"/>');
    expect(head1).toContain('<w:shd w:fill="D9D9D9" w:color="auto" w:val="clear"/>');
    expect(head1).toContain('<w:pStyle w:val="ITATableHeader"/>');
    expect(body1).toContain('<w:pStyle w:val="ITATableText"/>');
    expect(body1).toMatch(/<w:jc w:val="center"\/>.*>100</);
    expect(body1).not.toContain("w:shd");
  });
});

describe("signature and approvals", () => {
  const half = Math.round(TEXT_WIDTH / 2);

  it("centres the signer in the right half after blank lines to sign on", () => {
    const at = paragraphs.findIndex((p) => textOf(p) === "(นางสาวพรอนันต์ ทองสมบัติ)");
    const block = paragraphs.slice(at - 2, at + 2);
    expect(block.map(textOf)).toEqual(["", "", "(นางสาวพรอนันต์ ทองสมบัติ)", "นักวิเคราะห์นโยบายและแผนปฏิบัติการ"]);
    for (const p of block) {
      expect(p).toContain('<w:pStyle w:val="ITASignature"/>');
      expect(p).toContain(`<w:ind w:left="${half}"/>`);
    }
    expect(block.slice(0, -1).every((p) => p.includes("<w:keepNext/>"))).toBe(true);
  });

  it("writes each approval level: เรียน, options, comments, dotted lines, signer with date", () => {
    const at = paragraphs.findIndex((p) => textOf(p) === "เรียน ปลัดเทศบาล");
    const level = paragraphs.slice(at, at + 10).map(textOf);
    expect(level).toEqual([
      "เรียน ปลัดเทศบาล",
      "- เพื่อโปรดทราบ",
      "เห็นควรมอบสำนักปลัดปรับปรุงข้อมูล OIT",
      "",
      "",
      "",
      "",
      "(นางอินทิรา ช่างวีระ)",
      "ผู้อำนวยการกองวิชาการและแผนงาน",
      "๓๐ ก.ย. ๖๓",
    ]);
    const dotted = paragraphs.filter((p) => p.includes(`<w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/>`) && textOf(p) === "");
    expect(dotted).toHaveLength(2 + 3);
    for (const p of dotted) expect(p.match(/<w:tab\/>/g)).toHaveLength(1);
  });
});

describe("styles.xml", () => {
  it("defines named styles a clerk can change, all with explicit line spacing", () => {
    for (const [id, name] of [
      ["ITABody", "ITA Body"],
      ["ITATitle", "ITA Title"],
      ["ITATableText", "ITA Table Text"],
      ["ITATableHeader", "ITA Table Header"],
      ["ITAMemoTitle", "ITA Memo Title"],
      ["ITASignature", "ITA Signature"],
    ]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">.*?</w:style>`).exec(stylesXml)?.[0] ?? "";
      expect(style, id).toContain(`<w:name w:val="${name}"/>`);
      // The memo title's line is exactly 35 pt (700 twips), as the regulation's typing guidance says; the others single.
      expect(style, id).toMatch(id === "ITAMemoTitle" ? /<w:spacing [^>]*w:line="700" w:lineRule="exact"\/>/ : /<w:spacing [^>]*w:line="240" w:lineRule="auto"\/>/);
      expect(style, id).toContain('<w:lang w:val="en-US" w:bidi="th-TH"/>');
      expect(style, id).toContain('w:cs="TH SarabunPSK"');
    }
    expect(stylesXml).toMatch(/<w:style w:type="table" [^>]*w:styleId="ITATable"><w:name w:val="ITA Table"\/>/);
  });

  it("sets Thai language and the family in the document defaults", () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? "";
    expect(defaults).toContain('<w:lang w:val="en-US" w:bidi="th-TH"/>');
    expect(defaults).toContain(`<w:szCs w:val="${BODY_HP}"/>`);
    expect(defaults).toContain('w:line="240" w:lineRule="auto"');
  });
});
