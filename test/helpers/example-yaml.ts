/** An example's YAML as plain strings (failsafe schema: "87.30" stays "87.30"), for tests that compare printed text with the input. */
import { parse } from "yaml";
import { exampleText } from "./load-example.js";

export type Yaml = string | readonly Yaml[] | { readonly [key: string]: Yaml } | null;

export function exampleYaml(org: string, file: string): Yaml {
  return parse(exampleText(org, file), { schema: "failsafe" }) as Yaml;
}

/** Walks a path of keys and indices; throws when the example lacks it, so a renamed key fails the test instead of checking nothing. */
export function at(node: Yaml, ...path: (string | number)[]): Yaml {
  let cur: Yaml = node;
  for (const key of path) {
    const next: Yaml | undefined =
      typeof key === "number" ? (Array.isArray(cur) ? (cur as readonly Yaml[])[key] : undefined) : cur !== null && typeof cur === "object" && !Array.isArray(cur) ? (cur as { readonly [k: string]: Yaml })[key] : undefined;
    if (next === undefined) throw new Error(`no ${path.join(".")} in the example (stopped at ${String(key)})`);
    cur = next;
  }
  return cur;
}

export function str(node: Yaml, ...path: (string | number)[]): string {
  const v = at(node, ...path);
  if (typeof v !== "string") throw new Error(`${path.join(".")} is not a string`);
  return v;
}

export function list(node: Yaml, ...path: (string | number)[]): readonly Yaml[] {
  const v = at(node, ...path);
  if (!Array.isArray(v)) throw new Error(`${path.join(".")} is not a list`);
  return v as readonly Yaml[];
}

/** A value that is a string or a list of strings, as lines. */
export function lines(node: Yaml, ...path: (string | number)[]): string[] {
  const v = at(node, ...path);
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return [...(v as string[])];
  throw new Error(`${path.join(".")} is neither a string nor a list of strings`);
}

export function keys(node: Yaml, ...path: (string | number)[]): string[] {
  const v = at(node, ...path);
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error(`${path.join(".")} is not a map`);
  return Object.keys(v);
}

/** A score as the documents print it: two decimals. */
export const score2 = (s: string): string => Number(s).toFixed(2);
