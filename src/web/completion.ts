/** Key completion from the schema tree the server derives from the zod schema (GET /api/schema). */
import type { CompletionContext, CompletionResult, Completion } from "@codemirror/autocomplete";
import type { SchemaKey } from "./api.js";
import { keysAt, parentPath, siblingKeys } from "./key-path.js";

export function schemaCompletion(schema: () => readonly SchemaKey[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    const lines = ctx.state.doc.toString().split("\n");
    const lineNo = line.number - 1;

    // A value after `key: `: the schema's choices for that key.
    const value = /^((?:\s*-\s+)*\s*)([^\s#:'"][^:#]*?)\s*:\s+(\S*)$/.exec(before);
    if (value) {
      const indent = value[1]!.length;
      const node = keysAt(schema(), parentPath(lines, lineNo, indent)).find((k) => k.key === value[2]);
      if (!node?.values?.length) return null;
      return { from: ctx.pos - value[3]!.length, options: node.values.map((v) => ({ label: v, type: "enum" })), validFor: /^\S*$/ };
    }

    // A key: only where the line holds nothing but indentation, list markers and the word being typed.
    const key = /^((?:\s*-\s+)*\s*)([\w.-]*)$/.exec(before);
    if (!key || (!ctx.explicit && key[2]!.length === 0)) return null;
    const indent = key[1]!.length;
    const taken = siblingKeys(lines, lineNo, indent);
    const candidates = keysAt(schema(), parentPath(lines, lineNo, indent)).filter((k) => !taken.has(k.key));
    if (candidates.length === 0) return null;
    const childIndent = " ".repeat(indent + 2);
    const options: Completion[] = candidates.map((k) => ({
      label: k.key,
      type: k.children ? "namespace" : "property",
      ...(k.doc ? { info: k.doc } : {}),
      apply: k.children ? `${k.key}:\n${childIndent}` : `${k.key}: `,
    }));
    return { from: ctx.pos - key[2]!.length, options, validFor: /^[\w.-]*$/ };
  };
}
