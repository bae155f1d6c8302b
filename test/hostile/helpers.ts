/** Building blocks for hostile-input tests: organisation folders written into a temp dir, and a listing of every file below a root. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { exampleText } from "../helpers/load-example.js";
import type { DiagnosticJson } from "../../src/diag/format.js";

export const NR_ORG = exampleText("nakhon-ratchasima-city", "org.yaml");
export const NR_2564 = exampleText("nakhon-ratchasima-city", "2564.yaml");
export const NR_2565 = exampleText("nakhon-ratchasima-city", "2565.yaml");
export const KK_ORG = exampleText("khon-kaen-city", "org.yaml");

/** Writes an organisation folder: file name → text or bytes. */
export function writeOrg(dir: string, files: Record<string, string | Uint8Array>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

/** Every file (not folder) below `root`, relative to it, sorted. */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(root, join(d, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

/** 1-based number of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in the text`);
  return i + 1;
}

/** A stack trace line as Node prints it. */
export const STACK = /\n\s+at .+:\d+:\d+/;

/** A diagnostic as `--json` prints it. */
export type JsonDiagnostic = DiagnosticJson;

/** A complete PDF ends with %%EOF; a complete DOCX (zip) with its end-of-central-directory record. */
export function isComplete(file: string): boolean {
  const b = readFileSync(file);
  if (file.endsWith(".pdf")) return b.subarray(-8).toString("latin1").includes("%%EOF");
  return b.length > 22 && b.readUInt32LE(b.length - 22) === 0x06054b50;
}

/** sha256 (hex) of a file's bytes. */
export function sha256Of(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** The id of a process that has ended (for stale locks and temporary files of a dead run). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", ""]);
  return r.pid!;
}
