/**
 * itadoc new-year <organisation folder> [--from 2568] [--to 2569]: next
 * year's file from the last one (see input/next-year.ts for what changes).
 * Asks nothing, lists every change with its line, never overwrites a file.
 */
import { lstat, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { error, type Diagnostic } from "../../diag/diagnostic.js";
import { formatDiagnostic } from "../../diag/format.js";
import { loadYaml } from "../../input/load-yaml.js";
import { nextYearText, type Change, type Review } from "../../input/next-year.js";
import { isPlausibleFiscalYear } from "../../thai/fiscal-year.js";
import { parseNumber } from "../../thai/digits.js";
import { Exit, UsageError, type CliIO } from "../io.js";

export interface NewYearOptions {
  readonly dir: string;
  readonly from?: string;
  readonly to?: string;
}

const YEAR_FILE = /^([0-9]{4})\.(ya?ml)$/;

export async function runNewYear(opts: NewYearOptions, io: CliIO): Promise<number> {
  const th = io.lang === "th";
  const from = yearOption("--from", opts.from, th);
  const to = yearOption("--to", opts.to, th);
  const dir = resolve(io.cwd, opts.dir);
  const st = await lstat(dir).catch(() => undefined);
  if (!st?.isDirectory()) return report(io, error("E_PATH_NOT_FOUND", { path: opts.dir }), Exit.usage);

  // Year files of the folder: regular files only (a link could point anywhere).
  const years = new Map<number, string>();
  for (const name of (await readdir(dir)).sort()) {
    const m = YEAR_FILE.exec(name);
    if (!m) continue;
    const s = await lstat(join(dir, name)).catch(() => undefined);
    if (s?.isFile() && !years.has(Number(m[1]))) years.set(Number(m[1]), name);
  }
  const present = [...years.keys()].sort((a, b) => a - b);
  const source = from ?? present[present.length - 1];
  if (source === undefined || !years.has(source)) {
    return report(io, error("E_NEW_YEAR_SOURCE", { dir: opts.dir, from: from ?? "", present: present.join(", ") }, { file: opts.dir, line: 0, col: 0 }), Exit.invalidInput);
  }
  const target = to ?? source + 1;
  if (target <= source) throw new UsageError(th ? `--to (${target}) ต้องเป็นปีหลัง --from (${source})` : `--to (${target}) must be after the source year (${source})`);

  const sourceName = years.get(source)!;
  const ext = YEAR_FILE.exec(sourceName)![2]!;
  const show = (name: string) => relative(io.cwd, join(dir, name)) || name;
  // Either spelling of the target counts: 2569.yml beside a new 2569.yaml would be two files of one year.
  for (const name of [`${target}.yaml`, `${target}.yml`]) {
    if (await lstat(join(dir, name)).then(() => true, () => false)) {
      return report(io, error("E_NEW_YEAR_EXISTS", { path: show(name) }, { file: show(name), line: 0, col: 0 }), Exit.invalidInput);
    }
  }

  const bytes = await readFile(join(dir, sourceName));
  const loaded = loadYaml(show(sourceName), bytes);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d, io.lang));
    return Exit.invalidInput;
  }
  const next = nextYearText(new TextDecoder().decode(bytes), source, target);
  if (!next.ok) return report(io, error("E_YAML_SYNTAX", { detail: "?" }, { file: show(sourceName), line: 1, col: 1 }), Exit.invalidInput);

  const targetName = `${target}.${ext}`;
  try {
    // "wx": created here or not at all, even if a file of that name appeared meanwhile.
    await writeFile(join(dir, targetName), next.text, { flag: "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "?";
    if (code === "EEXIST") return report(io, error("E_NEW_YEAR_EXISTS", { path: show(targetName) }, { file: show(targetName), line: 0, col: 0 }), Exit.invalidInput);
    return report(io, error("E_WRITE", { path: show(targetName), reason: code }), Exit.invalidInput);
  }

  io.out(th ? `สร้าง ${show(targetName)} จาก ${show(sourceName)} (ปีงบประมาณ ${source} → ${target})` : `created ${show(targetName)} from ${show(sourceName)} (fiscal year ${source} → ${target})`);
  io.out(th ? `สิ่งที่เปลี่ยน (${next.changes.length} แห่ง):` : `changes (${next.changes.length}):`);
  for (const c of next.changes) io.out(`  ${describe(c, th)}`);
  if (next.reviews.length > 0) {
    io.out(th ? "ควรทบทวน (ไม่ได้แก้ให้):" : "to review (not changed):");
    for (const r of next.reviews) io.out(`  ${describeReview(r, th)}`);
  }
  io.out(
    th
      ? `ขั้นต่อไป: กรอกค่าที่เว้นว่างไว้ (คะแนน วันที่ เลขที่หนังสือ) และทบทวนข้อความวิเคราะห์ของปีก่อน แล้วรัน  itadoc validate ${relative(io.cwd, dir) || "."}`
      : `next: fill in what was left empty (scores, dates, the memo number), review last year's analysis texts, then run  itadoc validate ${relative(io.cwd, dir) || "."}`,
  );
  return Exit.ok;
}

function yearOption(name: string, value: string | undefined, th: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = parseNumber(value);
  if (n === undefined || !isPlausibleFiscalYear(n)) throw new UsageError(th ? `${name} ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2568 (พบ "${value}")` : `${name} needs a Buddhist-era fiscal year such as 2568 (got "${value}")`);
  return n;
}

const KIND_TH: Record<Change["kind"], string> = {
  year: "ปี",
  "text-year": "ปีในข้อความ",
  emptied: "เว้นว่างให้กรอก",
  previous: "คะแนนปีก่อน",
  number: "เลขที่หนังสือ",
};
const KIND_EN: Record<Change["kind"], string> = { year: "year", "text-year": "year in text", emptied: "emptied to fill in", previous: "last year's score", number: "memo number" };

/** "บรรทัด 12  ปีในข้อความ  measures.analysis_intro: ปีงบประมาณ พ.ศ.2564 → 2565" */
function describe(c: Change, th: boolean): string {
  const where = c.field || (th ? "(หมายเหตุ)" : "(comment)");
  const after = c.kind === "emptied" ? (th ? "(ว่าง)" : "(empty)") : c.kind === "number" ? (th ? "(ตัดเลขลำดับ ให้กรอกเลขใหม่)" : "(running number removed)") : c.after;
  return `${th ? "บรรทัด" : "line"} ${c.line}  ${(th ? KIND_TH : KIND_EN)[c.kind]}  ${where}: ${c.before} → ${after}`;
}

function describeReview(r: Review, th: boolean): string {
  const where = r.field || (th ? "(หมายเหตุ)" : "(comment)");
  const what =
    r.kind === "figure"
      ? th ? `ยังอ้างคะแนนของปีก่อน ${r.figure} (เขียนใหม่เมื่อได้ผลของปีนี้)` : `still cites last year's score ${r.figure} (rewrite with this year's results)`
      : th ? `"${r.figure}" คงไว้ตามเดิม (ถ้าหมายถึงปีที่เลื่อนไปแล้ว แก้เอง)` : `"${r.figure}" left as it was (change it if it means a year that moved on)`;
  return `${th ? "บรรทัด" : "line"} ${r.line}  ${where}: ${what}`;
}

function report(io: CliIO, d: Diagnostic, code: number): number {
  io.err(formatDiagnostic(d, io.lang));
  return code;
}
