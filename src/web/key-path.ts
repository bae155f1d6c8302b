/**
 * Where in the YAML tree a line is, from indentation alone: the page must
 * complete keys while the text is half typed and does not parse. Sequence
 * items (`- key:`) are transparent, so the keys of a list's items complete
 * like the keys of a map.
 */
import type { SchemaKey } from "./api.js";

interface LineShape {
  /** Column where the key (or the text) starts, after any `- ` markers. */
  readonly indent: number;
  readonly key?: string;
}

const KEY = /^((?:\s*-\s+)*\s*)([^\s#:'"][^:#]*?)\s*:(?:\s|$)/;

export function shapeOf(line: string): LineShape | undefined {
  if (/^\s*(#|$)/.test(line)) return undefined;
  const m = KEY.exec(line);
  if (m) return { indent: m[1]!.length, key: m[2]! };
  const lead = /^(?:\s*-\s+)*\s*/.exec(line)![0].length;
  return { indent: lead };
}

/** The keys above `indent` at line `lineNo` (0-based): the path of the map the line belongs to. */
export function parentPath(lines: readonly string[], lineNo: number, indent: number): string[] {
  const path: string[] = [];
  let limit = indent;
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const shape = shapeOf(lines[i]!);
    if (!shape || shape.indent >= limit) continue;
    // A line less indented than the current one: its key is the parent, unless it is a plain value line.
    const dash = /^(\s*)-\s/.exec(lines[i]!);
    if (shape.key !== undefined) {
      path.unshift(shape.key);
      limit = dash && dash[1]!.length < shape.indent ? dash[1]!.length : shape.indent;
    } else {
      limit = dash ? dash[1]!.length : shape.indent;
    }
  }
  return path;
}

/** The keys the schema allows at `path`, or none when the path leaves the schema. */
export function keysAt(schema: readonly SchemaKey[], path: readonly string[]): readonly SchemaKey[] {
  let level: readonly SchemaKey[] = schema;
  for (const key of path) {
    const next = level.find((k) => k.key === key);
    if (!next?.children) return [];
    level = next.children;
  }
  return level;
}

/** The keys already written in the map that line `lineNo` belongs to (so completion does not offer them again). */
export function siblingKeys(lines: readonly string[], lineNo: number, indent: number): Set<string> {
  const seen = new Set<string>();
  const startsItem = (i: number): boolean => /^\s*-\s/.test(lines[i]!);
  // Upwards to the line that opened this map (a sequence item's first key opens one).
  if (!startsItem(lineNo)) {
    for (let i = lineNo - 1; i >= 0; i--) {
      const shape = shapeOf(lines[i]!);
      if (!shape) continue;
      if (shape.indent < indent) break;
      if (shape.indent === indent && shape.key !== undefined) seen.add(shape.key);
      if (shape.indent === indent && startsItem(i)) break;
    }
  }
  // Downwards to the next item or the end of the map.
  for (let i = lineNo + 1; i < lines.length; i++) {
    const shape = shapeOf(lines[i]!);
    if (!shape) continue;
    if (shape.indent < indent || (shape.indent === indent && startsItem(i))) break;
    if (shape.indent === indent && shape.key !== undefined) seen.add(shape.key);
  }
  return seen;
}
