#!/usr/bin/env node
import "./code-cache-install.js";
import { Exit } from "./io.js";
import { main, unfinishedLine } from "./main.js";

/** The command's promise has settled, or the command ends on purpose before it does (a closed pipe). */
let settled = false;

// `itadoc validate … | head` closes the pipe early: stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") {
      settled = true;
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
}

// A promise, not a top-level await: the CLI runs as CommonJS chunks (bundle-cli in scripts/), which have none.
// Without a top-level await, a promise that never settles would let Node exit 0 as if all went well; a top-level
// await made that exit 13. Either way it is a bug: said as E_INTERNAL, exit 2.
process.on("exit", (code) => {
  if (settled || code) return;
  process.stderr.write(`${unfinishedLine(process.argv.slice(2))}\n`);
  process.exitCode = Exit.internal;
});

void main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line, inPlace) => process.stderr.write(inPlace ? line : `${line}\n`),
  lang: "th",
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
}).then((code) => {
  settled = true;
  process.exitCode = code;
});
