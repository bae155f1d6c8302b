/**
 * Maps a problem in the rendered markup back to the template a person edits.
 * User data is always escaped, so a tag or attribute name in the output can
 * only come from literal template text: finding that literal gives file:line.
 */
import type { TemplateSources } from "../errors.js";

export type Needle =
  | { readonly type: "element"; readonly name: string }
  /** `value`: the bad value, tried first so the right one of several same-named attributes is found. */
  | { readonly type: "attribute"; readonly element: string; readonly name: string; readonly value?: string }
  | { readonly type: "literal"; readonly text: string };

export interface TemplatePos {
  readonly file: string;
  /** 1-based; 0 when no template holds the literal (e.g. it was built from data). */
  readonly line: number;
}

const COMMENT = /\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?~?\}\}/g;

/** Sources are searched in map order: the main template first, then its partials. */
export function locate(needle: Needle, sources: TemplateSources): TemplatePos {
  const masked = [...sources].map(([file, text]) => [file, maskComments(text)] as const);
  for (const pattern of patternsFor(needle)) {
    for (const [file, text] of masked) {
      pattern.lastIndex = 0;
      const m = pattern.exec(text);
      if (m) return { file, line: lineAt(text, m.index + (m[1]?.length ?? 0)) };
    }
  }
  const first = sources.keys().next();
  return { file: first.done ? "" : first.value, line: 0 };
}

function patternsFor(needle: Needle): RegExp[] {
  switch (needle.type) {
    case "element":
      return [new RegExp(`<${esc(needle.name)}(?![a-z0-9-])`)];
    case "attribute":
      // Group 1 spans from the tag start to the attribute so the line is the attribute's own.
      return [
        ...(needle.value !== undefined && needle.value !== ""
          ? [new RegExp(`(<${esc(needle.element)}(?![a-z0-9-])[^>]*?\\s)${esc(needle.name)}="${esc(needle.value)}"`)]
          : []),
        new RegExp(`(<${esc(needle.element)}(?![a-z0-9-])[^>]*?\\s)${esc(needle.name)}=`),
        new RegExp(`(\\s)${esc(needle.name)}=`),
      ];
    case "literal":
      return needle.text === "" ? [] : [new RegExp(esc(needle.text))];
  }
}

function maskComments(text: string): string {
  return text.replace(COMMENT, (c) => c.replace(/[^\n]/g, " "));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
