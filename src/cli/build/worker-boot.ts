/**
 * A build worker's first module (pool.ts starts it): loads the Node built-ins a build uses, tells
 * the pool, and loads the build itself (worker.ts) only once the pool answers.
 *
 * Why: V8 takes a code cache only under the flags it was made with, Node's embedded cache of its
 * own modules included, and a build sets V8 flags for the whole process (worker-heap.ts,
 * jit-flags.ts). A worker started after them compiled its bootstrap and every built-in from
 * source (`NODE_DEBUG_NATIVE=CODE_CACHE`: ~70 rejected per worker): measured, a worker's boot
 * 24–34 → 55–80 ms of its CPU, and these built-ins 6–10 → 22–31 ms (bench/RESULTS.md, wip/warm).
 * So the pool starts its first workers before it sets the flags, and sets them once each has
 * booted and loaded these; the build's own chunks and packages then load under the flags, from
 * the code-cache variant made for them (code-cache.ts). A worker started later (a replacement)
 * is answered at once.
 */
import "../code-cache-install.js";
import { createRequire } from "node:module";
import { workerData, type MessagePort } from "node:worker_threads";

/**
 * What a build worker loads of Node (the public modules among the built-ins a 100-memo build's
 * workers compiled after the flags), each with the internal modules it loads.
 */
const WORKER_BUILTINS = [
  "buffer", "crypto", "events", "fs", "fs/promises", "module", "os", "path", "querystring", "stream",
  "stream/promises", "string_decoder", "timers", "url", "util", "v8", "vm", "worker_threads", "zlib",
] as const;

/** Resolves when the pool has set the flags (the port's first message). */
function flagsSet(port: MessagePort): Promise<void> {
  return new Promise((resolve) => {
    port.once("message", () => {
      port.close();
      resolve();
    });
    port.postMessage("booted");
  });
}

const builtin = createRequire(import.meta.url);
for (const name of WORKER_BUILTINS) builtin(`node:${name}`);
// A promise, not a top-level await: the CLI runs as CommonJS chunks (bundle-cli in scripts/).
void flagsSet((workerData as { boot: MessagePort }).boot).then(() => import("./worker.js"));
