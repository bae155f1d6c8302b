/**
 * The order in which `vitest run` starts the test files (vitest.config.ts `sequence.sequencer`).
 * Two workers share the files; the run ends when the later of the two ends. Vitest's own order
 * depends on its cache in node_modules/.vite: with one, longest first, which starts the browser
 * test and the threaded build test side by side; each then took up to twice its time alone
 * (suite 108 s against 96 s with this list, same cache, Dec 2026, idle 2-core machine); without
 * one (a fresh clone, CI), largest file first, which happens to start the browser test beside
 * the built-command test, as this list does (90-112 s either way: run-to-run noise). This list
 * gives every checkout that second order, cache or not; the others follow in vitest's order. A file renamed or removed here
 * only loses its place in the queue (it still runs), so the list cannot hide a test.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Seconds of wall time each, alone on an idle 2-core machine, Dec 2026. */
export const SLOW_FIRST: readonly string[] = [
  "test/web/page.test.ts", // ~25: chromium driving itadoc serve; a quarter of it waiting on the browser
  "test/hostile/inputs-bounded.test.ts", // ~15: the built command in processes of its own
  "test/e2e/build.test.ts", // ~19: real worker threads and the built command
  "test/e2e/soak.test.ts", // ~10: bench/soak.mjs
  "test/cli/build/incremental.test.ts", // ~14
  "test/faults/faults.test.ts", // ~11: real workers that crash
  "test/faults/lock.test.ts", // ~5
  "test/hostile/output-folder.test.ts",
  "test/e2e/lazy-start.test.ts",
  "test/e2e/report-spans.test.ts",
  "test/hostile/characters.test.ts",
  "test/serve/serve-command.test.ts",
  "test/e2e/bin.test.ts",
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(relative(this.ctx.config.root, f.moduleId).replaceAll("\\", "/"));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: files off the list keep vitest's order among themselves.
    return rest.sort((a, b) => rank(a) - rank(b));
  }
}
