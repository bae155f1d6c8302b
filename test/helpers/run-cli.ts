/**
 * The command line, as tests call it. `runCli` calls `main(argv, io)` in this
 * process, on the TypeScript sources (vitest transforms them; a build runs its
 * organisations here through test/helpers/in-process-pool.ts, or, inside
 * withRealWorkers, in worker threads that load the sources through
 * test/helpers/ts-worker/), so a plain `npx vitest` after an edit tests the edit.
 * `runBin` starts the built dist/cli/bin.js as a user would: only for what
 * needs a real process (bin.ts's own wiring, exit status as the shell sees it,
 * signals).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { ROOT } from "./load-example.js";

export const BIN = join(ROOT, "dist", "cli", "bin.js");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** In-process: stdout and stderr as the terminal would have shown them (one "\n" per line, progress redraws as written). */
export async function runCli(args: readonly string[], cwd = ROOT): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line, inPlace) => {
      stderr += inPlace ? line : `${line}\n`;
    },
    lang: "th",
    isTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}

/** A real process on the built CLI (dist/, made by `npm test` before vitest). */
export function runBin(args: readonly string[], cwd = ROOT): CliRun {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm test does it)`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ITADOC_DEBUG: "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
