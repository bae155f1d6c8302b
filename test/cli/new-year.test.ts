/**
 * itadoc new-year on a copy of examples/khon-kaen-city, as a clerk runs it:
 * the new file, the list of changes, what validate says before the clerk
 * fills it in, and that nothing is ever overwritten.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { expectGolden } from "../helpers/golden.js";
import { EXAMPLES } from "../helpers/load-example.js";
import { runCli, type CliRun } from "../helpers/run-cli.js";

interface JsonDiag {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  message: string;
}

function copyOf(org: string, name = "kk"): string {
  const root = mkdtempSync(join(tmpdir(), "itadoc-new-year-"));
  cpSync(join(EXAMPLES, org), join(root, name), { recursive: true });
  return root;
}

describe("new-year kk --from 2564 (Khon Kaen: scores, official figures and a measures plan)", () => {
  let root: string;
  let run: CliRun;
  let before: string;
  let after: string;
  beforeAll(async () => {
    root = copyOf("khon-kaen-city");
    before = readFileSync(join(root, "kk", "2564.yaml"), "utf8");
    run = await runCli(["new-year", "kk", "--from", "2564"], root);
    after = readFileSync(join(root, "kk", "2565.yaml"), "utf8");
  });

  test("writes kk/2565.yaml and lists every change with its line (golden)", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expectGolden("new-year/khon-kaen-2564-to-2565.txt", run.stdout);
    expectGolden("new-year/khon-kaen-2565.yaml", after);
  });

  test("the fiscal year moves on in keys, text and comments; the scores are left empty; the comments stay", () => {
    expect(after).toContain("fiscal_year: 2565\n");
    expect(after).toContain("# ผลการประเมิน ITA ของเทศบาลนครขอนแก่น ปีงบประมาณ พ.ศ. ๒๕๖๕\n");
    expect(after).toContain("  fiscal_year: 2565\n  analyses: 2565\n");
    expect(after).toContain("ปีงบประมาณ 2565 จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ.2565 ได้ผลคะแนน");
    expect(after).toContain("    I1:    # การปฏิบัติหน้าที่\n");
    expect(after).toContain("    grade:\n");
    expect(after).not.toMatch(/2564|๒๕๖๔/);
  });

  test("layout is kept: only the lines listed as changed differ, and there are as many lines", () => {
    const changed = new Set([...run.stdout.matchAll(/^ {2}บรรทัด (\d+) /gm)].map((m) => Number(m[1])));
    const a = before.split("\n");
    const b = after.split("\n");
    expect(b.length).toBe(a.length);
    const differing = a.map((l, i) => (l === b[i] ? 0 : i + 1)).filter((n) => n > 0);
    expect(differing).toEqual([...changed].sort((x, y) => x - y));
  });

  test("validate before the clerk fills it in: the scores as one to-do (error), the official figures as one reminder; no copy-trap warning", async () => {
    const v = await runCli(["validate", "kk", "--json"], root);
    expect(v.code).toBe(1);
    const diags = (JSON.parse(v.stdout) as { diagnostics: JsonDiag[] }).diagnostics.filter((d) => d.file === "kk/2565.yaml");
    expect(diags.map((d) => [d.severity, d.code, d.line])).toEqual([
      ["error", "E_TO_FILL", 9],
      ["warning", "W_TO_FILL", 23],
    ]);
    const plain = (await runCli(["validate", "kk"], root)).stdout;
    expect(plain).toContain("kk/2565.yaml:9:5: ข้อผิดพลาด [E_TO_FILL] ยังไม่ได้กรอก 10 หัวข้อใน assessment.scores: I1, I2, I3, I4, I5, E6, E7, E8, O9, O10");
    expect(plain).toContain("kk/2565.yaml:23:5: คำเตือน [W_TO_FILL] ยังไม่ได้กรอก 5 หัวข้อใน assessment.official: iit, eit, oit, total, grade");
    const en = (await runCli(["validate", "kk", "--lang", "en"], root)).stdout;
    expect(en).toContain("kk/2565.yaml:9:5: error [E_TO_FILL] 10 keys of assessment.scores are still to be filled in: I1, I2, I3, I4, I5, E6, E7, E8, O9, O10");
  });

  test("once filled in, the year validates and builds its 2565 measures", async () => {
    const dir = copyOf("khon-kaen-city");
    await runCli(["new-year", "kk"], dir);
    const scores = ["95.00", "91.00", "90.00", "90.00", "92.00", "93.00", "92.00", "91.00", "100", "100"];
    let text = readFileSync(join(dir, "kk", "2565.yaml"), "utf8");
    ["I1", "I2", "I3", "I4", "I5", "E6", "E7", "E8", "O9", "O10"].forEach((id, i) => (text = text.replace(new RegExp(`^( {4}${id}:) `, "m"), `$1 ${scores[i]} `)));
    text = text.replace(/^ {2}official:\n(?: {4}\w+:\n)+/m, "");
    writeFileSync(join(dir, "kk", "2565.yaml"), text);
    const v = await runCli(["validate", "kk", "--json"], dir);
    const diags = (JSON.parse(v.stdout) as { diagnostics: JsonDiag[] }).diagnostics.filter((d) => d.file === "kk/2565.yaml");
    // Nothing left to fill in and no copy trap (framework notes such as W_PROVISIONAL are not this command's business).
    expect(diags.filter((d) => d.severity === "error" || /TO_FILL|SCORES_UNCHANGED|DATE_OUTSIDE|YEAR_IN_TEXT|PLAN_YEAR/.test(d.code))).toEqual([]);
    expect(v.code).toBe(0);
    const b = await runCli(["build", "kk", "--kind", "measures", "--year", "2565", "--out", "out"], dir);
    expect(b.code).toBe(0);
    expect(existsSync(join(dir, "out", "kk", "2565-measures.pdf"))).toBe(true);
  }, 60_000);

  test("never overwrites: run again, exit 1, Thai error, file unchanged", async () => {
    const again = await runCli(["new-year", "kk", "--from", "2564"], root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("kk/2565.yaml: ข้อผิดพลาด [E_NEW_YEAR_EXISTS] มีไฟล์ kk/2565.yaml อยู่แล้ว ไม่เขียนทับ");
    expect(readFileSync(join(root, "kk", "2565.yaml"), "utf8")).toBe(after);
    const en = await runCli(["new-year", "kk", "--from", "2564", "--lang", "en"], root);
    expect(en.stderr).toContain("error [E_NEW_YEAR_EXISTS] kk/2565.yaml already exists; not overwritten");
  });

  test("same input, byte-identical file", async () => {
    const other = copyOf("khon-kaen-city");
    expect((await runCli(["new-year", "kk", "--from", "2564"], other)).stdout).toBe(run.stdout);
    expect(readFileSync(join(other, "kk", "2565.yaml"), "utf8")).toBe(after);
  });
});

describe("new-year from a year with a memo and weak OIT items (2563 → 2564)", () => {
  let root: string;
  let run: CliRun;
  let after: string;
  beforeAll(async () => {
    root = copyOf("khon-kaen-city");
    rmSync(join(root, "kk", "2564.yaml"));
    run = await runCli(["new-year", "kk"], root);
    after = readFileSync(join(root, "kk", "2564.yaml"), "utf8");
  });

  test("defaults to the latest year + 1", () => {
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("สร้าง kk/2564.yaml จาก kk/2563.yaml (ปีงบประมาณ 2563 → 2564)");
  });

  test("memo: number kept as its pattern, date emptied, table years and the subject's year moved on", () => {
    expect(after).toContain("  number: ขก ๕๒๐๖/\n");
    expect(after).toContain("  date:\n");
    expect(after).toContain("  years: [2562, 2563, 2564]\n");
    expect(after).toContain("ITA) เทศบาลนครขอนแก่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๔\n");
    expect(run.stdout).toContain("  บรรทัด 193  เลขที่หนังสือ  memo.number: ๐๑๑๐๙ → (ตัดเลขลำดับ ให้กรอกเลขใหม่)");
    expect(run.stdout).toContain("  บรรทัด 199  ปี  memo.years[1]: 2561 → 2562");
  });

  test("an OIT item's score becomes its previous; the new score is left to fill in", () => {
    expect(after).toContain("    - id: O2\n      score:\n      previous: 0\n");
    expect(run.stdout).toContain("  บรรทัด 37  เว้นว่างให้กรอก  assessment.oit_items[1].score: 0 → (ว่าง)");
    expect(run.stdout).toContain("  บรรทัด 38  คะแนนปีก่อน  assessment.oit_items[1].previous: 100 → 0");
  });

  test("lists what it left for the clerk to review: last year's total in the text, a year it did not move", () => {
    expect(run.stdout).toContain("ควรทบทวน (ไม่ได้แก้ให้):\n");
    expect(run.stdout).toContain("  บรรทัด 206  memo.opening[2]: ยังอ้างคะแนนของปีก่อน ๗๕.๓๐ (เขียนใหม่เมื่อได้ผลของปีนี้)");
    expect(run.stdout).toContain('  บรรทัด 34  (หมายเหตุ): "ปี ๒๕๖๒" คงไว้ตามเดิม');
  });

  test("validate: one to-do per group (scores, item scores, peers, memo date); dates left empty are reminders", async () => {
    const v = await runCli(["validate", "kk", "--json"], root);
    const diags = (JSON.parse(v.stdout) as { diagnostics: JsonDiag[] }).diagnostics.filter((d) => d.file === "kk/2564.yaml");
    expect(diags.map((d) => [d.severity, d.code, d.line])).toEqual([
      ["error", "E_TO_FILL", 14],
      ["error", "E_TO_FILL", 37],
      ["error", "E_TO_FILL", 187],
      ["error", "E_TO_FILL", 194],
      ["warning", "W_TO_FILL", 10],
      ["warning", "W_TO_FILL", 27],
      // Each peer count is optional since a year counts by grade or by label;
      // the emptied total (line 187) still stops the memo.
      ["warning", "W_TO_FILL", 188],
    ]);
    expect(diags[1]!.message).toBe("ยังไม่ได้กรอก score ของ assessment.oit_items 14 ข้อ (ข้อ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)");
  });
});

describe("new-year refuses, with a message and the right exit code", () => {
  test("a year that is not there: exit 1, the years that are", async () => {
    const root = copyOf("khon-kaen-city");
    const r = await runCli(["new-year", "kk", "--from", "2570"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[E_NEW_YEAR_SOURCE] ไม่พบไฟล์ของปีงบประมาณ 2570 ใน kk (มีปี 2561, 2562, 2563, 2564)");
  });
  test("a --from that is not a year, a --to before --from, no folder: usage, exit 2", async () => {
    const root = copyOf("khon-kaen-city");
    expect(await runCli(["new-year", "kk", "--from", "ปีหน้า"], root)).toMatchObject({ code: 2 });
    expect((await runCli(["new-year", "kk", "--from", "2564", "--to", "2563"], root)).stderr).toContain("--to (2563) ต้องเป็นปีหลัง --from (2564)");
    expect(await runCli(["new-year", "ไม่มี"], root)).toMatchObject({ code: 2 });
    expect(await runCli(["new-year"], root)).toMatchObject({ code: 2 });
  });
  test("a link where the new file would go is not written through", async () => {
    const root = copyOf("khon-kaen-city");
    const elsewhere = join(root, "elsewhere.yaml");
    symlinkSync(elsewhere, join(root, "kk", "2565.yaml"));
    const r = await runCli(["new-year", "kk"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[E_NEW_YEAR_EXISTS]");
    expect(existsSync(elsewhere)).toBe(false);
  });
  test("help lists the command in Thai and English", async () => {
    expect((await runCli(["--help"])).stdout).toContain("itadoc new-year <โฟลเดอร์หน่วยงาน>");
    expect((await runCli(["--help", "--lang", "en"])).stdout).toContain("itadoc new-year <organisation folder> [--from 2568] [--to 2569]");
  });
});
