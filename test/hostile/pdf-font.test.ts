/**
 * org.yaml settings.pdf_font (the organisation's own TrueType font for the
 * PDFs) and characters the PDF font cannot draw: a usable font is embedded
 * at its official scale; an unusable one stops the PDFs only, with
 * E_PDF_FONT at the setting; a character without a glyph stops that PDF
 * with E_PDF_GLYPH naming it; no stack traces.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { exampleText } from "../helpers/load-example.js";
import { KK_ORG, lineOf, STACK, writeOrg, type JsonDiagnostic } from "./helpers.js";

const FONTS = new URL("../../fonts/", import.meta.url).pathname;
const KK = { "org.yaml": KK_ORG, "2564.yaml": exampleText("khon-kaen-city", "2564.yaml") };
const withFont = (value: string): string => KK_ORG.replace("settings:\n", `settings:\n  pdf_font: ${value}\n`);

function sarabunFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of ["Sarabun-Regular.ttf", "Sarabun-Bold.ttf", "Sarabun-Italic.ttf", "Sarabun-BoldItalic.ttf"]) copyFileSync(join(FONTS, f), join(dir, f));
}

const fontsOf = (pdf: string): string => execFileSync("pdffonts", [pdf], { encoding: "utf8" });

describe("settings.pdf_font", async () => {
  const root = mkdtempSync(join(tmpdir(), "itadoc-pdf-font-"));
  writeOrg(join(root, "in", "folder"), { ...KK, "org.yaml": withFont("fonts") });
  sarabunFolder(join(root, "in", "folder", "fonts"));
  writeOrg(join(root, "in", "files"), { ...KK, "org.yaml": withFont("{ regular: f/Sarabun-Regular.ttf, bold: f/Sarabun-Bold.ttf }") });
  sarabunFolder(join(root, "in", "files", "f"));
  writeOrg(join(root, "in", "missing"), { ...KK, "org.yaml": withFont("no-such-folder") });
  writeOrg(join(root, "in", "not-ttf"), { ...KK, "org.yaml": withFont("font.ttf"), "font.ttf": "นี่ไม่ใช่ฟอนต์\n" });
  writeOrg(join(root, "in", "otf"), { ...KK, "org.yaml": withFont("font.otf"), "font.otf": new Uint8Array([0x4f, 0x54, 0x54, 0x4f, ...new Array(60).fill(0)]) });
  writeOrg(join(root, "in", "no-bold"), { ...KK, "org.yaml": withFont("fonts") });
  mkdirSync(join(root, "in", "no-bold", "fonts"));
  copyFileSync(join(FONTS, "Sarabun-Regular.ttf"), join(root, "in", "no-bold", "fonts", "Sarabun-Regular.ttf"));
  writeOrg(join(root, "in", "default"), KK);
  const r = await runCli(["build", "in", "--out", "out", "--json", "--jobs", "1", "--format", "pdf,docx"], root);
  const report = JSON.parse(r.stdout) as { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] };
  const outs = report.documents.map((d) => d.out).sort();
  const fontLine = lineOf(withFont("x"), "pdf_font:");

  test("a folder of TTFs or the files themselves: the PDF embeds that family; by default Laksaman", () => {
    expect(fontsOf(join(root, "out", "folder", "2564-measures.pdf"))).toMatch(/Sarabun-Regular/);
    expect(fontsOf(join(root, "out", "files", "2564-measures.pdf"))).toMatch(/Sarabun-Regular/);
    const bundled = fontsOf(join(root, "out", "default", "2564-measures.pdf"));
    expect(bundled).toMatch(/Laksaman/);
    expect(bundled).not.toMatch(/Sarabun/);
    expect(report.diagnostics.filter((d) => /in\/(folder|files|default)\//.test(d.file ?? "") && d.severity === "error")).toEqual([]);
  });

  for (const [name, reason] of [
    ["missing", "ไม่พบไฟล์หรือโฟลเดอร์"],
    ["not-ttf", "ไม่ใช่ไฟล์ฟอนต์ TrueType"],
    ["otf", "ไม่ใช่ไฟล์ฟอนต์ TrueType"],
    ["no-bold", "ไม่มีไฟล์ .ttf ทั้งตัวปกติและตัวหนา"],
  ] as const) {
    test(`${name}: E_PDF_FONT at settings.pdf_font; no PDF, the DOCX is made`, () => {
      const errs = report.diagnostics.filter((d) => d.file === `in/${name}/org.yaml` && d.severity === "error");
      expect(errs.map((d) => [d.code, d.line, d.col])).toEqual([["E_PDF_FONT", fontLine, 13]]);
      expect(errs[0]!.message).toContain(reason);
      expect(outs).not.toContain(`out/${name}/2564-measures.pdf`);
      expect(outs).toContain(`out/${name}/2564-measures.docx`);
    });
  }

  test("exit code 1, no stack trace", () => {
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });
});

describe("a character the PDF font cannot draw", async () => {
  const root = mkdtempSync(join(tmpdir(), "itadoc-pdf-glyph-"));
  // ▶ passes input validation (Sarabun draws it) but Laksaman has no glyph for it
  const year = exampleText("khon-kaen-city", "2564.yaml").replace("ผลคะแนน IIT พบว่า", "▶ ผลคะแนน IIT พบว่า");
  writeOrg(join(root, "in", "bundled"), { ...KK, "2564.yaml": year });
  writeOrg(join(root, "in", "own"), { ...KK, "2564.yaml": year, "org.yaml": withFont("fonts") });
  sarabunFolder(join(root, "in", "own", "fonts"));
  const r = await runCli(["build", "in", "--out", "out", "--json", "--jobs", "1"], root);
  const report = JSON.parse(r.stdout) as { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] };

  test("E_PDF_GLYPH names it and its code point; that PDF is not made; a font that has it makes the PDF", () => {
    const errs = report.diagnostics.filter((d) => d.code === "E_PDF_GLYPH");
    expect(errs.map((d) => d.file)).toEqual(["in/bundled/2564.yaml"]);
    expect(errs[0]!.message).toContain("▶");
    expect(errs[0]!.message).toContain("U+25B6");
    expect(errs[0]!.message).toContain("Laksaman");
    const outs = report.documents.map((d) => d.out);
    expect(outs).not.toContain("out/bundled/2564-measures.pdf");
    expect(outs).toContain("out/own/2564-measures.pdf");
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });
});
