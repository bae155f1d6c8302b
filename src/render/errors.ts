/**
 * Problems found while loading templates, running them or reading the markup
 * they produce. Positions point at the template a person edits (file:line),
 * never at the rendered output, which nobody sees.
 */
export type MarkupErrorCode =
  | "E_TEMPLATE_ELEMENT"
  | "E_TEMPLATE_ATTRIBUTE"
  | "E_TEMPLATE_MARKUP"
  | "E_TEMPLATE_SYNTAX"
  | "E_TEMPLATE_MISSING_FIELD"
  | "E_TEMPLATE_HELPER"
  | "E_TEMPLATE_OUTPUT"
  | "E_COLUMNS";

export interface MarkupError {
  readonly code: MarkupErrorCode;
  /** English detail for logs and the generic E_TEMPLATE message; tests pin code and position. */
  readonly message: string;
  readonly file: string;
  /** 1-based; 0 when the line could not be found (e.g. an element name built from data). */
  readonly line: number;
  readonly element?: string;
  readonly attribute?: string;
  /** Message parameters besides `detail` (E_TEMPLATE_OUTPUT: template, limit). */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Template file path → the source text the loader read (main template and partials). */
export type TemplateSources = ReadonlyMap<string, string>;

