/**
 * A pool's workers boot and load Node's built-ins before the run's V8 flags are set
 * (src/cli/build/worker-boot.ts): Node's embedded code cache of its own modules is refused under
 * other flags, so a worker started after them compiled its bootstrap and ~70 built-ins from
 * source. Checked on what Node says it did (NODE_DEBUG_NATIVE=CODE_CACHE), not on a time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../helpers/load-example.js";
import { BIN } from "../../helpers/run-cli.js";

/** Node's built-ins compiled from source (their cache refused) in `itadoc build examples … --jobs 2`. */
function builtinsRefused(): { code: number | null; refused: string[]; accepted: number } {
  const out = mkdtempSync(join(tmpdir(), "itadoc-worker-boot-"));
  try {
    const r = spawnSync(process.execPath, [BIN, "build", "examples", "--kind", "memo", "--format", "pdf", "--jobs", "2", "--out", out, "--lang", "en"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NODE_DEBUG_NATIVE: "CODE_CACHE" },
    });
    const lines = r.stderr.split("\n");
    const refused = lines.flatMap((l) => /^Code cache of (\S+) .*is rejected/.exec(l)?.[1] ?? []);
    return { code: r.status, refused, accepted: lines.filter((l) => /is accepted/.test(l)).length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe("a build worker's boot", () => {
  test("two workers under the run's flags compile (almost) none of Node's built-ins from source", () => {
    const r = builtinsRefused();
    expect(r.code).toBe(0);
    // The log is there (else the check below proves nothing): the workers' bootstrap alone takes dozens from the cache.
    expect(r.accepted).toBeGreaterThan(100);
    // Before worker-boot.ts: 159 (each worker's bootstrap, streams, url, crypto, zlib…). What is left is loaded
    // lazily after the flags (process, internal/fs/rimraf when the output folder is cleaned).
    expect(r.refused.length, r.refused.join(" ")).toBeLessThan(10);
    expect(r.refused).not.toContain("internal/bootstrap/realm");
    expect(r.refused).not.toContain("zlib");
  });
});
