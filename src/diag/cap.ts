/**
 * At most a screenful of problems per file: 5,000 duplicated OIT ids must not
 * print 10,000 lines that bury every other message. The rest is counted, per
 * file, and said in one line; --json still lists everything.
 */
import type { Diagnostic } from "./diagnostic.js";
import type { Lang } from "./format.js";

export const MAX_SHOWN_PER_FILE = 50;

/** Decides, diagnostic by diagnostic, what is printed; errors and warnings are capped separately. */
export class PerFileCap {
  private readonly shown = new Map<string, number>();
  private readonly hidden = new Map<string, { errors: number; warnings: number }>();

  constructor(private readonly limit = MAX_SHOWN_PER_FILE) {}

  /** True when `d` is to be printed; false when its file already had `limit` of its severity (then it is counted). */
  admit(d: Diagnostic): boolean {
    const file = d.pos?.file ?? "";
    const key = `${d.severity}\0${file}`;
    const n = this.shown.get(key) ?? 0;
    if (n < this.limit) {
      this.shown.set(key, n + 1);
      return true;
    }
    const h = this.hidden.get(file) ?? { errors: 0, warnings: 0 };
    if (d.severity === "error") h.errors++;
    else h.warnings++;
    this.hidden.set(file, h);
    return false;
  }

  /** One line per file with problems left unprinted. */
  summaryLines(lang: Lang): string[] {
    return [...this.hidden].sort(([a], [b]) => a.localeCompare(b)).map(([file, h]) => moreLine(file, h.errors, h.warnings, this.limit, lang));
  }
}

function moreLine(file: string, errors: number, warnings: number, limit: number, lang: Lang): string {
  const where = file || (lang === "th" ? "(ไม่ระบุไฟล์)" : "(no file)");
  if (lang === "th") {
    const parts = [errors > 0 ? `ข้อผิดพลาด ${errors} รายการ` : "", warnings > 0 ? `คำเตือน ${warnings} รายการ` : ""].filter(Boolean).join(" และ");
    return `${where}: ยังมี${parts}ที่ไม่ได้แสดง (แสดงไม่เกิน ${limit} รายการต่อไฟล์; แก้รายการข้างบนแล้วตรวจใหม่ หรือดูทั้งหมดด้วย --json)`;
  }
  const parts = [errors > 0 ? `${errors} more error(s)` : "", warnings > 0 ? `${warnings} more warning(s)` : ""].filter(Boolean).join(" and ");
  return `${where}: ${parts} not shown (at most ${limit} per file; fix the ones above and check again, or see them all with --json)`;
}
