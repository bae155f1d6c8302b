/**
 * Turns diagnostics into the lines a clerk reads. The only place where codes
 * become prose; everything upstream carries data.
 */
import type { Diagnostic } from "./diagnostic.js";
import { MESSAGES_EN } from "./messages.en.js";
import { MESSAGES_TH, type MessageEntry } from "./messages.th.js";

export type Lang = "th" | "en";

function entry(d: Diagnostic, lang: Lang): MessageEntry {
  return (lang === "en" ? MESSAGES_EN : MESSAGES_TH)[d.code];
}

export function messageOf(d: Diagnostic, lang: Lang): string {
  return entry(d, lang).msg(d.params);
}

export function hintOf(d: Diagnostic, lang: Lang): string | undefined {
  return entry(d, lang).hint?.(d.params);
}

export function locationOf(d: Diagnostic): string | undefined {
  if (!d.pos) return undefined;
  return d.pos.line > 0 ? `${d.pos.file}:${d.pos.line}:${d.pos.col}` : d.pos.file;
}

const LABEL = {
  th: { error: "ข้อผิดพลาด", warning: "คำเตือน", info: "หมายเหตุ", hint: "วิธีแก้" },
  en: { error: "error", warning: "warning", info: "note", hint: "hint" },
} as const;

/** "file:12:5: ข้อผิดพลาด [E_SCORE_RANGE] … \n    วิธีแก้: …" */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = locationOf(d);
  const head = `${where ? `${where}: ` : ""}${LABEL[lang][d.severity]} [${d.code}] ${messageOf(d, lang)}`;
  const hint = hintOf(d, lang);
  return hint ? `${head}\n    ${LABEL[lang].hint}: ${hint}` : head;
}

export interface DiagnosticJson {
  readonly code: string;
  readonly severity: string;
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
  readonly hint?: string;
}

export function diagnosticToJson(d: Diagnostic, lang: Lang): DiagnosticJson {
  const hint = hintOf(d, lang);
  return {
    code: d.code,
    severity: d.severity,
    ...(d.pos ? { file: d.pos.file, line: d.pos.line, col: d.pos.col } : {}),
    message: messageOf(d, lang),
    ...(hint ? { hint } : {}),
  };
}
