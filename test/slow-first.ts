/**
 * The order in which `vitest run` starts the test files (vitest.config.ts `sequence.sequencer`).
 * Two workers share the files; the run ends when the later of the two ends, so the longest files
 * must start first, or one of them starting last keeps a worker busy while the other idles.
 * Vitest orders by the durations it caches in node_modules/.vite, but a fresh clone (CI) has no
 * cache and gets the files largest first, which put the browser test (the longest) near the end:
 * 112 s instead of about 90. The files below are the known long ones, longest first, as measured
 * on the 2-core machine; the others follow in vitest's own order. A file renamed or removed here
 * only loses its place in the queue (it still runs), so the list cannot hide a test.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Long first (seconds of wall time each, alone on an idle 2-core machine, Dec 2026). */
export const SLOW_FIRST: readonly string[] = [
  // These two side by side first: both mostly wait on processes and threads of their own.
  "test/hostile/inputs-bounded.test.ts", // ~15: the built command in processes of its own
  "test/e2e/build.test.ts", // ~19: real worker threads and the built command
  "test/faults/faults.test.ts", // ~11: real workers that crash
  "test/faults/lock.test.ts", // ~5
  "test/e2e/soak.test.ts", // ~14: bench/soak.mjs
  // The longest (~25: chromium driving itadoc serve) but idle a quarter of its time, waiting on
  // the browser: beside the files above it slowed both by half; here it ends with ~25 s of short
  // files still to share out.
  "test/web/page.test.ts",
  "test/cli/build/incremental.test.ts", // ~14
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
