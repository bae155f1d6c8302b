/**
 * A running `itadoc serve` on a copy of examples/, for the browser tests: the
 * real command (runServe, as main calls it) in this process, serving the
 * bundled page from dist/web/ (built by `npm run build`, which `npm test` runs).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runServe } from "../../src/cli/commands/serve.js";
import { WEB_DIR } from "../../src/serve/static.js";
import { ROOT } from "./load-example.js";

export interface ServedFolder {
  readonly dir: string;
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** What the command printed. */
  readonly out: string[];
  stop(): Promise<number>;
}

export async function serveExamples(lang: "th" | "en" = "th"): Promise<ServedFolder> {
  if (!existsSync(join(WEB_DIR, "app.js"))) throw new Error("dist/web/app.js is missing: run `npm run build` first (npm test does)");
  const dir = mkdtempSync(join(tmpdir(), "itadoc-serve-page-"));
  cpSync(join(ROOT, "examples"), dir, { recursive: true });
  const out: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((r) => (stop = r));
  let started!: (s: { url: string; token: string; port: number }) => void;
  const running = new Promise<{ url: string; token: string; port: number }>((r) => (started = r));
  const exit = runServe(
    { folder: dir, port: "0", open: false, stop: stopped, onStarted: (s) => started(s) },
    { out: (l) => out.push(l), err: (l) => out.push(l), lang, isTTY: false, cwd: dir },
  );
  const s = await Promise.race([running, exit.then((code) => Promise.reject(new Error(`itadoc serve ended with ${code}: ${out.join("\n")}`)))]);
  return {
    dir,
    url: s.url,
    origin: `http://127.0.0.1:${s.port}`,
    token: s.token,
    out,
    async stop() {
      stop();
      const code = await exit;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
