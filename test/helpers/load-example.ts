/** Loads an organisation folder from disk the way the CLI does, for in-process tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadInput, type OrgLoadResult, type SourceFile } from "../../src/pipeline/index.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const EXAMPLES = join(ROOT, "examples");

export function source(path: string, text?: string): SourceFile {
  return { path, bytes: text === undefined ? new Uint8Array(readFileSync(path)) : new TextEncoder().encode(text) };
}

export function loadFolder(dir: string, overrides: Record<string, string> = {}): OrgLoadResult {
  const names = readdirSync(dir).sort();
  const src = (n: string) => source(join(dir, n), overrides[n]);
  const org = names.includes("org.yaml") ? src("org.yaml") : undefined;
  return loadInput(dir, org, names.filter((n) => /^\d{4}\.yaml$/.test(n)).map(src));
}

export function loadExample(name: string, overrides: Record<string, string> = {}): OrgLoadResult {
  return loadFolder(join(EXAMPLES, name), overrides);
}

export function exampleText(name: string, file: string): string {
  return readFileSync(join(EXAMPLES, name, file), "utf8");
}
