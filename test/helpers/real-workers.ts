/**
 * Which pool a build in a test gets (test/helpers/in-process-pool.ts): in-process unless inside
 * withRealWorkers. Its own module, so the test files and the setup file share one state.
 */
let depth = 0;

/** Pools made so far, by kind: the stand-in's own test reads them. */
export const poolsMade = { inProcess: 0, threads: 0 };

/** Runs `body` with builds in real worker threads (nested calls count). */
export async function withRealWorkers<T>(body: () => Promise<T>): Promise<T> {
  depth++;
  try {
    return await body();
  } finally {
    depth--;
  }
}

/** ITADOC_TEST_REAL_WORKERS=1 gives every build real threads (to compare, or to suspect the stand-in). */
export function realWorkersWanted(): boolean {
  return depth > 0 || process.env.ITADOC_TEST_WORKER_FAULT !== undefined || process.env.ITADOC_TEST_REAL_WORKERS === "1";
}
