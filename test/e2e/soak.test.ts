/**
 * The soak of bench/soak.mjs, reduced: a national-set build killed with
 * kill -9 mid-run, a concurrent build refused by the lock, manifests damaged,
 * a second build; every document then byte-identical to a clean build and
 * the planted foreign files untouched, nothing else left in the folder.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../helpers/load-example.js";

test("kill -9, a concurrent build and damaged manifests between two builds: all documents identical to a clean build, foreign files kept", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "soak.mjs"), "--count", "10", "--jobs", "1"], { encoding: "utf8" });
  const result = JSON.parse(r.stdout) as { problems: string[]; documents: number; identicalToClean: number; foreignFilesKept: number; firstRun: { concurrentBuildExit: number } };
  expect(result.problems).toEqual([]);
  expect(r.status).toBe(0);
  expect(result.documents).toBe(40);
  expect(result.identicalToClean).toBe(40);
  expect(result.foreignFilesKept).toBe(4);
  expect(result.firstRun.concurrentBuildExit).toBe(2);
});
