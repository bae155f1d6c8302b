/**
 * An organisation folder (org.yaml + one file per fiscal year) → validated,
 * scored data, or every problem found in it. Pure: the CLI reads the bytes.
 * Scoring is not done here: the caller passes the scorer (the pipeline passes
 * ita's checkAssessment), so src/input imports only ita's types and vocabulary.
 */
import { error, warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { AssessmentCheck } from "../ita/check-assessment.js";
import type { YearResult } from "../ita/score-year.js";
import { loadYaml, type LoadedYaml } from "./load-yaml.js";
import { OrgFile } from "./schema/org.js";
import { SECTION_KEYS, YEAR_SECTIONS, YearFileBase, type Assessment, type YearFile, type YearSection } from "./schema/year.js";
import { emptyOptionalValues, groupToFill, nodePos, uniqueDiagnostics, validateWith } from "./validate-input.js";
import { yearFileChecks } from "./year-checks.js";

export interface SourceFile {
  /** Path as shown to the user (relative to where they ran the command). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface YearEntry {
  readonly file: string;
  readonly loaded: LoadedYaml;
  readonly data: YearFile;
  readonly result?: YearResult;
  /** Document sections with errors: left out of `data`, so only their own document is not built. */
  readonly brokenSections: ReadonlySet<YearSection>;
}

export interface OrgInput {
  /** Folder of the organisation as given (used to mirror the output tree). */
  readonly dir: string;
  readonly orgFile: string;
  readonly org: OrgFile;
  readonly orgLoaded: LoadedYaml;
  readonly years: ReadonlyMap<number, YearEntry>;
  /** Year files whose own validation failed: their documents are not built. */
  readonly brokenFiles: ReadonlySet<string>;
}

export interface OrgLoadResult {
  readonly org?: OrgInput;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

const YEAR_FILE = /(^|[\\/])([0-9]{4})\.ya?ml$/;

/** One year's assessment → its scores and the problems the year's framework finds (ita/check-assessment.ts). */
export type ScoreAssessment = (fiscalYear: number, assessment: Assessment, pos: (path: readonly (string | number)[]) => SourcePos) => AssessmentCheck;

export function loadOrganisation(dir: string, orgSource: SourceFile | undefined, yearSources: readonly SourceFile[], scoreAssessment: ScoreAssessment): OrgLoadResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  if (!orgSource) return { errors: [error("E_ORG_MISSING", { dir }, { file: dir, line: 0, col: 0 })], warnings };

  const orgLoad = loadYaml(orgSource.path, orgSource.bytes);
  let orgData: { loaded: LoadedYaml; value: OrgFile } | undefined;
  if (!orgLoad.ok) errors.push(...orgLoad.errors);
  else {
    warnings.push(...orgLoad.warnings);
    const v = validateWith(OrgFile, orgLoad.value);
    if (v.ok) orgData = { loaded: orgLoad.value, value: v.value };
    else errors.push(...groupToFill(v.errors));
  }

  const years = new Map<number, YearEntry>();
  const broken = new Set<string>();
  const parsed: LoadedYaml[] = [];
  for (const src of [...yearSources].sort((a, b) => a.path.localeCompare(b.path))) {
    const entry = loadYearFile(src, errors, warnings, years, parsed, scoreAssessment);
    if (entry) years.set(entry.data.fiscal_year, entry);
    else broken.add(src.path);
  }
  crossCheck(years, errors, warnings);
  warnings.push(...yearFileChecks(parsed));

  if (!orgData) return { errors, warnings };
  return {
    org: { dir, orgFile: orgSource.path, org: orgData.value, orgLoaded: orgData.loaded, years, brokenFiles: broken },
    errors,
    warnings,
  };
}

/** One year file; keys left empty are gathered into one "still to fill in" message per group (required: error, optional: warning). */
function loadYearFile(src: SourceFile, errors: Diagnostic[], warnings: Diagnostic[], years: ReadonlyMap<number, YearEntry>, parsed: LoadedYaml[], score: ScoreAssessment): YearEntry | undefined {
  const own: Diagnostic[] = [];
  const count = parsed.length;
  const entry = checkYearFile(src, own, warnings, years, parsed, score);
  errors.push(...groupToFill(own));
  if (parsed.length > count) warnings.push(...groupToFill(emptyOptionalValues(parsed[parsed.length - 1]!, own)));
  return entry;
}

function checkYearFile(src: SourceFile, errors: Diagnostic[], warnings: Diagnostic[], years: ReadonlyMap<number, YearEntry>, parsed: LoadedYaml[], scoreAssessment: ScoreAssessment): YearEntry | undefined {
  const loaded = loadYaml(src.path, src.bytes);
  if (!loaded.ok) {
    errors.push(...loaded.errors);
    return undefined;
  }
  warnings.push(...loaded.warnings);
  parsed.push(loaded.value);
  // Each document section is checked on its own: its errors stop its document only. All problems are reported at once.
  const sectionErrors: Diagnostic[] = [];
  const brokenSections = new Set<YearSection>();
  const sections: Partial<Pick<YearFile, YearSection>> = {};
  for (const key of SECTION_KEYS) {
    const r = validateWith(YEAR_SECTIONS[key], loaded.value);
    if (!r.ok) {
      sectionErrors.push(...r.errors);
      brokenSections.add(key);
    } else if (r.value[key as keyof typeof r.value] !== undefined) {
      Object.assign(sections, { [key]: r.value[key as keyof typeof r.value] });
    }
  }
  const v = validateWith(YearFileBase, loaded.value);
  if (!v.ok) {
    // A whole-file mistake (a list instead of keys) is found by each section's check too: report it once.
    errors.push(...uniqueDiagnostics([...v.errors, ...sectionErrors]));
    return undefined;
  }
  const rest = Object.fromEntries(Object.entries(v.value).filter(([k]) => !(SECTION_KEYS as readonly string[]).includes(k))) as Omit<YearFile, YearSection>;
  const data: YearFile = { ...rest, ...sections };
  const pos = (path: readonly (string | number)[]): SourcePos => nodePos(loaded.value, path);
  const before = errors.length;
  const fy = data.fiscal_year;
  const nameYear = YEAR_FILE.exec(src.path)?.[2];
  if (nameYear && Number(nameYear) !== fy) errors.push(error("E_YEAR_MISMATCH", { year: fy, fileYear: nameYear }, pos(["fiscal_year"])));
  const other = years.get(fy);
  if (other) errors.push(error("E_YEAR_DUPLICATE", { year: fy, other: other.file }, pos(["fiscal_year"])));
  let result: YearResult | undefined;
  if (data.assessment) {
    const checked = scoreAssessment(fy, data.assessment, pos);
    result = checked.result;
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    const seen = new Set<string>();
    (data.assessment.oit_items ?? []).forEach((item, i) => {
      if (seen.has(item.id)) errors.push(error("E_OIT_ITEM_DUPLICATE", { id: item.id }, pos(["assessment", "oit_items", i, "id"])));
      seen.add(item.id);
    });
  }
  if (errors.length > before) {
    errors.push(...sectionErrors);
    return undefined;
  }
  errors.push(...sectionErrors);
  return { file: src.path, loaded: loaded.value, data, ...(result ? { result } : {}), brokenSections };
}

/** Checks that need several years: last year's OIT item scores. */
function crossCheck(years: ReadonlyMap<number, YearEntry>, _errors: Diagnostic[], warnings: Diagnostic[]): void {
  for (const [fy, entry] of years) {
    const items = entry.data.assessment?.oit_items ?? [];
    const prev = years.get(fy - 1)?.data.assessment?.oit_items;
    items.forEach((item, i) => {
      if (item.score < 100 && item.previous === undefined && !prev?.some((p) => p.id === item.id)) {
        warnings.push(warning("W_PREVIOUS_UNKNOWN", { id: item.id }, nodePos(entry.loaded, ["assessment", "oit_items", i])));
      }
    });
  }
}
