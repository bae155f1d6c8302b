/**
 * One `itadoc build examples --format pdf` per test run, shared by the test
 * files that read the example PDFs (they used to build the same four
 * documents each). test/global-setup.ts gives the run a fresh folder; the
 * first file to ask takes a lock (an atomic mkdir) and builds, the others wait
 * for its result file. The build is the real command, in-process, on the sources.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import { runCli } from "./run-cli.js";

export interface SharedBuild {
  /** The --out folder: read only, other test files read it too. */
  readonly out: string;
  readonly code: number;
  readonly output: string;
}

const ARGS = { pdf: ["build", "examples", "--format", "pdf"] } as const;

export async function sharedExampleBuild(format: keyof typeof ARGS): Promise<SharedBuild> {
  const root = inject("sharedBuildDir");
  const out = join(root, format);
  const done = join(root, `${format}.json`);
  let mine = true;
  try {
    mkdirSync(join(root, `${format}.lock`));
  } catch {
    mine = false;
  }
  if (mine) {
    const r = await runCli([...ARGS[format], "--out", out]);
    writeFileSync(`${done}.tmp`, JSON.stringify({ code: r.code, output: r.stdout + r.stderr }));
    // A rename, so a waiting file never reads half a result.
    renameSync(`${done}.tmp`, done);
  }
  while (!existsSync(done)) await sleep(100);
  const { code, output } = JSON.parse(readFileSync(done, "utf8")) as { code: number; output: string };
  return { out, code, output };
}
