/**
 * The build command's own lines, Thai and English side by side (coded
 * problems are diagnostics, worded in src/diag/messages.*.ts). One interface,
 * so a line added in one language and not the other does not compile.
 */
import type { Lang } from "../../diag/format.js";

export interface SummaryCounts {
  readonly organisations: number;
  readonly written: number;
  readonly unchanged: number;
  /** "memo docx 2, report pdf 1", or "-". */
  readonly perKind: string;
  readonly failedInputs: number;
  readonly errors: number;
  readonly warnings: number;
  readonly seconds: number;
}

export interface BuildText {
  /** After "a ↔ b: " in E_USAGE. */
  readonly sameOutputFolder: string;
  wrote(path: string): string;
  unchanged(path: string): string;
  /** Heading of the per-code counts, when there are too many warnings to print. */
  warningsCounted(n: number): string;
  readonly interrupted: string;
  summary(c: SummaryCounts): string;
}

export const BUILD_TEXT: Readonly<Record<Lang, BuildText>> = {
  th: {
    sameOutputFolder: "เขียนไปยังโฟลเดอร์ผลลัพธ์เดียวกัน",
    wrote: (path) => `สร้าง ${path}`,
    unchanged: (path) => `ไม่เปลี่ยน ${path}`,
    warningsCounted: (n) => `คำเตือน ${n} รายการ (ดูทีละรายการด้วย itadoc validate):`,
    interrupted: "หยุดตามคำสั่ง (Ctrl-C): เอกสารที่สร้างเสร็จแล้วยังอยู่ครบ รันคำสั่งเดิมอีกครั้งเพื่อทำต่อ",
    summary: (c) =>
      `สรุป: ${c.organisations} หน่วยงาน, สร้างเอกสาร ${c.written} ไฟล์, ไม่เปลี่ยน ${c.unchanged} ไฟล์ (${c.perKind}), ข้อมูลผิดพลาด ${c.failedInputs} หน่วยงาน, ข้อผิดพลาด ${c.errors}, คำเตือน ${c.warnings}, เวลา ${c.seconds.toFixed(1)} วินาที`,
  },
  en: {
    sameOutputFolder: "would write to the same output folder",
    wrote: (path) => `wrote ${path}`,
    unchanged: (path) => `unchanged ${path}`,
    warningsCounted: (n) => `${n} warnings (itadoc validate lists them):`,
    interrupted: "interrupted (Ctrl-C): finished documents are complete; run the same command again to continue",
    summary: (c) =>
      `summary: ${c.organisations} organisations, ${c.written} documents written, ${c.unchanged} unchanged (${c.perKind}), ${c.failedInputs} failed, ${c.errors} errors, ${c.warnings} warnings, ${c.seconds.toFixed(1)} s`,
  },
};
