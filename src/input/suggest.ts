/**
 * "Did you mean …?" for unknown keys: the keys the schema allows at that
 * place, the closest by edit distance (at most 3 edits).
 */
import type { z } from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
}

function defOf(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** The object schemas a value at `path` may be checked against. */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Def[] {
  const d = defOf(schema);
  if (d.type === "optional" || d.type === "nullable" || d.type === "default") return objectsAt(d.innerType!, path);
  if (d.type === "pipe") return [...objectsAt(d.in!, path), ...objectsAt(d.out!, path)];
  if (d.type === "union") return d.options!.flatMap((o) => objectsAt(o, path));
  if (path.length === 0) return d.type === "object" ? [d] : [];
  const [head, ...rest] = path;
  if (d.type === "array" && typeof head === "number") return objectsAt(d.element!, rest);
  if (d.type === "object" && typeof head === "string" && d.shape?.[head]) return objectsAt(d.shape[head]!, rest);
  return [];
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closestKey(key: string, schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  const keys = objectsAt(schema, path).flatMap((d) => Object.keys(d.shape ?? {}));
  let best: string | undefined;
  let bestD = 4;
  for (const k of keys) {
    const dist = editDistance(key.toLowerCase(), k.toLowerCase());
    if (dist < bestD) [best, bestD] = [k, dist];
  }
  return best;
}
