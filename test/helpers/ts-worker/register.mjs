/** `--import` entry for a worker thread started from the TypeScript sources: installs ./hooks.mjs. */
import { register } from "node:module";

register("./hooks.mjs", import.meta.url);
