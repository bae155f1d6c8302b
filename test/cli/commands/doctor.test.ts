import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFonts, checkNode, fontProblem, FONT_FILES } from "../../../src/cli/doctor-checks.js";
import { checkDocxFont, checkPdfFont } from "../../../src/cli/doctor-font-checks.js";
import { BUILTIN_TEMPLATES, FONTS_DIR } from "../../../src/cli/resources.js";
import { DOC_KINDS, KINDS } from "../../../src/documents/kinds.js";
import { exampleText, ROOT } from "../../helpers/load-example.js";
import { standInFontConfig } from "../../helpers/libreoffice.js";
import { runCli } from "../../helpers/run-cli.js";
import { filesUnder, KK_ORG, STACK, writeOrg } from "../../hostile/helpers.js";

describe("itadoc doctor", () => {
  test("on this machine every check passes: ✓ lines in Thai, exit 0", async () => {
    const r = await runCli(["doctor"]);
    expect(r.code).toBe(0);
    for (const label of ["Node.js 20 ขึ้นไป", "ฟอนต์ที่มากับโปรแกรม (Laksaman ที่ฝังใน PDF, Sarabun)", "ฟอนต์ Laksaman ที่ฝังใน PDF", "แม่แบบเอกสารที่มากับโปรแกรม: measures, memo, progress, report", "LibreOffice", "pdftotext"]) {
      expect(r.stdout).toMatch(new RegExp(`^✓ ${label.replace(/[()]/g, "\\$&")}`, "m"));
    }
    expect(r.stdout).toContain("พร้อมใช้งาน");
  });

  test("--templates with a broken template: ✗ with the template's line and what to do, exit 1; --lang en", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-"));
    const src = join(ROOT, "templates");
    for (const f of filesUnder(src)) {
      mkdirSync(join(dir, "tpl", f, ".."), { recursive: true });
      copyFileSync(join(src, f), join(dir, "tpl", f));
    }
    const memo = join(dir, "tpl", "memo", "memo.hbs");
    writeFileSync(memo, readFileSync(memo, "utf8").replace("}}", "}"));
    const th = await runCli(["doctor", "--templates", "tpl"], dir);
    expect(th.code).toBe(1);
    expect(th.stdout).toMatch(/^✗ แม่แบบเอกสารใน tpl: tpl\/memo\/memo\.hbs.*\[E_TEMPLATE_SYNTAX\]/m);
    expect(th.stdout).toContain("วิธีแก้: แก้แม่แบบตามบรรทัดที่ระบุ");
    expect(th.stdout).toContain("ยังไม่พร้อม");
    const en = await runCli(["doctor", "--templates", "tpl", "--lang", "en"], dir);
    expect(en.stdout).toMatch(/^✗ templates in tpl: /m);
    expect(en.stdout).toContain("fix: fix the template at the line given");
    expect(th.stdout + th.stderr + en.stdout + en.stderr).not.toMatch(STACK);
  });

  test("--templates copied from an earlier version, without a kind the registry has: a warning naming each missing kind and the folder to copy, exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-"));
    const src = join(ROOT, "templates");
    // An old copy: the shared partials and the memo only. Every other kind of the registry is missing,
    // so the expected list comes from the registry, as the check's does.
    for (const f of filesUnder(src).filter((f) => f.startsWith("shared/") || f.startsWith("memo/"))) {
      mkdirSync(join(dir, "tpl", f, ".."), { recursive: true });
      copyFileSync(join(src, f), join(dir, "tpl", f));
    }
    const missing = DOC_KINDS.filter((k) => k !== "memo");
    expect(missing).toContain("progress");
    const th = await runCli(["doctor", "--templates", "tpl"], dir);
    expect(th.code).toBe(0);
    expect(th.stdout).toMatch(/^✓ แม่แบบเอกสารใน tpl: memo$/m);
    const line = th.stdout.split("\n").find((l) => l.startsWith("- แม่แบบเอกสารใน tpl ไม่ครบทุกประเภทเอกสาร: ไม่มีแม่แบบของ "));
    expect(line, th.stdout).toBeDefined();
    for (const k of missing) expect(line).toContain(`${k} (${KINDS[k].th}): ${join("tpl", k, `${k}.hbs`)}`);
    const fix = th.stdout.split("\n").find((l) => l.startsWith("    วิธีแก้: โฟลเดอร์แม่แบบนี้อาจคัดลอกมาจากรุ่นก่อน: คัดลอกโฟลเดอร์ "));
    for (const k of missing) expect(fix).toContain(join(BUILTIN_TEMPLATES, k));
    expect(fix).toContain("ไปไว้ใน tpl");
    expect(th.stdout).toContain("พร้อมใช้งาน");
    const en = JSON.parse((await runCli(["doctor", "--templates", "tpl", "--json", "--lang", "en"], dir)).stdout) as { ok: boolean; checks: Array<{ id: string; ok: boolean; required: boolean; label: string; detail: string; fix: string }> };
    expect(en.ok).toBe(true);
    const kinds = en.checks.find((c) => c.id === "templates-kinds")!;
    expect([kinds.ok, kinds.required, kinds.label]).toEqual([false, false, "templates in tpl lack a kind of document"]);
    expect(kinds.detail).toContain(`progress (${KINDS.progress.en}): ${join("tpl", "progress", "progress.hbs")}`);
    expect(kinds.fix).toMatch(/^this folder may be a copy from an earlier version: copy .*templates\/progress/);
    // A complete copy has no such warning.
    for (const f of filesUnder(src)) {
      mkdirSync(join(dir, "full", f, ".."), { recursive: true });
      copyFileSync(join(src, f), join(dir, "full", f));
    }
    const full = await runCli(["doctor", "--templates", "full"], dir);
    expect(full.stdout).not.toContain("ไม่ครบทุกประเภทเอกสาร");
    expect(th.stdout + th.stderr + full.stdout + full.stderr).not.toMatch(STACK);
  });

  test("organisation folders: a missing emblem fails, an unconfigured one only informs; --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-"));
    writeOrg(join(dir, "none"), { "org.yaml": KK_ORG });
    writeOrg(join(dir, "bad"), { "org.yaml": KK_ORG.replace("settings:\n", "settings:\n  emblem: garuda.png\n") });
    const r = await runCli(["doctor", "none", "bad", "--json"], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; checks: Array<{ id: string; ok: boolean; required: boolean; label: string; detail: string | null; fix: string | null }> };
    expect(report.ok).toBe(false);
    const emblems = report.checks.filter((c) => c.id === "emblem");
    expect(emblems.map((c) => [c.label, c.ok, c.required])).toEqual([
      ["ตราครุฑของ bad", false, true],
      ["ตราครุฑของ none", true, false],
    ]);
    expect(emblems[0]!.detail).toContain("[E_EMBLEM]");
    expect(emblems[0]!.fix).toContain("settings.emblem");
    expect((await runCli(["doctor", "none"], dir)).code).toBe(0);
  });
});

describe("font check", () => {
  test("the bundled fonts are TrueType with Thai letters", () => {
    for (const f of FONT_FILES) expect(fontProblem(new Uint8Array(readFileSync(join(FONTS_DIR, f)))), f).toBeUndefined();
  });

  test("a truncated, a non-font and a missing file are each named with the reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-fonts-"));
    const regular = readFileSync(join(FONTS_DIR, "Sarabun-Regular.ttf"));
    writeFileSync(join(dir, "Sarabun-Regular.ttf"), regular.subarray(0, 2000));
    writeFileSync(join(dir, "Sarabun-Bold.ttf"), "<html>404 Not Found</html>");
    copyFileSync(join(FONTS_DIR, "Sarabun-Italic.ttf"), join(dir, "Sarabun-Italic.ttf"));
    copyFileSync(join(FONTS_DIR, "sizes.json"), join(dir, "sizes.json"));
    const c = await checkFonts(dir);
    expect(c.ok).toBe(false);
    expect(c.detail).toContain("Sarabun-Regular.ttf: table");
    expect(c.detail).toContain("Sarabun-Bold.ttf: not a TrueType font");
    expect(c.detail).toContain("Sarabun-BoldItalic.ttf: ENOENT");
    expect(c.detail).not.toContain("Sarabun-Italic.ttf");
    expect(c.fix?.th).toContain("npm ci");
  });

  test("Node.js older than 20 fails the required check", () => {
    expect(checkNode("18.19.0")).toMatchObject({ ok: false, required: true });
    expect(checkNode("20.0.0").ok).toBe(true);
  });
});

describe("font installation checks (fc-match)", () => {
  test("the DOCX face found by fontconfig passes; the Debian substitute Laksaman does not, with the fix in Thai and English", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-fc-"));
    const before = process.env["FONTCONFIG_FILE"];
    try {
      process.env["FONTCONFIG_FILE"] = standInFontConfig(dir);
      const found = await checkDocxFont("TH SarabunPSK");
      expect(found).toMatchObject({ id: "docx-font", ok: true, required: false });
      expect(found.detail).toContain("StandIn.ttf");
      const missing = await checkDocxFont("TH SarabunIT๙");
      expect(missing.ok).toBe(false);
      expect(missing.detail).toMatch(/^fc-match "TH SarabunIT๙" → /);
      expect(missing.fix?.th).toContain("ติดตั้งฟอนต์ TH SarabunIT๙");
      expect(missing.fix?.th).toContain("fc-cache -f");
      expect(missing.fix?.en).toContain("install TH SarabunIT๙");
      expect(missing.label.th).toContain("LibreOffice");
    } finally {
      if (before === undefined) delete process.env["FONTCONFIG_FILE"];
      else process.env["FONTCONFIG_FILE"] = before;
    }
  });

  test("no fc-match: says so and how to get it, never passes", async () => {
    const c = await checkDocxFont("TH SarabunPSK", "fc-match-not-installed");
    expect(c).toMatchObject({ ok: false, required: false, detail: "fc-match not found" });
    expect(c.fix?.th).toContain("apt-get install fontconfig");
    const pdf = await checkPdfFont("Sarabun", FONTS_DIR, "fc-match-not-installed");
    expect(pdf).toMatchObject({ id: "pdf-font", ok: false, detail: "fc-match not found" });
  });

  test("doctor checks the face each organisation chose in settings.font; an unknown face is E_ENUM listing the allowed ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-font-"));
    writeOrg(join(dir, "it"), { "org.yaml": KK_ORG.replace("settings:\n", "settings:\n  font: TH SarabunIT๙\n") });
    const r = await runCli(["doctor", "it", "--json"], dir);
    const report = JSON.parse(r.stdout) as { checks: Array<{ id: string; label: string }> };
    expect(report.checks.filter((c) => c.id === "docx-font").map((c) => c.label.split(" ")[1] + " " + c.label.split(" ")[2])).toEqual(["TH SarabunPSK", "TH SarabunIT๙"]);
    expect(report.checks.some((c) => c.id === "pdf-font")).toBe(true);
    writeOrg(join(dir, "bad"), { "org.yaml": KK_ORG.replace("settings:\n", "settings:\n  font: Angsana New\n"), "2563.yaml": exampleText("khon-kaen-city", "2563.yaml") });
    const v = await runCli(["validate", "bad"], dir);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/org\.yaml:\d+:\d+.*\[E_ENUM\].*settings\.font.*Angsana New/);
    expect(v.stdout + v.stderr).toContain("TH SarabunPSK, TH Sarabun New, TH SarabunIT๙");
    expect(v.stdout + v.stderr).not.toMatch(STACK);
  });
});
