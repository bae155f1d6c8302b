/** Test-only: a fixture template folder → the path → text map the CLI would pass in. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURE_TEMPLATES = fileURLToPath(new URL("../fixtures/templates/", import.meta.url));

/** Keys are relative to test/fixtures/templates, e.g. "good/note/note.hbs". */
export function readFixtureTemplates(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(FIXTURE_TEMPLATES, full).split("\\").join("/"), readFileSync(full, "utf8"));
    }
  };
  walk(join(FIXTURE_TEMPLATES, folder));
  return files;
}
