/**
 * A loaded document's plain data (strings, lists, objects; null values left
 * out of objects), built in one walk over its nodes. Equal to
 * `dropNulls(doc.toJS())` for what a clerk's file holds: maps with text keys,
 * lists and scalars. Anything else (an alias, a tag, a key that is a list or
 * empty, a pair inside a list, two keys that became one when ำ was put in
 * canonical form) returns NOT_PLAIN and the caller takes yaml's toJS, which
 * knows those rules. yaml's toJS then dropNulls walked the data twice and
 * built every object twice (bench/RESULTS.md, t17in).
 *
 * The same walk marks the nulls (unquoted `~`, `null` or nothing become a
 * null value on their node, as markNulls does), which was a pass of its own
 * over every node: a walk that returns NOT_PLAIN stops part way, and its
 * caller then runs markNulls over the whole document before toJS.
 *
 * It also does the work of two more passes of load-yaml.ts and
 * validate-input.ts over every node (bench/RESULTS.md, wip/front): it
 * stops at a list or map nested deeper than the caller allows (TOO_DEEP,
 * as nodeDepth would find), and it counts the keys typed with nothing
 * after them, so that emptyOptionalValues walks only a file that has one.
 */
import { isMap, isScalar, isSeq, type Document, type Scalar } from "yaml";
import { walkNodes } from "./yaml-walk.js";

export const NOT_PLAIN: unique symbol = Symbol("not plain");
/** A list or map nested deeper than PlainWalk.maxDepth: the file is refused (E_YAML_DEPTH). */
export const TOO_DEEP: unique symbol = Symbol("too deep");

/** What one walk found besides the data. */
export interface PlainWalk {
  /** A list or map at this level (the top one is 1) or deeper is not walked: TOO_DEEP. */
  readonly maxDepth: number;
  /** Keys typed with nothing after them (`announced:`): isEmptyTyped values, counted. */
  emptyTyped: number;
}

/** A key's value typed as nothing at all (`key:` then the line's end): not `~`, not `null`, not `''`. */
export function isEmptyTyped(v: unknown): boolean {
  return isScalar(v) && v.value === null && v.type === "PLAIN" && !!v.range && v.range[0] === v.range[1];
}

/** Unquoted "~", "null" or nothing after a key mean "not given". */
const NULL_PLAIN = /^(~|null|Null|NULL)?$/;

function markNull(node: Scalar): void {
  // The length first: nearly every value is longer than "null", and this runs on every scalar.
  if (node.type === "PLAIN" && typeof node.value === "string" && node.value.length <= 4 && NULL_PLAIN.test(node.value)) node.value = null;
}

/** Every null-like plain scalar of the document, keys included, set to null. */
export function markNulls(doc: Document): void {
  walkNodes(doc, { scalar: markNull });
}

export function plainData(node: unknown, walk: PlainWalk = { maxDepth: Number.POSITIVE_INFINITY, emptyTyped: 0 }): unknown {
  return plainAt(node, walk, 1);
}

/** `level`: the level a list or map found here would be at. */
function plainAt(node: unknown, walk: PlainWalk, level: number): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    if (node.tag) return NOT_PLAIN;
    markNull(node);
    const v = node.value;
    return typeof v === "string" || v === null ? v : NOT_PLAIN;
  }
  if (isSeq(node)) {
    if (level > walk.maxDepth) return TOO_DEEP;
    if (node.tag) return NOT_PLAIN;
    const out: unknown[] = [];
    for (const item of node.items) {
      // An alias, or a bare pair (yaml makes `[a: b]` a one-key map, but a pair node is its own case).
      if (!isScalar(item) && !isMap(item) && !isSeq(item)) return NOT_PLAIN;
      const v = plainAt(item, walk, level + 1);
      if (v === NOT_PLAIN || v === TOO_DEEP) return v;
      out.push(v);
    }
    return out;
  }
  if (isMap(node)) {
    if (level > walk.maxDepth) return TOO_DEEP;
    if (node.tag) return NOT_PLAIN;
    const out: Record<string, unknown> = {};
    let dropped: Set<string> | undefined;
    for (const { key, value } of node.items) {
      if (!isScalar(key) || key.tag) return NOT_PLAIN;
      markNull(key);
      if (typeof key.value !== "string") return NOT_PLAIN;
      if (Object.hasOwn(out, key.value) || dropped?.has(key.value)) return NOT_PLAIN;
      const v = plainAt(value, walk, level + 1);
      if (v === NOT_PLAIN || v === TOO_DEEP) return v;
      if (v === null) {
        if (isEmptyTyped(value)) walk.emptyTyped++;
        (dropped ??= new Set()).add(key.value);
        continue;
      }
      // defineProperty for "__proto__": a key typed so stays an ordinary (unknown) key instead of replacing the
      // prototype. Any other key: assignment, which makes the same own property and is cheaper.
      if (key.value === "__proto__") Object.defineProperty(out, key.value, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key.value] = v;
    }
    return out;
  }
  return NOT_PLAIN;
}
