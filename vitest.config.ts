import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./test/slow-first.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PDF and LibreOffice round-trips are slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: on this 2-core machine that is a single
    // worker and a serial run. Many files wait on child processes (soffice, bench/soak.mjs, the
    // built bin) or on a build's worker threads (withRealWorkers), so two workers overlap those waits.
    maxWorkers: 2,
    // Files share one module graph per worker instead of re-importing src/ each (about 40 s of CPU
    // a run). Safe while no test leaves global state changed: the two that set process.env put it back.
    isolate: false,
    // The longest files start first, also in a fresh clone without vitest's cache (see the file).
    sequence: { sequencer: SlowFirstSequencer },
    globalSetup: ["test/global-setup.ts"],
    // Builds run in this process unless a test asks for worker threads (see the file).
    setupFiles: ["test/helpers/in-process-pool.ts"],
    env: {
      // A build's real worker threads load src/**/*.ts through this loader (see src/cli/build/pool.ts).
      ITADOC_TS_WORKER_LOADER: new URL("test/helpers/ts-worker/register.mjs", import.meta.url).href,
    },
  },
});
