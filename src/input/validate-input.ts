/**
 * Runs a zod schema over loaded YAML and turns every issue into a diagnostic
 * with a code, a Thai-ready parameter set and the file:line:col of the node
 * it concerns (the key itself for unknown keys, the parent map for missing
 * ones). All problems are reported at once.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Document } from "yaml";
import type { z } from "zod";
import { error, warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { Code } from "../diag/codes.js";
import { positionAt, type LoadedYaml } from "./load-yaml.js";
import { closestKey } from "./suggest.js";
import { oddChars, showOdd, withoutOdd } from "./invisible.js";
import { taggedValues } from "./yaml-tags.js";
import { isEmptyTyped } from "./plain-data.js";

type Path = readonly PropertyKey[];

export function validateWith<S extends z.ZodType>(schema: S, loaded: LoadedYaml): { ok: true; value: z.output<S> } | { ok: false; errors: Diagnostic[] } {
  // A tagged value (!!binary) is reported as such; what the schema says about its decoded value would only confuse.
  const tagged = loaded.untagged ? [] : taggedValuesOf(loaded);
  const underTag = (path: readonly PropertyKey[]) => tagged.some((t) => t.path.every((p, i) => path[i] === p));
  const result = schema.safeParse(loaded.data);
  if (result.success && tagged.length === 0) return { ok: true, value: result.data };
  const issues = result.success ? [] : result.error.issues.filter((i) => !underTag(i.path));
  const errors = [...tagged.map((t) => t.diagnostic), ...issues.flatMap((i) => issueToDiagnostics(i, loaded, schema))];
  return { ok: false, errors: withoutMissingForMisspelt(uniqueDiagnostics(errors)) };
}

/** A year file is validated once per document section and once whole: its tags are looked for once. */
const TAGGED = new WeakMap<LoadedYaml, ReturnType<typeof taggedValues>>();

function taggedValuesOf(loaded: LoadedYaml): ReturnType<typeof taggedValues> {
  let tagged = TAGGED.get(loaded);
  if (!tagged) TAGGED.set(loaded, (tagged = taggedValues(loaded, fieldName)));
  return tagged;
}

/** Human path: assessment.oit_items[2].score (list positions counted from 1, as a clerk counts). */
export function fieldName(path: Path): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p + 1}]` : out ? `.${String(p)}` : String(p);
  return out || "(ทั้งไฟล์)";
}

export function nodePos(loaded: LoadedYaml, path: Path, which: "value" | "key" = "value"): SourcePos {
  const { doc, file, lineCounter } = loaded;
  if (which === "key" && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
      if (pair && isNode(pair.key) && pair.key.range) return positionAt(file, lineCounter, pair.key.range[0]);
    }
  }
  for (let p = [...path]; ; p = p.slice(0, -1)) {
    const node = p.length === 0 ? doc.contents : (doc as Document).getIn(p, true);
    if (isNode(node) && node.range) {
      // A missing key is reported at its parent map's key line when we can find it.
      if (p.length < path.length && p.length > 0) return nodePos(loaded, p, "key");
      return positionAt(file, lineCounter, node.range[0]);
    }
    if (p.length === 0) return { file, line: 1, col: 1 };
  }
}

const TYPE_TH: Record<string, string> = {
  string: "ข้อความ",
  object: "กลุ่มหัวข้อย่อย (ย่อหน้าเข้าไปใต้หัวข้อ)",
  array: "รายการ (แต่ละบรรทัดขึ้นต้นด้วย - )",
  undefined: "ค่าว่าง",
};
const TYPE_EN: Record<string, string> = { string: "text", object: "a map of keys", array: "a list", undefined: "empty" };

function kindOf(v: unknown): string {
  return Array.isArray(v) ? "array" : v === null || v === undefined ? "undefined" : typeof v;
}

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const p of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

function issueToDiagnostics(issue: z.core.$ZodIssue, loaded: LoadedYaml, schema: z.ZodType): Diagnostic[] {
  const path = issue.path;
  const field = fieldName(path);
  switch (issue.code) {
    case "custom": {
      const params = (issue.params ?? {}) as Record<string, string | number>;
      const code = (params.itadoc ?? "E_TYPE") as Code;
      const { itadoc: _drop, ...rest } = params;
      return [error(code, { field, ...rest }, nodePos(loaded, path))];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const pos = nodePos(loaded, [...path, key], "key");
        // "scores" with a zero-width space inside looks exactly like "scores": name the character, not "did you mean scores".
        const odd = oddChars(key)[0];
        if (odd) {
          const clean = withoutOdd(key);
          return error("E_KEY_INVISIBLE", { key: showOdd(key), field: fieldName(path), char: odd.name, at: odd.at, clean, suggestion: closestKey(clean, schema, path) ?? "" }, pos);
        }
        return error("E_UNKNOWN_KEY", { key, field: fieldName(path), suggestion: closestKey(key, schema, path) ?? "" }, pos);
      });
    case "invalid_union": {
      // A text-or-list field whose value has the right shape but fails a check inside (a control
      // character, an emoji): report that check, not "must be text" about a value that is text.
      const matched = issue.errors.find((option) => !option.some((i) => i.code === "invalid_type" && i.path.length === 0));
      if (matched && matched.length > 0) {
        return matched.flatMap((i) => issueToDiagnostics({ ...i, path: [...path, ...i.path] } as z.core.$ZodIssue, loaded, schema));
      }
    }
    // falls through
    case "invalid_type": {
      const found = valueAt(loaded.data, path);
      if (found === undefined && isEmptyValue(loaded, path)) {
        return [error("E_TO_FILL", { field, key: String(path[path.length - 1] ?? "") }, nodePos(loaded, path, "key"))];
      }
      if (found === undefined) {
        return [error("E_REQUIRED", { field, key: String(path[path.length - 1] ?? "") }, nodePos(loaded, path))];
      }
      const expected = issue.code === "invalid_type" ? issue.expected : "string";
      return [
        error(
          "E_TYPE",
          {
            field,
            expectedTh: TYPE_TH[expected] ?? expected,
            expectedEn: TYPE_EN[expected] ?? expected,
            foundTh: TYPE_TH[kindOf(found)] ?? kindOf(found),
            foundEn: TYPE_EN[kindOf(found)] ?? kindOf(found),
          },
          nodePos(loaded, path),
        ),
      ];
    }
    case "too_small":
      return [error("E_TEXT_EMPTY", { field }, nodePos(loaded, path))];
    default:
      return [error("E_TYPE", { field, expectedTh: "ค่าที่ถูกต้อง", expectedEn: "a valid value", foundTh: `"${issue.message}"`, foundEn: issue.message }, nodePos(loaded, path))];
  }
}

/**
 * A misspelt key ("subjet") is both an unknown key and a missing one; the
 * clerk needs one message: the unknown key with its "did you mean subject".
 */
function withoutMissingForMisspelt(ds: Diagnostic[]): Diagnostic[] {
  const suggested = new Set(
    ds
      .filter((d) => (d.code === "E_UNKNOWN_KEY" || d.code === "E_KEY_INVISIBLE") && d.params.suggestion)
      .map((d) => (d.params.field === fieldName([]) ? String(d.params.suggestion) : `${d.params.field}.${d.params.suggestion}`)),
  );
  return ds.filter((d) => !(d.code === "E_REQUIRED" && suggested.has(String(d.params.field))));
}

/** The key is typed but nothing follows it (`I1:`): a value still to fill in, as `itadoc new-year` leaves it, not a missing key. */
function isEmptyValue(loaded: LoadedYaml, path: Path): boolean {
  if (path.length === 0) return false;
  const node = loaded.doc.getIn(path as unknown[], true);
  return isScalar(node) && node.value === null;
}

/**
 * One "still to fill in" message per group: the ten scores of a new year are
 * one to-do, not ten. Keys of one map are grouped, and the same key of the
 * items of one list (`oit_items[1].score`, `oit_items[2].score`).
 */
export function groupToFill(ds: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  const out: (Diagnostic | string)[] = [];
  for (const d of ds) {
    if (d.code !== "E_TO_FILL" && d.code !== "W_TO_FILL") {
      out.push(d);
      continue;
    }
    const field = String(d.params.field);
    const item = /^(.*)\[(\d+)\]\.([^.[\]]+)$/.exec(field);
    const leaf = /^(.*)\.([^.[\]]+)$/.exec(field);
    const key = `${d.code}|${item ? `${item[1]}[].${item[3]}` : leaf ? leaf[1]! : field}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      out.push(key);
    }
    groups.get(key)!.push(d);
  }
  return out.map((x) => {
    if (typeof x !== "string") return x;
    const members = groups.get(x)!;
    if (members.length === 1) return members[0]!;
    const item = /^[^|]*\|(.*)\[\]\.(.+)$/.exec(x);
    const names = members.map((d) => {
      const f = String(d.params.field);
      return item ? (/\[(\d+)\]\.[^.[\]]+$/.exec(f)?.[1] ?? f) : String(d.params.key);
    });
    const params: Record<string, string | number> = item ? { field: item[1]!, key: item[2]!, keys: names.join(", "), count: members.length, items: 1 } : { field: x.slice(x.indexOf("|") + 1), keys: names.join(", "), count: members.length };
    return members[0]!.severity === "error" ? error("E_TO_FILL", params, members[0]!.pos) : warning("W_TO_FILL", params, members[0]!.pos);
  });
}

/** Each distinct diagnostic once (same code, place and parameters), in order. */
export function uniqueDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.pos?.line}|${d.pos?.col}|${JSON.stringify(d.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Optional keys typed with nothing after them (`announced:`), which the
 * schema reads as "not given": as `itadoc new-year` leaves the dates of a
 * new year, each is a to-do the clerk should see. `~` and `null` typed
 * out mean "not given" on purpose and are not listed.
 */
export function emptyOptionalValues(loaded: LoadedYaml, required: readonly Diagnostic[]): Diagnostic[] {
  // The walk that made the data counted them (plain-data.ts): most files have none, and need no second walk.
  if (!loaded.mayHaveEmpty) return [];
  const reported = new Set(required.filter((d) => d.code === "E_TO_FILL").map((d) => String(d.params.field)));
  const out: Diagnostic[] = [];
  // One path array, pushed and popped as the walk goes (this runs over every node of every year file); copied for a hit only.
  const path: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const v = pair.value;
        path.push(String(pair.key.value));
        if (isEmptyTyped(v)) {
          const p = [...path];
          if (!reported.has(fieldName(p))) out.push(warning("W_TO_FILL", { field: fieldName(p), key: p[p.length - 1]! }, nodePos(loaded, p, "key")));
        } else walk(v);
        path.pop();
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        walk(node.items[i]);
        path.pop();
      }
    }
  };
  walk(loaded.doc.contents);
  return out;
}
