/**
 * Explicit YAML tags (`!!binary`, `!!int`, `!custom`) have no place in a
 * clerk's input: every value is read as text and the schema decides what it
 * means. A tag is reported as such, with its field, instead of the puzzling
 * type error its decoded value would cause ("found a map of sub-keys" for
 * !!binary). `!!str`, `!!map` and `!!seq` say what the value already is and
 * pass.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { error, type Diagnostic } from "../diag/diagnostic.js";
import { positionAt, type LoadedYaml } from "./load-yaml.js";

const HARMLESS = new Set(["tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"]);
/** Enough to say what is wrong; a file with thousands of tags is told about the first ones. */
const MAX_REPORTED = 50;

export interface TaggedValue {
  readonly path: readonly (string | number)[];
  readonly diagnostic: Diagnostic;
}

export function taggedValues(loaded: LoadedYaml, fieldName: (path: readonly PropertyKey[]) => string): TaggedValue[] {
  const out: TaggedValue[] = [];
  // One path array, pushed and popped as the walk goes (this runs over every node of every file); copied for a hit only.
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (out.length >= MAX_REPORTED || !node || typeof node !== "object") return;
    const n = node as Node;
    if ((isScalar(n) || isMap(n) || isSeq(n)) && n.tag && !HARMLESS.has(n.tag)) {
      const tag = n.tag.replace(/^tag:yaml\.org,2002:/, "!!");
      const pos = n.range ? positionAt(loaded.file, loaded.lineCounter, n.range[0]) : { file: loaded.file, line: 1, col: 1 };
      const at = [...path];
      out.push({ path: at, diagnostic: error("E_YAML_TAG", { field: fieldName(at), tag }, pos) });
      return;
    }
    if (isMap(n)) {
      for (const p of n.items) {
        if (!isPair(p)) continue;
        path.push(isScalar(p.key) ? String(p.key.value) : "?");
        walk(p.value);
        path.pop();
      }
    } else if (isSeq(n)) {
      for (let i = 0; i < n.items.length; i++) {
        path.push(i);
        walk(n.items[i]);
        path.pop();
      }
    }
  };
  walk(loaded.doc.contents);
  return out;
}
