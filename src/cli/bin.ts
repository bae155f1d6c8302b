#!/usr/bin/env node
import "./code-cache-install.js";
import { main } from "./main.js";

// `itadoc validate … | head` closes the pipe early: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// A promise, not a top-level await: the CLI runs as CommonJS chunks (bundle-cli in scripts/), which have none.
void main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line, inPlace) => process.stderr.write(inPlace ? line : `${line}\n`),
  lang: "th",
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
