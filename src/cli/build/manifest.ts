/**
 * What was built from which inputs, per organisation output folder, so a
 * re-run skips documents whose inputs, templates and tool version did not
 * change. A missing or unreadable manifest just means "build everything".
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomic } from "../write-atomic.js";

export type Manifest = Record<string, string>;

export const MANIFEST_NAME = ".itadoc-manifest.json";

export async function readManifest(outDir: string): Promise<Manifest> {
  try {
    const data: unknown = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), "utf8"));
    return data && typeof data === "object" && !Array.isArray(data) ? (data as Manifest) : {};
  } catch {
    return {};
  }
}

export async function writeManifest(outDir: string, m: Manifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
  await writeAtomic(join(outDir, MANIFEST_NAME), new TextEncoder().encode(JSON.stringify(sorted, null, 1) + "\n"));
}
