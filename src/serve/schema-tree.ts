/**
 * The editor's key completion, derived from the input schema itself (zod →
 * JSON Schema), so a key the validator accepts is a key the page offers and
 * nothing else. Each key's one-line explanation is the comment docs/
 * input-format.md gives it in its annotated examples, where it has one.
 */
import { z } from "zod";
import { OrgFile } from "../input/schema/org.js";
import { YearFile } from "../input/schema/year.js";
import { frameworkFor } from "../ita/frameworks/index.js";

export interface KeyNode {
  readonly key: string;
  readonly doc: string;
  readonly required: boolean;
  /** "map": children are keys; "list": a list whose items have `children` (or are texts); "text": a value. */
  readonly kind: "map" | "list" | "text";
  readonly children?: readonly KeyNode[];
  readonly values?: readonly string[];
}

interface Json {
  readonly type?: string;
  readonly properties?: Record<string, Json>;
  readonly required?: readonly string[];
  readonly items?: Json;
  readonly anyOf?: readonly Json[];
  readonly enum?: readonly string[];
}

function nodesOf(schema: Json, docs: ReadonlyMap<string, string>, path: string): KeyNode[] {
  const obj = objectOf(schema);
  if (!obj?.properties) return [];
  return Object.entries(obj.properties).map(([key, s]) => {
    const p = path ? `${path}.${key}` : key;
    const inner = objectOf(s);
    const list = listOf(s);
    const item = list ? objectOf(list) : undefined;
    const values = s.enum ?? s.anyOf?.find((a) => a.enum)?.enum;
    const kind: KeyNode["kind"] = inner ? "map" : list ? "list" : "text";
    const children = inner ? nodesOf(inner, docs, p) : item ? nodesOf(item, docs, `${p}[]`) : [];
    return {
      key,
      doc: docs.get(p) ?? "",
      required: obj.required?.includes(key) ?? false,
      kind,
      ...(children.length > 0 ? { children } : {}),
      ...(values ? { values: [...values] } : {}),
    };
  });
}

function objectOf(s: Json): Json | undefined {
  if (s.type === "object" && s.properties) return s;
  return s.anyOf?.find((a) => a.type === "object" && a.properties);
}

function listOf(s: Json): Json | undefined {
  if (s.type === "array" && s.items) return s.items;
  return s.anyOf?.find((a) => a.type === "array" && a.items)?.items;
}

/**
 * "key: value   # explanation" lines of the ```yaml examples, by key path
 * ("memo.signer.name"; list items as "memo.approvals[].to").
 */
export function docsFromMarkdown(md: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const block of md.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const stack: { indent: number; key: string }[] = [];
    for (const line of block[1]!.split("\n")) {
      const m = /^(\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):(?:\s(.*))?$/.exec(line);
      if (!m) continue;
      const indent = m[1]!.length + (m[2] ? 2 : 0);
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      if (m[2] && stack.length > 0) stack[stack.length - 1] = { ...stack[stack.length - 1]!, key: stack[stack.length - 1]!.key.replace(/(\[\])?$/, "[]") };
      const path = [...stack.map((s) => s.key), m[3]!].join(".");
      const comment = /(?:^|\s)#\s+(.*)$/.exec(m[4] ?? "")?.[1]?.trim();
      if (comment && !docs.has(path)) docs.set(path, comment);
      stack.push({ indent, key: m[3]! });
    }
  }
  return docs;
}

export interface SchemaTree {
  /** A year file (2564.yaml). */
  readonly keys: readonly KeyNode[];
  /** org.yaml. */
  readonly orgKeys: readonly KeyNode[];
}

/** Each indicator's name in the frameworks' own words (all years' wordings, when they differ): the explanation of its score key. */
function indicatorDocs(docs: Map<string, string>): void {
  const names = new Map<string, string[]>();
  for (let year = 2550; year <= 2600; year++) {
    for (const i of frameworkFor(year)?.indicators ?? []) {
      const list = names.get(i.id) ?? [];
      if (!list.includes(i.name)) list.push(i.name);
      names.set(i.id, list);
    }
  }
  for (const [id, list] of names) {
    for (const parent of ["assessment.scores", "assessment.indicator_analysis"]) if (!docs.has(`${parent}.${id}`)) docs.set(`${parent}.${id}`, list.join(" / "));
  }
}

export function schemaTree(inputFormatMd: string): SchemaTree {
  const docs = docsFromMarkdown(inputFormatMd);
  indicatorDocs(docs);
  const json = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Json;
  return { keys: nodesOf(json(YearFile), docs, ""), orgKeys: nodesOf(json(OrgFile), docs, "") };
}
