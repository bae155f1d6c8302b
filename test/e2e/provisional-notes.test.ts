/** W_PROVISIONAL: one note per year and run (not per file), and not a warning --strict counts. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exampleText } from "../helpers/load-example.js";
import { runCli } from "../helpers/run-cli.js";
import { yearYaml } from "../helpers/synthetic-org.js";

/** Three organisations, each with a 2567 and a 2568 year (both provisional in the program's data). */
function province(): string {
  const dir = mkdtempSync(join(tmpdir(), "itadoc-prov-"));
  for (const name of ["a", "b", "c"]) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "org.yaml"), exampleText("khon-kaen-city", "org.yaml"));
    writeFileSync(join(dir, name, "2567.yaml"), yearYaml({ year: 2567, iit: 95, eit: 84.5, oit: 93.25 }));
    writeFileSync(join(dir, name, "2568.yaml"), yearYaml({ year: 2568, iit: 99, eit: 84, oit: 99.35 }));
  }
  return dir;
}

describe("provisional-framework notes", () => {
  test("validate: once per year for the whole run, labels shown, --strict passes", async () => {
    const dir = province();
    const r = await runCli(["validate", "a", "b", "c", "--strict"], dir);
    expect(r.stdout.match(/\[W_PROVISIONAL\] กรอบการประเมินปี 2567/g)).toHaveLength(1);
    expect(r.stdout.match(/\[W_PROVISIONAL\] กรอบการประเมินปี 2568/g)).toHaveLength(1);
    expect(r.stdout).toContain("หมายเหตุ [W_PROVISIONAL]");
    expect(r.stdout).toMatch(/ปี 2567 .*รวม 91\.15 {2}ผลการประเมิน ผ่าน\n/);
    expect(r.stdout).toMatch(/ปี 2568 .*รวม 94\.64 {2}ผลการประเมิน ผ่าน\n/);
    expect(r.stdout).not.toMatch(/ปี 256[78] .*ระดับ/);
    expect(r.stdout).toContain("คำเตือน 0, หมายเหตุ 2 — ใช้ได้");
    expect(r.code).toBe(0);
    const en = await runCli(["validate", "a", "b", "c", "--lang", "en"], dir);
    expect(en.stdout.match(/note \[W_PROVISIONAL\] the 2568 framework is provisional/g)).toHaveLength(1);
  });

  test("validate --json: the notes are counted apart from the warnings", async () => {
    const r = await runCli(["validate", "a", "b", "c", "--json", "--strict"], province());
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ valid: true, warnings: 0, notes: 2 });
    expect(report.organisations[0].years[0]).toMatchObject({ fiscal_year: 2567, grade: null, label: { computed: "ผ่าน", official: null, printed: "ผ่าน" } });
  });

  test("build: the notes are printed once for the run, and not counted as warnings", async () => {
    const dir = province();
    const r = await runCli(["build", "a", "b", "c", "--out", "out", "--kind", "memo"], dir);
    expect(r.stderr.match(/\[W_PROVISIONAL\]/g)).toHaveLength(2);
    expect(r.stderr).toContain("คำเตือน 0");
  });
});
