/**
 * Typed data → DocModel through a kind's template: run the compiled template,
 * then read the markup. Every template or data problem comes back as errors
 * with the template's file:line; nothing here throws for them.
 */
import type { MarkupError, TemplateSources } from "./errors.js";
import { HelperError, MissingFieldError, type CallSite } from "./helpers.js";
import type { TemplateSet } from "./load-templates.js";
import { parseMarkup, type ParseResult } from "./markup/parse-markup.js";
import { TemplateRunError } from "./run-error.js";
import { MAX_MARKUP_CHARS, OutputTooLarge, withOutputBudget } from "./output-budget.js";

export type RenderResult = ParseResult;

/**
 * `data` is the template's context; `data.numerals` ("thai" | "arabic") picks
 * the digits helpers print. The kind's columns.yaml is available to the
 * template as @columns.
 */
export function renderDocument(set: TemplateSet, kind: string, data: object): RenderResult {
  const t = set.kinds.get(kind);
  if (!t) {
    return {
      ok: false,
      errors: [{
        code: "E_TEMPLATE_SYNTAX",
        message: `no template for document kind "${kind}"; found: ${[...set.kinds.keys()].sort().join(", ") || "none"}`,
        file: `${kind}/${kind}.hbs`,
        line: 0,
      }],
    };
  }
  let markup: string;
  try {
    markup = withOutputBudget(() => t.main(data, { partials: t.partials, data: { columns: set.data[kind]?.columns } }));
  } catch (e) {
    return { ok: false, errors: [runError(e, t.file, t.sources)] };
  }
  if (markup.length > MAX_MARKUP_CHARS) return { ok: false, errors: [tooLarge(t.file)] };
  return parseMarkup(markup, t.sources);
}

/** Named after the main template: the clerk knows which document's template set to look at. */
function tooLarge(mainFile: string): MarkupError {
  return { code: "E_TEMPLATE_OUTPUT", message: `more than ${MAX_MARKUP_CHARS} characters`, file: mainFile, line: 0, params: { template: mainFile, limit: MAX_MARKUP_CHARS.toLocaleString("en-US") } };
}

function runError(e: unknown, mainFile: string, sources: TemplateSources): MarkupError {
  const file = e instanceof TemplateRunError ? e.file : mainFile;
  const cause = e instanceof TemplateRunError ? e.cause : e;
  if (cause instanceof OutputTooLarge) return tooLarge(mainFile);
  if (cause instanceof MissingFieldError) {
    const call = callText(sources.get(file), cause.site);
    return { code: "E_TEMPLATE_MISSING_FIELD", message: `the data has no value for ${call}`, file, line: cause.site?.line ?? 0 };
  }
  if (cause instanceof HelperError) {
    return { code: "E_TEMPLATE_HELPER", message: cause.message, file, line: cause.site?.line ?? 0 };
  }
  const err = cause as { message?: unknown; lineNumber?: unknown };
  const message = typeof err.message === "string" ? err.message : String(cause);
  const line = typeof err.lineNumber === "number" ? err.lineNumber : 0;
  // Strict mode: '"name" not defined in [object Object] - 3:4'.
  const missing = /^"([^"]*)" not defined in /.exec(message);
  if (missing) {
    return { code: "E_TEMPLATE_MISSING_FIELD", message: `the data has no field "${missing[1]}"`, file, line };
  }
  return { code: "E_TEMPLATE_SYNTAX", message: message.replace(/ - \d+:\d+$/, ""), file, line };
}

/** The "{{t name}}" a person wrote, cut from the template at the call site, for the message. */
function callText(source: string | undefined, site: CallSite | undefined): string {
  const line = site && source?.split("\n")[site.line - 1];
  if (!site || !line) return "a helper argument";
  const rest = line.slice(site.column);
  const close = rest.indexOf("}}");
  return close >= 0 ? rest.slice(0, close + 2) : rest.trim();
}
