/**
 * The number of build workers follows the work: a handful of organisations gets one worker (a
 * second one costs more to start than it saves), a national set one per core; --jobs overrides.
 */
import { describe, expect, test } from "vitest";
import { IN_THREAD_BELOW, ORGANISATIONS_PER_WORKER, parseJobs, placement, workerCount } from "../../../src/cli/build/scheduler.js";
import { UsageError } from "../../../src/cli/io.js";

describe("worker count", () => {
  test("without --jobs: one worker for the examples' two organisations, even on many cores", () => {
    expect(parseJobs(undefined)).toBeUndefined();
    expect(workerCount(2, undefined, 8)).toBe(1);
    expect(workerCount(1, undefined, 2)).toBe(1);
  });

  test("without --jobs: one more worker per ORGANISATIONS_PER_WORKER organisations, at most one per core", () => {
    const per = ORGANISATIONS_PER_WORKER;
    expect(workerCount(2 * per - 1, undefined, 4)).toBe(1);
    expect(workerCount(2 * per, undefined, 4)).toBe(2);
    expect(workerCount(3 * per, undefined, 4)).toBe(3);
    expect(workerCount(7850, undefined, 2)).toBe(2);
    expect(workerCount(7850, undefined, 16)).toBe(16);
  });

  test("--jobs is obeyed, but no more workers than organisations", () => {
    expect(workerCount(2, parseJobs("2"), 1)).toBe(2);
    expect(workerCount(1000, parseJobs("1"), 8)).toBe(1);
    expect(workerCount(3, parseJobs("8"), 8)).toBe(3);
  });

  test("no organisations, no workers; a --jobs outside 1–64 is a usage error", () => {
    expect(workerCount(0, undefined, 4)).toBe(0);
    expect(() => parseJobs("0")).toThrow(UsageError);
    expect(() => parseJobs("65")).toThrow(UsageError);
    expect(() => parseJobs("two")).toThrow(UsageError);
  });

  test("placement: a small run without --jobs in the command's own thread; --jobs, or a large run, in workers", () => {
    expect(placement(1, undefined, 2)).toEqual({ inThread: true });
    expect(placement(IN_THREAD_BELOW - 1, undefined, 8)).toEqual({ inThread: true });
    expect(placement(IN_THREAD_BELOW, undefined, 2)).toEqual({ inThread: false, workers: 2 });
    // One core: still a worker for a large run (its capped heap keeps a national run's memory flat).
    expect(placement(7850, undefined, 1)).toEqual({ inThread: false, workers: 1 });
    // --jobs keeps workers for any run, --jobs 1 too: a document that exhausts a worker's heap costs that document only.
    expect(placement(1, parseJobs("1"), 2)).toEqual({ inThread: false, workers: 1 });
    expect(placement(2, parseJobs("2"), 2)).toEqual({ inThread: false, workers: 2 });
  });
});
