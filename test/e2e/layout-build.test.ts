/**
 * Issue 14: layout as data, built by the CLI in both formats. One report and
 * one measures plan written with wording, sections (own heading, paragraphs,
 * table, picture), numbering, digits per part and the three-column analysis;
 * the texts are read back from the PDF (poppler) and from the DOCX XML.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { part, textOf } from "../export/docx/helpers.js";
import { blankPng } from "../helpers/images.js";
import { EXAMPLES } from "../helpers/load-example.js";
import { pdfPages, squash } from "../helpers/pdf-text.js";
import { runCli } from "../helpers/run-cli.js";

let dir: string;
let out: string;
let output: string;
let code: number;

function edit(file: string, changes: Record<string, unknown>): void {
  const doc = parseDocument(readFileSync(file, "utf8"));
  for (const [path, value] of Object.entries(changes)) doc.setIn(path.split("."), doc.createNode(value));
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "itadoc-layout-"));
  const org = join(dir, "nr");
  cpSync(join(EXAMPLES, "nakhon-ratchasima-city"), org, { recursive: true });
  writeFileSync(join(org, "picture.png"), blankPng(40, 20));
  edit(join(org, "org.yaml"), { wording: { eit: "แบบวัดการรับรู้ของผู้รับบริการภายนอก" } });
  edit(join(org, "2564.yaml"), {
    "report.wording": { passed: "ผ่านเกณฑ์", failed: "ต่ำกว่าเกณฑ์", org_line: "false" },
    "report.sections": [
      "title",
      { type: "heading", text: "ส่วนที่ ๑ ภาพรวม" },
      { type: "paragraphs", text: "บทนำก่อนตารางคะแนนของหน่วยงาน" },
      { type: "image", file: "picture.png", width: 4, height: 2 },
      { type: "scores", title: "ส่วนที่ ๒ คะแนนรายตัวชี้วัด", numbering: "thai", numerals: "arabic", columns: [{ key: "analysis", show: "no" }] },
      { type: "table", title: "ส่วนที่ ๓ ตารางของหน่วยงาน", columns: [{ heading: "หัวข้อเอง", width: 2 }, { heading: "ผลเอง" }], rows: [["ประชุมคณะทำงาน", "ครบ ๔ ครั้ง"]] },
      { type: "analysis", title: "ส่วนที่ ๔ การวิเคราะห์" },
    ],
  });
  edit(join(org, "2565.yaml"), { "measures.layout": "tool-table", "measures.sections": ["title", "org-line", { type: "analysis", shape: "score-column", subtotals: "no", numbering: "arabic" }, "plan"] });
  out = join(dir, "out");
  const r = await runCli(["build", org, "--kind", "report,measures", "--format", "pdf,docx", "--out", out]);
  code = r.code;
  output = r.stdout + r.stderr;
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const find = (name: string): string => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const f = walk(out).find((p) => p.endsWith(name));
  if (!f) throw new Error(`${name} not built:\n${output}`);
  return f;
};

describe("layout as data, both formats", () => {
  test("the build succeeds", () => {
    expect(code, output).toBe(0);
  });

  // The score part is in Arabic digits, its heading too ("ส่วนที่ ๒" typed, "ส่วนที่ 2" printed); the Thai running numbers are the numbering asked for.
  const REPORT_TEXTS = ["ส่วนที่๑ภาพรวม", "บทนำก่อนตารางคะแนนของหน่วยงาน", "ส่วนที่2คะแนนรายตัวชี้วัด", "๑.การปฏิบัติหน้าที่", "ผ่านเกณฑ์", "รวมEITแบบวัดการรับรู้ของผู้รับบริการภายนอก", "(เกณฑ์85)", "92.90", "หัวข้อเอง", "ประชุมคณะทำงาน", "ส่วนที่๔การวิเคราะห์"];

  test("report PDF: own sections in order, wording, Thai numbering in an Arabic-digit table, no org line", () => {
    const text = squash(pdfPages(find("2564-report.pdf")).join("\n"));
    let last = -1;
    for (const t of REPORT_TEXTS) {
      const at = text.indexOf(t);
      expect(at, t).toBeGreaterThanOrEqual(0);
      if (["ส่วนที่๑ภาพรวม", "ส่วนที่2คะแนนรายตัวชี้วัด", "หัวข้อเอง", "ส่วนที่๔การวิเคราะห์"].includes(t)) {
        expect(at, `${t} after the previous heading`).toBeGreaterThan(last);
        last = at;
      }
    }
    expect(text).not.toContain("อำเภอเมืองนครราชสีมา");
    expect(text).not.toContain("การวิเคราะห์ผลการประเมิน๑.");
  });

  test("report DOCX: the same texts in document.xml, and the picture as a media part", () => {
    const docx = new Uint8Array(readFileSync(find("2564-report.docx")));
    const xml = squash(textOf(part(docx, "word/document.xml")));
    for (const t of REPORT_TEXTS) expect(xml, t).toContain(t);
    expect(xml).not.toContain("อำเภอเมืองนครราชสีมา");
    expect(part(docx, "word/document.xml")).toContain("<w:drawing>");
  });

  test("measures PDF and DOCX: three-column analysis without subtotal rows, Arabic running numbers", () => {
    const pdf = squash(pdfPages(find("2565-measures.pdf")).join("\n"));
    const docx = squash(textOf(part(new Uint8Array(readFileSync(find("2565-measures.docx"))), "word/document.xml")));
    for (const text of [pdf, docx]) {
      expect(text).toContain("ตัวชี้วัด");
      expect(text).toContain("1.การปฏิบัติหน้าที่");
      expect(text).not.toContain("I1การปฏิบัติหน้าที่");
      expect(text).not.toMatch(/รวมIIT/);
    }
  });
});
