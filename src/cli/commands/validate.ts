/**
 * itadoc validate: every problem in every named input at once, and per
 * organisation and year the computed scores next to the official ones.
 */
import type { Diagnostic } from "../../diag/diagnostic.js";
import { diagnosticToJson, formatDiagnostic } from "../../diag/format.js";
import type { YearResult } from "../../ita/score-year.js";
import type { CliIO } from "../io.js";
import { Exit } from "../io.js";
import { loadInputs } from "../load-inputs.js";
import { collectDocumentWarnings } from "../../documents/plan-documents.js";
import { loadEmblem } from "../build/emblem.js";
import { loadSectionImages } from "../build/section-images.js";
import { PerFileCap } from "../../diag/cap.js";
import { uniqueDiagnostics } from "../../input/validate-input.js";

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly strict: boolean;
  readonly json: boolean;
}

const f2 = (n: number) => n.toFixed(2);

function scoreLine(r: YearResult, lang: "th" | "en"): string {
  const parts = r.tools.map((t) => `${t.code} ${f2(t.computed)}${t.official !== undefined ? ` (${lang === "th" ? "ประกาศ" : "official"} ${f2(t.official)})` : ""}`);
  const totalLabel = lang === "th" ? "รวม" : "total";
  const official = r.totalOfficial !== undefined ? ` (${lang === "th" ? "ประกาศ" : "official"} ${f2(r.totalOfficial)})` : "";
  const published = (computed: string | undefined, given: string | undefined) => `${computed ?? "-"}${given !== undefined ? ` (${lang === "th" ? "ประกาศ" : "official"} ${given})` : ""}`;
  // Up to 2565 a grade, from 2566 a result label: the year's own kind only.
  const rating =
    r.scheme === "grade"
      ? `${lang === "th" ? "ระดับ" : "grade"} ${published(r.gradeComputed, r.gradeOfficial)}`
      : `${lang === "th" ? "ผลการประเมิน" : "result"} ${published(r.labelComputed, r.labelOfficial)}`;
  return `${parts.join("  ")}  ${totalLabel} ${f2(r.totalComputed)}${official}  ${rating}`;
}

export async function runValidate(opts: ValidateOptions, io: CliIO): Promise<number> {
  const loaded = await loadInputs(opts.paths, io.cwd);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d, io.lang));
    if (opts.json) io.out(JSON.stringify({ ok: false, command: "validate", valid: false, diagnostics: loaded.errors.map((d) => diagnosticToJson(d, io.lang)), organisations: [] }, null, 2));
    return loaded.errors.some((d) => d.code === "E_PATH_NOT_FOUND") ? Exit.usage : Exit.invalidInput;
  }
  const all: Diagnostic[] = [];
  const orgsJson: unknown[] = [];
  // Notes about the program's own data (a provisional year) are the same for every organisation: shown once per run.
  const notesShown = new Set<string>();
  const firstTime = (d: Diagnostic): boolean => {
    if (d.severity !== "info") return true;
    const key = `${d.code}|${d.pos?.file}|${d.pos?.line}|${d.pos?.col}|${JSON.stringify(d.params)}`;
    if (notesShown.has(key)) return false;
    notesShown.add(key);
    return true;
  };
  const cap = new PerFileCap();
  for (const { folder, result } of loaded.folders) {
    const docWarnings = result.org ? collectDocumentWarnings(result.org) : [];
    // The emblem is checked as build checks it: a configured but unusable image is an error, none configured a warning (once).
    const emblemDiags: Diagnostic[] = [];
    if (result.org) {
      const org = result.org;
      const wantsMemo = [...org.years.values()].some((y) => y.data.memo);
      const emblem = await loadEmblem(org, io.cwd, wantsMemo, emblemDiags);
      if (emblem.state === "error") emblemDiags.push(emblem.diagnostic);
      // The pictures `sections:` image entries name, read and checked as build reads them (E_SECTION_IMAGE at the entry's file:).
      const pictures = await loadSectionImages(org, io.cwd, new Map());
      for (const errs of pictures.errors.values()) emblemDiags.push(...errs);
    }
    // Each distinct problem once, however many checks found it; notes about the program's own data once per run.
    const diags = uniqueDiagnostics([...result.errors, ...emblemDiags, ...result.warnings, ...docWarnings]).filter(firstTime);
    all.push(...diags);
    const name = result.org?.org.organisation.name ?? folder.dir;
    const years = result.org ? [...result.org.years.values()].sort((a, b) => a.data.fiscal_year - b.data.fiscal_year) : [];
    if (!opts.json) {
      io.out(`${name} (${folder.dir})`);
      for (const y of years) {
        const line = y.result ? scoreLine(y.result, io.lang) : io.lang === "th" ? "ไม่มีผลการประเมิน (แผนอย่างเดียว)" : "no assessment (plan only)";
        io.out(`  ${io.lang === "th" ? "ปี" : "FY"} ${y.data.fiscal_year}  ${line}`);
      }
      for (const d of diags) if (cap.admit(d)) io.out(indent(formatDiagnostic(d, io.lang)));
    }
    orgsJson.push({
      dir: folder.dir,
      name,
      years: years.map((y) => ({
        fiscal_year: y.data.fiscal_year,
        file: y.file,
        ...(y.result
          ? {
              tools: Object.fromEntries(y.result.tools.map((t) => [t.id, { computed: Number(f2(t.computed)), official: t.official ?? null, printed: t.score }])),
              total: { computed: Number(f2(y.result.totalComputed)), official: y.result.totalOfficial ?? null, printed: y.result.total },
              grade: y.result.scheme === "grade" ? { computed: y.result.gradeComputed, official: y.result.gradeOfficial ?? null, printed: y.result.grade } : null,
              label: y.result.scheme === "label" ? { computed: y.result.labelComputed ?? null, official: y.result.labelOfficial ?? null, printed: y.result.label ?? null } : null,
            }
          : {}),
      })),
    });
  }
  const errors = all.filter((d) => d.severity === "error");
  // Notes ("info") are not warnings: --strict passes with them.
  const warnings = all.filter((d) => d.severity === "warning");
  const notes = all.filter((d) => d.severity === "info");
  const valid = errors.length === 0 && (!opts.strict || warnings.length === 0);
  if (opts.json) {
    io.out(JSON.stringify({ ok: valid, command: "validate", valid, errors: errors.length, warnings: warnings.length, notes: notes.length, diagnostics: all.map((d) => diagnosticToJson(d, io.lang)), organisations: orgsJson }, null, 2));
  } else {
    for (const line of cap.summaryLines(io.lang)) io.out(indent(line));
    io.out(
      io.lang === "th"
        ? `สรุป: ${loaded.folders.length} หน่วยงาน, ข้อผิดพลาด ${errors.length}, คำเตือน ${warnings.length}${notes.length ? `, หมายเหตุ ${notes.length}` : ""}${valid ? " — ใช้ได้" : " — ต้องแก้ไข"}`
        : `summary: ${loaded.folders.length} organisation(s), ${errors.length} error(s), ${warnings.length} warning(s)${notes.length ? `, ${notes.length} note(s)` : ""}${valid ? " — valid" : " — needs fixing"}`,
    );
  }
  return valid ? Exit.ok : Exit.invalidInput;
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
