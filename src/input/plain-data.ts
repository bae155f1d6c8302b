/**
 * A loaded document's plain data (strings, lists, objects; null values left
 * out of objects), built in one walk over its nodes. Equal to
 * `dropNulls(doc.toJS())` for what a clerk's file holds: maps with text keys,
 * lists and scalars. Anything else (an alias, a tag, a key that is a list or
 * empty, a pair inside a list, two keys that became one when ำ was put in
 * canonical form) returns NOT_PLAIN and the caller takes yaml's toJS, which
 * knows those rules. yaml's toJS then dropNulls walked the data twice and
 * built every object twice (bench/RESULTS.md, t17in).
 */
import { isMap, isScalar, isSeq } from "yaml";

export const NOT_PLAIN: unique symbol = Symbol("not plain");

export function plainData(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    if (node.tag) return NOT_PLAIN;
    const v = node.value;
    return typeof v === "string" || v === null ? v : NOT_PLAIN;
  }
  if (isSeq(node)) {
    if (node.tag) return NOT_PLAIN;
    const out: unknown[] = [];
    for (const item of node.items) {
      // An alias, or a bare pair (yaml makes `[a: b]` a one-key map, but a pair node is its own case).
      if (!isScalar(item) && !isMap(item) && !isSeq(item)) return NOT_PLAIN;
      const v = plainData(item);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out.push(v);
    }
    return out;
  }
  if (isMap(node)) {
    if (node.tag) return NOT_PLAIN;
    const out: Record<string, unknown> = {};
    let dropped: Set<string> | undefined;
    for (const { key, value } of node.items) {
      if (!isScalar(key) || key.tag || typeof key.value !== "string") return NOT_PLAIN;
      if (Object.hasOwn(out, key.value) || dropped?.has(key.value)) return NOT_PLAIN;
      const v = plainData(value);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      if (v === null) {
        (dropped ??= new Set()).add(key.value);
        continue;
      }
      // defineProperty, not assignment: a key typed "__proto__" stays an ordinary (unknown) key instead of replacing the prototype.
      Object.defineProperty(out, key.value, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return NOT_PLAIN;
}
