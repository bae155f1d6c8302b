import type { Code } from "./codes.js";
import type { MessageEntry } from "./messages.th.js";

/** English wording (--lang en), one entry per code. */
export const MESSAGES_EN: Record<Code, MessageEntry> = {
  E_FILE_READ: { msg: (p) => `cannot read the file (${p.reason})`, hint: () => "check that the file exists and is readable" },
  E_FILE_ENCODING: { msg: () => "the file is not UTF-8 (it has bytes that are not characters)", hint: () => "open it in a text editor and save it again as UTF-8" },
  E_FILE_TOO_LARGE: { msg: (p) => `the file is too large (${p.size} bytes, limit ${p.limit})`, hint: () => "one organisation-year is a few kilobytes; check the file" },
  E_YAML_SYNTAX: { msg: (p) => `invalid YAML: ${p.detail}${p.excerpt ? `\n${p.excerpt}` : ""}`, hint: () => "check indentation (spaces, not tabs) and the ':' after each key" },
  E_YAML_DUPLICATE_KEY: { msg: (p) => `key "${p.key}" appears twice at the same level`, hint: () => "remove or merge the duplicate (often left from copying last year)" },
  E_YAML_ALIAS: { msg: () => "the file uses too many aliases (*)", hint: () => "type the data out instead of & and * references" },
  E_YAML_DEPTH: { msg: (p) => `data nested too deeply (more than ${p.limit} levels)`, hint: () => "check the file's indentation" },
  E_YAML_TAB: { msg: () => "indented with a tab, which YAML does not allow", hint: () => "replace the tabs at the start of the line with spaces, lined up with the other keys of the same level" },
  E_YAML_COLON: {
    msg: (p) => `the text of "${p.key}" contains ":" followed by a space, which YAML reads as a new key, not as text\n${p.excerpt}`,
    hint: (p) => `put the whole text in quotes: ${p.suggestion}`,
  },
  E_YAML_INDENT: {
    msg: (p) =>
      `this line is not indented like the other lines of its level${Number(p.expected) >= 0 ? ` (${p.found} spaces; line ${p.refLine} has ${p.expected})` : ""}\n${p.excerpt}`,
    hint: (p) =>
      Number(p.expected) >= 0
        ? `indent the line by ${p.expected} spaces like line ${p.refLine} (keys of one level and items of one list start in the same column), then validate again`
        : "keys of one level and the items (- ) of one list must start in the same column; add or remove spaces at the start of this line, then validate again",
  },
  E_REQUIRED: { msg: (p) => `missing required key: ${p.field}`, hint: (p) => `add "${p.key}:" with a value (see examples/ or itadoc init)` },
  E_TO_FILL: {
    msg: (p) => (p.items ? `${p.key} of ${p.count} items of ${p.field} is still to be filled in (items ${p.keys})` : Number(p.count) > 1 ? `${p.count} keys of ${p.field} are still to be filled in: ${p.keys}` : `${p.field} is still to be filled in (the key is there, its value is empty)`),
    hint: () => "type this year's value after the ':' (e.g. the published score or the date), or remove keys you do not use",
  },
  E_TYPE: { msg: (p) => `${p.field} must be ${p.expectedEn} but is ${p.foundEn}`, hint: () => "see the input format section of the README" },
  E_UNKNOWN_KEY: { msg: (p) => `unknown key "${p.key}" in ${p.field}`, hint: (p) => (p.suggestion ? `did you mean "${p.suggestion}"?` : "check the spelling or the indentation") },
  E_ENUM: { msg: (p) => `${p.field} has the value "${p.value}", which is not allowed`, hint: (p) => `use one of: ${p.allowed}` },
  E_TEXT_EMPTY: { msg: (p) => `${p.field} must not be empty`, hint: () => "type the text, or remove the key if unused" },
  E_TEXT_CONTROL: { msg: (p) => `${p.field} contains an unprintable control character (U+${p.char})`, hint: () => "remove stray characters (often pasted from a PDF or web page)" },
  E_TEXT_GLYPH: { msg: (p) => `${p.field} contains ${p.char} (U+${p.code}), which the document font cannot print (it would show as a blank or a box)`, hint: () => "remove the emoji or symbol, or write it as a word" },
  E_INTEGER: { msg: (p) => `${p.field} must be a non-negative whole number (found "${p.value}")`, hint: () => "type a whole number such as 43 or ๔๓" },
  E_SCORE_FORMAT: { msg: (p) => `score ${p.field} is not a number (found "${p.value}")`, hint: () => "type the score as a number, e.g. 92.44 or ๙๒.๔๔" },
  E_SCORE_RANGE: { msg: (p) => `score ${p.field} must be between 0 and 100 (found ${p.value})`, hint: () => "scores are between 0 and 100; check against the year's ITA report" },
  E_SCORE_DECIMALS: { msg: (p) => `score ${p.field} has more than 2 decimals (found ${p.value})`, hint: () => "use at most 2 decimals, as the ITA system publishes" },
  E_DATE_FORMAT: { msg: (p) => `date ${p.field} cannot be read (found "${p.value}")`, hint: () => "type 2563-09-29 or 29 กันยายน 2563 (Buddhist-era year)" },
  E_DATE_IMPOSSIBLE: { msg: (p) => `date ${p.field} does not exist (found "${p.value}")`, hint: () => "check day and month, e.g. February has at most 29 days" },
  E_DATE_YEAR: { msg: (p) => `the year of date ${p.field} looks Gregorian (found "${p.value}")`, hint: () => "use the Buddhist-era year (BE = CE + 543), e.g. 2563" },
  E_YEAR_UNKNOWN: { msg: (p) => `unknown fiscal year ${p.year} (frameworks exist for ${p.known})`, hint: () => "check the Buddhist-era fiscal year" },
  E_YEAR_MISMATCH: { msg: (p) => `fiscal_year in the file (${p.year}) does not match the file name (${p.fileYear})`, hint: () => "after copying last year's file, update fiscal_year" },
  E_YEAR_NOT_FOUND: { msg: (p) => `no file for fiscal year ${p.years} given with --year (present: ${p.present})`, hint: () => "check the year after --year, or add that year's file" },
  E_YEAR_DUPLICATE: { msg: (p) => `fiscal year ${p.year} is in more than one file (${p.other})`, hint: () => "keep one file per year" },
  E_ORG_MISSING: { msg: (p) => `no org.yaml in folder ${p.dir}`, hint: () => "each organisation folder needs an org.yaml (itadoc init makes one)" },
  E_PEERS_COUNTS: { msg: (p) => `peer counts for ${p.year} must give ${p.expected}${p.missing !== "-" ? ` (missing ${p.missing})` : ""}${p.foreign !== "-" ? ` (${p.foreign} not used that year)` : ""}`, hint: () => "up to 2565 count by grade AA–F; from 2566 by result label" },
  E_PEERS_TOTAL: { msg: (p) => `the grade counts add up to ${p.sum}, not the stated total ${p.total}`, hint: () => "check the counts against the NACC announcement" },
  E_OIT_ITEM_ID: { msg: (p) => `invalid OIT item id "${p.value}"`, hint: () => "use O followed by a number, e.g. O17" },
  E_OIT_ITEM_DUPLICATE: { msg: (p) => `OIT item ${p.id} is listed twice`, hint: () => "remove the duplicate" },
  E_OIT_ITEM_UNKNOWN: { msg: (p) => `OIT item ${p.id} does not exist in the ${p.year} OIT checklist (items ${p.range})`, hint: () => "check the item number against that year's OIT result (2566 renumbered every item)" },
  E_INDICATOR_ID: { msg: (p) => `unknown indicator "${p.value}" for ${p.year}`, hint: (p) => `use ${p.allowed}` },
  E_MEMO_YEAR_MISSING: { msg: (p) => `the memo's comparison table needs the ${p.year} results, which are missing`, hint: () => "add that year's file to the folder or change memo.years" },
  E_ASSESSMENT_MISSING: { msg: (p) => `the ${p.kind} document needs the ${p.year} results, which are missing`, hint: () => "add assessment: to that year's file or change the year referred to" },
  E_COLUMN_UNKNOWN: { msg: (p) => `measure ${p.row} has key "${p.key}" that is not a table column (${p.allowed})`, hint: () => "fix the key or add the column to measures.columns" },
  E_OUTPUT_CLASH: { msg: (p) => `document ${p.name} would be made from two files (this one and ${p.other}); the output names clash`, hint: () => "a fiscal year's measures belong in one file: remove measures: from one of them or fix measures.fiscal_year" },
  E_TEMPLATE: { msg: (p) => `template error: ${p.detail}`, hint: () => "check the edited template (--templates) or use the built-in templates" },
  E_TEMPLATE_ELEMENT: { msg: (p) => `the template uses an unknown element: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_TEMPLATE_ATTRIBUTE: { msg: (p) => `the template uses an unknown attribute or a bad value: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_TEMPLATE_MARKUP: { msg: (p) => `the template's markup is malformed: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_TEMPLATE_SYNTAX: { msg: (p) => `Handlebars syntax error in the template: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_TEMPLATE_MISSING_FIELD: { msg: (p) => `the template refers to data that does not exist: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_TEMPLATE_HELPER: { msg: (p) => `a template helper failed: ${p.detail}`, hint: () => "fix the template at the line given, or use the built-in templates (no --templates)" },
  E_EMBLEM: { msg: (p) => `cannot use the emblem image ${p.path}: ${p.reasonEn}; the memo is not made`, hint: () => "point settings.emblem in org.yaml at an existing PNG or JPEG of at most 5 MB, or remove the line to make the memo without an emblem" },
  E_EXPORT: { msg: (p) => `could not make the ${p.format} file: ${p.detail}`, hint: () => "report this with the input file" },
  E_WRITE: { msg: (p) => `cannot write ${p.path} (${p.reason})`, hint: () => "check permissions and free space of the output folder" },
  E_OUT_LOCKED: {
    msg: (p) => `output folder ${p.path} is in use by another itadoc build (process ${p.pid} on ${p.host}, started ${p.started}); not building over it`,
    hint: (p) => `wait for that build to finish and run again, or use another --out; if you are sure none is running, delete ${p.lock}`,
  },
  E_USAGE: { msg: (p) => `${p.detail}`, hint: () => "see itadoc --help" },
  E_PATH_NOT_FOUND: { msg: (p) => `no such file or folder: ${p.path}`, hint: () => "check the name and location" },
  E_NO_INPUT: { msg: (p) => `no input files (.yaml) in ${p.path}`, hint: () => "give an organisation folder with org.yaml and year files" },
  E_NEW_YEAR_EXISTS: { msg: (p) => `${p.path} already exists; not overwritten`, hint: () => "to start that year again, move or rename the existing file first, or pick another year with --to" },
  E_NEW_YEAR_SOURCE: {
    msg: (p) => (p.from ? `no file for fiscal year ${p.from} in ${p.dir} (present: ${p.present || "-"})` : `no year file (such as 2568.yaml) in ${p.dir}`),
    hint: () => "name the organisation folder that holds last year's file, or choose the source year with --from",
  },
  E_INTERNAL: { msg: (p) => `internal error: ${p.detail}`, hint: () => "report this with the input file" },
  W_OFFICIAL_DIFFERS: { msg: (p) => `published ${p.field} (${p.official}) differs from the value computed from the indicators (${p.computed}); the published value is used`, hint: () => "check the indicator scores against the ITA report; if they match, nothing to fix" },
  W_GRADE_DIFFERS: { msg: (p) => `published grade (${p.official}) differs from the grade of score ${p.total} (${p.computed}); the published grade is used`, hint: () => "check against the NACC announcement" },
  W_DRAFTED: { msg: (p) => `"${p.what}" was drafted from the numbers: ${p.text}`, hint: () => "review this text before sign-off, or type your own in the input file" },
  W_PROVISIONAL: { msg: (p) => `the ${p.year} framework is provisional (${p.whatEn})`, hint: () => "check item names and bands against that year's ITA manual" },
  W_PREVIOUS_UNKNOWN: { msg: (p) => `no previous-year score for item ${p.id}`, hint: () => "give previous: in the item, or list the item in last year's file" },
  W_EMBLEM_MISSING: { msg: (p) => (p.path ? `emblem image not found: ${p.path}` : "no emblem configured; the memo will have no Garuda emblem"), hint: () => "set settings.emblem in org.yaml to the path of a PNG or JPEG of the Garuda emblem" },
  W_LEGACY_YEAR: { msg: (p) => `${p.year} used the earlier assessment model; figures are shown as typed`, hint: () => "nothing to fix" },
  W_STALE_REMOVED: { msg: (p) => `removed ${p.path} from an earlier run: its input now has errors`, hint: () => "fix the errors and build again; the document is made anew from correct data" },
  W_OIT_ITEM_UNCHECKED: { msg: (p) => `OIT item(s) ${p.ids} are not in the program's provisional ${p.year} item list (${p.range})`, hint: () => "check the numbers against that year's OIT result; if they are right, type each item's name:" },
  W_OIT_NAMES_MISSING: { msg: (p) => `OIT items without a name (the program has no ${p.year} item names): ${p.ids}; documents print the code only`, hint: () => "type name: for each item as the OIT result names it, e.g. name: ข้อมูลการติดต่อ" },
  W_LABEL_DIFFERS: { msg: (p) => `published result (${p.official}) differs from the result of score ${p.total} (${p.computed}); the published result is used`, hint: () => "check against the NACC announcement (ผ่านดี needs every tool at 85 or more)" },
  W_RESULT_SCHEME: { msg: (p) => (p.scheme === "label" ? `from ${p.year} the NACC publishes result labels (ผ่านดีเยี่ยม/ผ่านดี/ผ่าน …), not grades AA–F: official.grade is ignored` : `in ${p.year} the NACC published grades AA–F: official.label is ignored`), hint: (p) => (p.scheme === "label" ? "remove grade:, or type label: as published, e.g. label: ผ่าน" : "remove label:, or type grade: as published") },
  W_STALE_KEPT: { msg: (p) => `kept ${p.path} from an earlier run although its input now has errors: the file was edited after itadoc made it, so it may not match the current data`, hint: () => "fix the errors and build again; the new document is written beside the edited file" },
  W_OUTPUT_EDITED: { msg: (p) => `did not overwrite ${p.path}: it was edited after itadoc made it; the new document is ${p.written}`, hint: () => "compare the two and keep the one you want; to drop the edited copy, delete it and build again" },
  W_MANIFEST_IGNORED: {
    msg: (p) => `ignored the build record ${p.path}: ${MANIFEST_WHY_EN[String(p.why)] ?? p.why}${p.size ? ` (${p.size} MB, limit ${p.limit} MB)` : ""}; every document of this organisation is checked and built again`,
    hint: () => "nothing to fix; itadoc writes a new record, and documents someone edited are not overwritten",
  },
  W_MANIFEST_ENTRY: { msg: (p) => `skipped ${p.count} entries of ${p.path} that are not document names in this folder (e.g. ${p.example}); itadoc will not remove or replace files by them`, hint: () => "nothing to fix; the entries are dropped from the record. Do not edit this file by hand" },
  W_LOCK_STALE: { msg: (p) => `found lock ${p.lock} left by a build that has stopped (process ${p.pid}, started ${p.started}); continuing`, hint: () => "nothing to fix" },
  W_PERCENT_ADJUSTED: { msg: (p) => `percentage of grade ${p.grade} adjusted by ${p.delta} so the total is 100.00`, hint: () => "nothing to fix (largest-remainder rounding)" },
  W_TO_FILL: {
    msg: (p) => (p.items ? `${p.key} of ${p.count} items of ${p.field} is still empty (items ${p.keys})` : Number(p.count) > 1 ? `${p.count} keys of ${p.field} are still empty: ${p.keys}` : `${p.field} is still empty (the documents will go without it)`),
    hint: () => "type this year's value after the ':', or remove the key if unused (or type ~ to leave it empty on purpose)",
  },
  W_YAML_COMMENT_CUT: {
    msg: (p) => `the text after # was cut off, because YAML reads it as a comment: only "${p.kept}" is read, "${p.cut}" is lost`,
    hint: (p) => `if the # belongs to the text, put the whole text in quotes: ${p.suggestion} (for a real comment leave at least two spaces before # and one after it)`,
  },
  W_SCORES_UNCHANGED: { msg: (p) => `all ${p.count} indicator scores of ${p.year} equal those of ${p.previous} (${p.file})`, hint: () => "the file may have been copied from last year without new scores: type this year's published scores" },
  W_DATE_OUTSIDE_YEAR: {
    msg: (p) =>
      p.reason === "announced"
        ? `date ${p.field} (${p.value}) is before the results were announced (${p.announced})`
        : `date ${p.field} (${p.value}) lies outside the window of a fiscal ${p.year} document (${p.from} to ${p.to})`,
    hint: () => "the file may have been copied from last year: use this year's date (fiscal year N runs 1 October N-1 to 30 September N)",
  },
  W_YEAR_IN_TEXT: { msg: (p) => `${p.field} says "${p.phrase}" but this document is for fiscal year ${p.year}`, hint: (p) => `if it was copied from last year, change ${p.found} to ${p.yearTyped} (itadoc new-year moves the years for you)` },
  W_PLAN_YEAR: {
    msg: (p) => `measures.fiscal_year (${p.planYear}) is neither the file's year (${p.year}) nor the next; the document will be named ${p.name}`,
    hint: (p) => `measures made in the ${p.year} file are for ${p.year} or ${Number(p.year) + 1}: fix measures.fiscal_year (after copying a file, change the year in this key too)`,
  },
  I_SARA_AM: {
    msg: (p) => `sara am typed as two characters (nikhahit ํ + sara aa า, or ำ before its tone mark; usual in text copied from a PDF) was put right in ${p.count} place(s) (line ${p.lines})`,
    hint: () => "nothing to do: the documents print the correct ำ (to fix the file too, retype ำ on that line)",
  },
};

/** Why a build record (.itadoc-manifest.json) was not used: the `why` of W_MANIFEST_IGNORED. */
const MANIFEST_WHY_EN: Record<string, string> = { size: "it is far too large", "not-file": "it is not a regular file (a link, device or folder)", json: "it is damaged (not the JSON itadoc writes)", read: "it cannot be read" };
