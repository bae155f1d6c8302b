/** Runs the built command (dist/, made by `npm test` before vitest) as a user would. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./load-example.js";

export const BIN = join(ROOT, "dist", "cli", "bin.js");

export function runCli(args: readonly string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm test does it)`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ITADOC_DEBUG: "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
