import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkFonts, checkNode, fontProblem, FONT_FILES } from "../../../src/cli/doctor-checks.js";
import { FONTS_DIR } from "../../../src/cli/resources.js";
import { ROOT } from "../../helpers/load-example.js";
import { runCli } from "../../helpers/run-cli.js";
import { filesUnder, KK_ORG, STACK, writeOrg } from "../../hostile/helpers.js";

describe("itadoc doctor", () => {
  test("on this machine every check passes: ✓ lines in Thai, exit 0", () => {
    const r = runCli(["doctor"]);
    expect(r.code).toBe(0);
    for (const label of ["Node.js 20 ขึ้นไป", "ฟอนต์ Sarabun ที่มากับโปรแกรม", "แม่แบบเอกสารที่มากับโปรแกรม: measures, memo, report", "LibreOffice", "pdftotext"]) {
      expect(r.stdout).toMatch(new RegExp(`^✓ ${label}`, "m"));
    }
    expect(r.stdout).toContain("พร้อมใช้งาน");
  });

  test("--templates with a broken template: ✗ with the template's line and what to do, exit 1; --lang en", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-"));
    const src = join(ROOT, "templates");
    for (const f of filesUnder(src)) {
      mkdirSync(join(dir, "tpl", f, ".."), { recursive: true });
      copyFileSync(join(src, f), join(dir, "tpl", f));
    }
    const memo = join(dir, "tpl", "memo", "memo.hbs");
    writeFileSync(memo, readFileSync(memo, "utf8").replace("}}", "}"));
    const th = runCli(["doctor", "--templates", "tpl"], dir);
    expect(th.code).toBe(1);
    expect(th.stdout).toMatch(/^✗ แม่แบบเอกสารใน tpl: tpl\/memo\/memo\.hbs.*\[E_TEMPLATE_SYNTAX\]/m);
    expect(th.stdout).toContain("วิธีแก้: แก้แม่แบบตามบรรทัดที่ระบุ");
    expect(th.stdout).toContain("ยังไม่พร้อม");
    const en = runCli(["doctor", "--templates", "tpl", "--lang", "en"], dir);
    expect(en.stdout).toMatch(/^✗ templates in tpl: /m);
    expect(en.stdout).toContain("fix: fix the template at the line given");
    expect(th.stdout + th.stderr + en.stdout + en.stderr).not.toMatch(STACK);
  });

  test("organisation folders: a missing emblem fails, an unconfigured one only informs; --json", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-doctor-"));
    writeOrg(join(dir, "none"), { "org.yaml": KK_ORG });
    writeOrg(join(dir, "bad"), { "org.yaml": KK_ORG.replace("settings:\n", "settings:\n  emblem: garuda.png\n") });
    const r = runCli(["doctor", "none", "bad", "--json"], dir);
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
    expect(runCli(["doctor", "none"], dir).code).toBe(0);
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
