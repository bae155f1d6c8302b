/**
 * Imported first by the process's entry (bin.ts) and by each build worker (worker-boot.ts), before any
 * package loads: yaml, handlebars and the PDF stack then compile from V8's cache (code-cache.ts).
 * An ES module's imports run in order, so this one's side effect comes before the next import's.
 */
import { installCodeCache } from "./code-cache.js";

installCodeCache();
