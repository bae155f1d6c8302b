/**
 * An organisation folder (org.yaml + one file per fiscal year) → validated,
 * scored data, or every problem found in it. Pure: the CLI reads the bytes.
 */
import { error, info, warning, type Diagnostic, type SourcePos } from "../diag/diagnostic.js";
import type { Framework } from "../ita/framework.js";
import { frameworkFor, knownYears } from "../ita/frameworks/index.js";
import { scoreYear, type YearResult } from "../ita/score-year.js";
import { countsMismatch, peerCategories, sumOfCounts } from "../ita/peers.js";
import { checkOitItems } from "./check-oit-items.js";
import { loadYaml, type LoadedYaml } from "./load-yaml.js";
import { OrgFile } from "./schema/org.js";
import { SECTION_KEYS, YEAR_SECTIONS, YearFileBase, type YearFile, type YearSection } from "./schema/year.js";
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

export function loadOrganisation(dir: string, orgSource: SourceFile | undefined, yearSources: readonly SourceFile[]): OrgLoadResult {
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
    const entry = loadYearFile(src, errors, warnings, years, parsed);
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
function loadYearFile(src: SourceFile, errors: Diagnostic[], warnings: Diagnostic[], years: ReadonlyMap<number, YearEntry>, parsed: LoadedYaml[]): YearEntry | undefined {
  const own: Diagnostic[] = [];
  const count = parsed.length;
  const entry = checkYearFile(src, own, warnings, years, parsed);
  errors.push(...groupToFill(own));
  if (parsed.length > count) warnings.push(...groupToFill(emptyOptionalValues(parsed[parsed.length - 1]!, own)));
  return entry;
}

function checkYearFile(src: SourceFile, errors: Diagnostic[], warnings: Diagnostic[], years: ReadonlyMap<number, YearEntry>, parsed: LoadedYaml[]): YearEntry | undefined {
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
  const fw = frameworkFor(fy);
  let result: YearResult | undefined;
  if (data.assessment) {
    if (!fw) errors.push(error("E_YEAR_UNKNOWN", { year: fy, known: knownYears() }, pos(["fiscal_year"])));
    else {
      result = scoreYear(fy, data.assessment, fw, (p) => pos(["assessment", ...p]));
      warnings.push(...result.warnings);
      // Nothing for the clerk to fix: a note, not a warning.
      if (fw.legacy) warnings.push(info("W_LEGACY_YEAR", { year: fy }, pos(["assessment"])));
      const provisional = provisionalNote(fw);
      if (provisional) warnings.push(provisional);
      const oit = checkOitItems(data.assessment.oit_items ?? [], fw, pos);
      errors.push(...oit.errors);
      warnings.push(...oit.warnings);
    }
    const peers = data.assessment.peers;
    if (peers && fw) {
      const cats = peerCategories(fw);
      const { missing, foreign } = countsMismatch(peers, cats);
      if (missing.length || foreign.length) {
        errors.push(error("E_PEERS_COUNTS", { year: fy, expected: cats.all.join(", "), missing: missing.join(", ") || "-", foreign: foreign.join(", ") || "-" }, pos(["assessment", "peers", "counts"])));
      }
    }
    if (peers && sumOfCounts(peers) !== peers.total) {
      errors.push(error("E_PEERS_TOTAL", { sum: sumOfCounts(peers), total: peers.total }, pos(["assessment", "peers", "total"])));
    }
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

/**
 * What in the program's data for this year is provisional, as one note per
 * year. It is about the program, not the clerk's file: it carries no position,
 * so a run that loads the same year for many organisations shows it once
 * (identical diagnostics are merged), and it is not a warning the clerk can
 * act on (--strict does not count it).
 */
function provisionalNote(fw: Framework): Diagnostic | undefined {
  if (fw.provisional.length === 0) return undefined;
  return info("W_PROVISIONAL", { year: fw.year, whatTh: fw.provisional.map((n) => n.th).join("; "), whatEn: fw.provisional.map((n) => n.en).join("; ") });
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
