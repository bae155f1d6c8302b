/**
 * Where each organisation's documents go under --out: its path below the
 * common ancestor of all inputs, so two inputs never share a folder, also on
 * a case-insensitive disk.
 */
import { basename, dirname, relative, resolve, sep } from "node:path";
import type { OrgBuildTask } from "./build-org.js";

/** Output folder of each organisation: its path below the common ancestor of all inputs, so two inputs never share one. */
export function outputDirs(dirs: readonly string[]): Map<string, string> {
  const parents = dirs.map((d) => dirname(resolve(d)));
  let common = parents[0] ?? "";
  for (const p of parents) while (!(p === common || p.startsWith(common.endsWith(sep) ? common : common + sep))) common = dirname(common);
  return new Map(dirs.map((d) => [d, relative(common, resolve(d)) || basename(resolve(d))]));
}

/** Two organisations whose output folders would be the same, also on a case-insensitive disk (Windows, macOS, a USB stick). */
export function findCollision(tasks: readonly OrgBuildTask[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const t of tasks) {
    const key = t.outDir.normalize("NFC").toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) return [other, t.folder.dir];
    seen.set(key, t.folder.dir);
  }
  return undefined;
}
