/**
 * Issue 15, item 6: characters a clerk cannot see are named (code point,
 * Unicode name, position); bidi overrides and lone surrogates are refused in
 * text; a YAML tag on a score is said to be a tag; long error lists are
 * capped per file with the count of the rest; each distinct message once.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exampleText } from "../helpers/load-example.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { lineOf, NR_2564, NR_ORG, STACK, writeOrg, type JsonDiagnostic } from "./helpers.js";

const KK_ORG = exampleText("khon-kaen-city", "org.yaml");
const KK_2563 = exampleText("khon-kaen-city", "2563.yaml");
const ZWSP = "\u200B";

async function validate(files: Record<string, string>, lang: "th" | "en" = "th") {
  const root = mkdtempSync(join(tmpdir(), "itadoc-chars-"));
  writeOrg(join(root, "org"), files);
  const text = await runCli(["validate", "org", ...(lang === "en" ? ["--lang", "en"] : [])], root);
  const json = await runCli(["validate", "org", "--json"], root);
  return { text, diagnostics: (JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics, root };
}

const errorsOf = (ds: readonly JsonDiagnostic[]) => ds.filter((d) => d.severity === "error").map((d) => [d.code, d.file, d.line]);

describe("invisible characters are named", () => {
  test("U+200B inside a score: E_TEXT_INVISIBLE with the code point, name and position, not 'not a number'", async () => {
    const { text, diagnostics } = await validate({ "org.yaml": NR_ORG, "2564.yaml": NR_2564.replace("I2: 87.74", `I2: 87.${ZWSP}74`) });
    expect(errorsOf(diagnostics)).toEqual([["E_TEXT_INVISIBLE", "org/2564.yaml", lineOf(NR_2564, "I2: 87.74")]]);
    expect(text.stdout).toContain('assessment.scores.I2 มีอักขระที่มองไม่เห็น U+200B ZERO WIDTH SPACE ที่ตัวอักษรที่ 4 ของค่า "87.⟨U+200B⟩74"');
    expect(text.code).toBe(1);
  });

  test("U+200B inside the key scores: E_KEY_INVISIBLE naming the character, not 'unknown scores, did you mean scores' nor 'scores missing'", async () => {
    const { text, diagnostics } = await validate({ "org.yaml": NR_ORG, "2564.yaml": NR_2564.replace("  scores:", `  sco${ZWSP}res:`) }, "en");
    expect(errorsOf(diagnostics)).toEqual([["E_KEY_INVISIBLE", "org/2564.yaml", lineOf(NR_2564, "  scores:")]]);
    expect(text.stdout).toContain('key "sco⟨U+200B⟩res" in assessment contains the invisible character U+200B ZERO WIDTH SPACE at character 4');
    expect(text.stdout).toContain('delete the key and type "scores" again');
  });

  test("U+FEFF inside an OIT id and U+2060 inside a date: each named", async () => {
    const y = KK_2563.replace("- id: O2", "- id: O\uFEFF2").replace("date: 2563-09-29", "date: 2563-09\u2060-29");
    const { diagnostics } = await validate({ "org.yaml": KK_ORG, "2563.yaml": y });
    const msgs = diagnostics.filter((d) => d.code === "E_TEXT_INVISIBLE").map((d) => d.message);
    expect(msgs).toHaveLength(2);
    expect(msgs.join("\n")).toContain("U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)");
    expect(msgs.join("\n")).toContain("U+2060 WORD JOINER");
  });

  test("U+202E (right-to-left override) in the memo number is refused: E_TEXT_BIDI; a zero-width space in Thai text stays allowed", async () => {
    const y = KK_2563.replace("number: ขก ๕๒๐๖/๐๑๑๐๙", "number: ขก \u202E๕๒๐๖/๐๑๑๐๙").replace("to: นายกเทศมนตรีนครขอนแก่น", `to: นายก${ZWSP}เทศมนตรีนครขอนแก่น`);
    const { text, diagnostics } = await validate({ "org.yaml": KK_ORG, "2563.yaml": y });
    expect(errorsOf(diagnostics)).toEqual([["E_TEXT_BIDI", "org/2563.yaml", lineOf(KK_2563, "number: ขก")]]);
    expect(text.stdout).toContain("memo.number มีอักขระควบคุมทิศทางข้อความ U+202E RIGHT-TO-LEFT OVERRIDE ที่ตัวอักษรที่ 4");
  });

  test('a lone surrogate "\\ud800" in text is refused: E_TEXT_SURROGATE', async () => {
    const y = KK_2563.replace("to: นายกเทศมนตรีนครขอนแก่น", 'to: "นายก\\ud800"');
    const { text, diagnostics } = await validate({ "org.yaml": KK_ORG, "2563.yaml": y });
    expect(errorsOf(diagnostics)).toEqual([["E_TEXT_SURROGATE", "org/2563.yaml", lineOf(KK_2563, "to: นายกเทศมนตรีนครขอนแก่น")]]);
    expect(text.stdout).toContain("U+D800 (HIGH SURROGATE WITHOUT ITS PAIR)");
    expect(text.stdout).not.toMatch(STACK);
  });
});

describe("tags, caps and repeats", () => {
  test("!!binary on a score: E_YAML_TAG naming the tag, not 'found a map of sub-keys'", async () => {
    const { text, diagnostics } = await validate({ "org.yaml": NR_ORG, "2564.yaml": NR_2564.replace("I1: 93.31", "I1: !!binary 93.31") });
    expect(errorsOf(diagnostics)).toEqual([["E_YAML_TAG", "org/2564.yaml", lineOf(NR_2564, "I1: 93.31")]]);
    expect(text.stdout).toContain("ค่าของ assessment.scores.I1 มีแท็ก !!binary ซึ่งไม่ใช้ในไฟล์ข้อมูล");
    expect(text.stdout).not.toContain("กลุ่มหัวข้อย่อย");
  });

  test("5,000 duplicated OIT ids: at most 50 errors printed for the file, then one line with the count of the rest (validate and build)", async () => {
    const items = Array.from({ length: 5000 }, () => "    - id: O2\n      score: 0\n").join("");
    const y = KK_2563.replace("  oit_items:\n", `  oit_items:\n${items}`);
    const root = mkdtempSync(join(tmpdir(), "itadoc-chars-cap-"));
    writeOrg(join(root, "org"), { "org.yaml": KK_ORG, "2563.yaml": y });
    const v = await runCli(["validate", "org"], root);
    expect(v.code).toBe(1);
    expect(v.stdout.match(/\[E_OIT_ITEM_DUPLICATE\]/g)).toHaveLength(50);
    expect(v.stdout).toMatch(/org\/2563\.yaml: ยังมีข้อผิดพลาด 4950 รายการที่ไม่ได้แสดง \(แสดงไม่เกิน 50 รายการต่อไฟล์/);
    expect(v.stdout.split("\n").length).toBeLessThan(150);
    const b = await runCli(["build", "org", "--out", "out"], root);
    expect(b.code).toBe(1);
    expect(b.stderr.match(/\[E_OIT_ITEM_DUPLICATE\]/g)).toHaveLength(50);
    expect(b.stderr).toContain("org/2563.yaml: ยังมีข้อผิดพลาด 4950 รายการที่ไม่ได้แสดง");
    // --json still has every one.
    const big = spawnSync(process.execPath, [BIN, "validate", "org", "--json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const j = JSON.parse(big.stdout) as { diagnostics: JsonDiagnostic[] };
    expect(j.diagnostics.filter((d) => d.code === "E_OIT_ITEM_DUPLICATE")).toHaveLength(5000);
  });

  test("a year file that is a list, not keys: its whole-file E_TYPE is printed once by validate", async () => {
    const { text } = await validate({ "org.yaml": NR_ORG, "2564.yaml": "- a\n- b\n" });
    expect(text.stdout.match(/\[E_TYPE\] \(ทั้งไฟล์\)/g)).toHaveLength(1);
  });
});
