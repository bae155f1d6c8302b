#!/usr/bin/env node
/**
 * A bigger run of the differential test of src/input/fast-yaml.ts (test/input/fast-yaml.test.ts): N seeded
 * mutations instead of the test's 3,000. Every mutated text must be read by the fast path exactly as yaml's
 * parseDocument reads it, or declined.
 *
 *   node bench/fuzz-fast-yaml.mjs [N=100000]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const n = process.argv[2] ?? "100000";
const r = spawnSync("npx", ["vitest", "run", "test/input/fast-yaml.test.ts", "-t", "seeded mutations"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, FAST_YAML_MUTATIONS: n },
});
process.exit(r.status ?? 2);
