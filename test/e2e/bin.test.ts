/**
 * The few checks that need the real process (dist/cli/bin.js, built by npm test):
 * bin.ts's own wiring of main() to stdout, stderr and the exit status the shell
 * sees. Everything else calls main() in-process (test/helpers/run-cli.ts); the
 * signal, lock, worker-crash and broken-pipe tests start their own processes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { EXAMPLES } from "../helpers/load-example.js";
import { runBin, runCli } from "../helpers/run-cli.js";

describe("dist/cli/bin.js as the shell runs it", () => {
  test("exit status 0, 1 and 2 with the output on the right stream, as main() returns them in-process", async () => {
    const cases = [
      ["validate", "examples"],
      ["validate", "no-such-folder-here"],
      ["build"],
      ["--version"],
    ] as const;
    for (const args of cases) {
      const real = runBin(args);
      const inProcess = await runCli(args);
      expect({ args, code: real.code, stdout: real.stdout, stderr: real.stderr }).toEqual({ args, code: inProcess.code, stdout: inProcess.stdout, stderr: inProcess.stderr });
    }
    expect(runBin(["validate", "examples"]).code).toBe(0);
    const usage = runBin(["build"]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
    expect(usage.stderr).toContain("E_USAGE");
    expect(usage.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test("invalid input exits 1 with the positioned, coded error in the report and no stack", () => {
    const dir = mkdtempSync(join(tmpdir(), "itadoc-bin-"));
    cpSync(join(EXAMPLES, "khon-kaen-city"), join(dir, "kk"), { recursive: true });
    const f = join(dir, "kk", "2564.yaml");
    writeFileSync(f, readFileSync(f, "utf8").replace("I1: ", "I1: สูง #"));
    const r = runBin(["validate", "kk"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/kk\/2564\.yaml:9:9: .*\[E_SCORE_FORMAT\]/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
