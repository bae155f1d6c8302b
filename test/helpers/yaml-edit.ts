/** A YAML file's text with keys set and removed, comments kept: paths are dotted, list indexes as numbers ("measures.sections.4.numerals"). */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";

export interface YamlEdit {
  readonly set?: Readonly<Record<string, unknown>>;
  readonly unset?: readonly string[];
}

const pathOf = (key: string): (string | number)[] => key.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** Throws when a key to set has no parent or a key to remove is not there, so a stale edit cannot pass unnoticed. */
export function editedYaml(path: string, edit: YamlEdit): string {
  const doc = parseDocument(readFileSync(path, "utf8"));
  for (const [key, value] of Object.entries(edit.set ?? {})) {
    const at = pathOf(key);
    if (at.length > 1 && !doc.hasIn(at.slice(0, -1))) throw new Error(`${path}: nothing to set ${key} in`);
    doc.setIn(at, value);
  }
  for (const key of edit.unset ?? []) {
    if (!doc.deleteIn(pathOf(key))) throw new Error(`${path}: no ${key} to remove`);
  }
  return doc.toString({ lineWidth: 0 });
}
