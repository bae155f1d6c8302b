#!/usr/bin/env node
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line, inPlace) => process.stderr.write(inPlace ? line : `${line}\n`),
  lang: "th",
  isTTY: !!process.stderr.isTTY,
  cwd: process.cwd(),
});
