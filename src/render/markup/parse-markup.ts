/**
 * The rendered markup → DocModel, or every problem found, each placed at the
 * template file:line that produced it.
 */
import type { DocModel } from "../../model/document.js";
import type { MarkupError, TemplateSources } from "../errors.js";
import { buildModel } from "./build-model.js";
import { locate } from "./locate.js";
import { readTree } from "./read-tree.js";

export type ParseResult = { readonly ok: true; readonly doc: DocModel } | { readonly ok: false; readonly errors: readonly MarkupError[] };

export function parseMarkup(text: string, sources: TemplateSources): ParseResult {
  const tree = readTree(text);
  if (!tree.ok) {
    const { message, line, needle, element } = tree.error;
    const pos = locate(needle, sources);
    return {
      ok: false,
      errors: [{ code: "E_TEMPLATE_MARKUP", message: `${message} (output line ${line})`, ...pos, ...(element ? { element } : {}) }],
    };
  }
  const built = buildModel(tree.roots);
  if (built.ok) return built;
  return {
    ok: false,
    errors: built.errors.map(({ needle, line: _outputLine, ...rest }) => ({ ...rest, ...locate(needle, sources) })),
  };
}
