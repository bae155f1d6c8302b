/**
 * Paths: odd organisation folder names and inputs reached through "..",
 * and nothing is ever written outside --out. Emblems: configured but
 * unusable stops that organisation's memo only; not configured is a warning.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { png } from "../helpers/images.js";
import { runCli } from "../helpers/run-cli.js";
import { exampleText } from "../helpers/load-example.js";
import { filesUnder, KK_ORG, lineOf, NR_2564, NR_ORG, STACK, writeOrg, type JsonDiagnostic } from "./helpers.js";

const KK = { "org.yaml": KK_ORG, "2561.yaml": exampleText("khon-kaen-city", "2561.yaml"), "2562.yaml": exampleText("khon-kaen-city", "2562.yaml"), "2563.yaml": exampleText("khon-kaen-city", "2563.yaml"), "2564.yaml": exampleText("khon-kaen-city", "2564.yaml") };

describe("paths", () => {
  test("folder names with '..', a drive-letter-like name and inputs reached through '..': every file written lies under --out", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-paths-"));
    for (const name of ["..kk", "kk..", "a..b", "C:", "c:..", "...", "-n"]) writeOrg(join(root, "data", name), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    mkdirSync(join(root, "work"));
    const before = filesUnder(root);
    const r = await runCli(["build", "--out", "out", "--json", "../data/..kk", "../data/../data/kk..", "../data/a..b", "../data/C:", "../data/c:..", "../data/...", "--", "../data/-n"], join(root, "work"));
    expect(r.code, r.stderr).toBe(0);
    const created = filesUnder(root).filter((f) => !before.includes(f));
    expect(created.length).toBeGreaterThan(0);
    for (const f of created) expect(f.startsWith("work/out/"), f).toBe(true);
    expect(created.filter((f) => f.endsWith(".pdf")).sort()).toEqual(
      ["-n", "...", "..kk", "C:", "a..b", "c:..", "kk.."].map((n) => `work/out/${n}/2564-report.pdf`).sort(),
    );
  });
});

describe("emblem", async () => {
  const root = mkdtempSync(join(tmpdir(), "itadoc-emblem-"));
  const withEmblem = (line: string) => KK_ORG.replace("settings:\n", `settings:\n  emblem: ${line}\n`);
  writeOrg(join(root, "in", "missing"), { ...KK, "org.yaml": withEmblem("garuda.png") });
  writeOrg(join(root, "in", "not-image"), { ...KK, "org.yaml": withEmblem("garuda.png"), "garuda.png": "นี่ไม่ใช่รูปภาพ\n" });
  // 30 MB: a PNG header followed by padding.
  const huge = new Uint8Array(30 * 1024 * 1024);
  huge.set(png(1, 1));
  writeOrg(join(root, "in", "huge"), { ...KK, "org.yaml": withEmblem("garuda.png"), "garuda.png": huge });
  writeOrg(join(root, "in", "folder"), { ...KK, "org.yaml": withEmblem("garuda.png") });
  mkdirSync(join(root, "in", "folder", "garuda.png"));
  writeOrg(join(root, "in", "good"), { ...KK, "org.yaml": withEmblem("garuda.png"), "garuda.png": png(40, 48) });
  writeOrg(join(root, "in", "none"), KK);
  const r = await runCli(["build", "in", "--out", "out", "--json", "--jobs", "2"], root);
  const report = JSON.parse(r.stdout) as { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] };
  const outs = report.documents.map((d) => d.out).sort();
  const emblemLine = lineOf(withEmblem("garuda.png"), "emblem:");

  for (const [name, reason] of [["missing", "file not found|ไม่พบไฟล์"], ["not-image", "ไม่ใช่ไฟล์ภาพ"], ["huge", "ใหญ่เกิน 5 MB"], ["folder", "ไม่ใช่ไฟล์ภาพ"]] as const) {
    test(`${name}: E_EMBLEM at settings.emblem, the memo is not written, the measures are`, () => {
      const errs = report.diagnostics.filter((d) => d.file === `in/${name}/org.yaml` && d.severity === "error");
      expect(errs.map((d) => [d.code, d.line, d.col])).toEqual([["E_EMBLEM", emblemLine, 11]]);
      expect(errs[0]!.message).toMatch(new RegExp(reason));
      expect(outs).not.toContain(`out/${name}/2563-memo.docx`);
      expect(outs).toContain(`out/${name}/2564-measures.pdf`);
    });
  }

  test("a usable emblem: the memo is made with it; none configured: W_EMBLEM_MISSING and the memo is made", () => {
    expect(r.code).toBe(1);
    expect(outs).toContain("out/good/2563-memo.docx");
    // Zip entry names are stored uncompressed: the good memo carries an image part, the one without an emblem none.
    expect(readFileSync(join(root, "out", "good", "2563-memo.docx")).toString("latin1")).toMatch(/word\/media\/[^\0]*\.png/);
    expect(readFileSync(join(root, "out", "none", "2563-memo.docx")).toString("latin1")).not.toMatch(/word\/media\//);
    expect(outs).toContain("out/none/2563-memo.docx");
    expect(report.diagnostics.filter((d) => d.file?.startsWith("in/good/") && d.code.startsWith("E_"))).toEqual([]);
    expect(report.diagnostics.filter((d) => d.file === "in/none/org.yaml").map((d) => d.code)).toEqual(["W_EMBLEM_MISSING"]);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe("templates", () => {
  test("a Handlebars syntax error in --templates: E_TEMPLATE_SYNTAX with the template's file:line, exit 1, nothing written", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-tpl-"));
    writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    const r0 = await runCli(["build", "nr", "--out", "out", "--templates", "no-such-folder"], root);
    expect(r0.code).toBe(2);
    expect(r0.stderr).toContain("[E_PATH_NOT_FOUND]");
    // A copy of the built-in templates with one block left open.
    const src = join(import.meta.dirname, "..", "..", "templates");
    const copy = join(root, "tpl");
    for (const f of filesUnder(src)) {
      mkdirSync(join(copy, f, ".."), { recursive: true });
      writeFileSync(join(copy, f), exampleFile(join(src, f)));
    }
    // The report's parts are partials: one of them left with a block open.
    const scores = join(copy, "report", "partials", "part-scores.hbs");
    writeFileSync(scores, exampleFile(scores).replace("{{/if}}", ""));
    const r = await runCli(["build", "nr", "--out", "out", "--templates", "tpl"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/part-scores\.hbs:\d+:\d+: ข้อผิดพลาด \[E_TEMPLATE_SYNTAX\]/);
    expect(r.stderr).not.toMatch(STACK);
    expect(filesUnder(root).filter((f) => f.startsWith("out"))).toEqual([]);
  });
});

function exampleFile(path: string): string {
  return readFileSync(path, "utf8");
}
