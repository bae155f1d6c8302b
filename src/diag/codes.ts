/**
 * Every diagnostic code itadoc can report. Codes are the stable contract
 * (tests and --json consumers pin them); the wording lives in messages.*.ts.
 */
export const CODES = [
  // reading files
  "E_FILE_READ",
  "E_FILE_ENCODING",
  "E_FILE_TOO_LARGE",
  "E_YAML_SYNTAX",
  "E_YAML_DUPLICATE_KEY",
  "E_YAML_ALIAS",
  "E_YAML_DEPTH",
  "E_YAML_TAB",
  // shape of the input
  "E_REQUIRED",
  "E_TYPE",
  "E_UNKNOWN_KEY",
  "E_ENUM",
  "E_TEXT_EMPTY",
  "E_TEXT_CONTROL",
  "E_TEXT_GLYPH",
  "E_INTEGER",
  // values
  "E_SCORE_FORMAT",
  "E_SCORE_RANGE",
  "E_SCORE_DECIMALS",
  "E_DATE_FORMAT",
  "E_DATE_IMPOSSIBLE",
  "E_DATE_YEAR",
  "E_YEAR_UNKNOWN",
  "E_YEAR_MISMATCH",
  "E_YEAR_DUPLICATE",
  "E_YEAR_NOT_FOUND",
  "E_ORG_MISSING",
  "E_PEERS_TOTAL",
  "E_OIT_ITEM_ID",
  "E_OIT_ITEM_DUPLICATE",
  "E_INDICATOR_ID",
  "E_MEMO_YEAR_MISSING",
  "E_ASSESSMENT_MISSING",
  "E_COLUMN_UNKNOWN",
  // templates and output
  "E_TEMPLATE",
  "E_TEMPLATE_ELEMENT",
  "E_TEMPLATE_ATTRIBUTE",
  "E_TEMPLATE_MARKUP",
  "E_TEMPLATE_SYNTAX",
  "E_TEMPLATE_MISSING_FIELD",
  "E_TEMPLATE_HELPER",
  "E_EMBLEM",
  "E_EXPORT",
  "E_PDF_FONT",
  "E_PDF_GLYPH",
  "E_WRITE",
  // command line
  "E_USAGE",
  "E_PATH_NOT_FOUND",
  "E_NO_INPUT",
  "E_INTERNAL",
  // warnings
  "W_OFFICIAL_DIFFERS",
  "W_GRADE_DIFFERS",
  "W_DRAFTED",
  "W_PROVISIONAL",
  "W_PREVIOUS_UNKNOWN",
  "W_EMBLEM_MISSING",
  "W_LEGACY_YEAR",
  "W_PERCENT_ADJUSTED",
  "W_STALE_REMOVED",
] as const;

export type Code = (typeof CODES)[number];
