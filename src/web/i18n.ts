/**
 * The page's words, one table per language. The server puts the run's language
 * (`--lang`) into index.html; every text the clerk sees comes from here, so the
 * English page is the Thai one with the other table.
 */
export const STRINGS = {
  th: {
    title: "itadoc — แก้ไข ตรวจ และดูตัวอย่างเอกสาร ITA",
    organisation: "หน่วยงาน",
    year: "ปีงบประมาณ",
    document: "เอกสาร",
    tabYaml: "ข้อความ YAML",
    tabForm: "แบบฟอร์ม",
    save: "บันทึก",
    saved: "บันทึกแล้ว (สำเนาเดิมเก็บไว้ที่ {backup})",
    savedNoBackup: "บันทึกแล้ว",
    unsaved: "ยังไม่ได้บันทึก",
    upToDate: "ตรงกับไฟล์ในเครื่อง",
    newYear: "เริ่มปีใหม่",
    newYearDone: "สร้างไฟล์ {path} แล้ว",
    downloadPdf: "ดาวน์โหลด PDF",
    downloadDocx: "ดาวน์โหลด DOCX",
    buildAll: "สร้างเอกสารทั้งหมดของหน่วยงาน",
    building: "กำลังสร้าง {done}/{total}: {file}",
    buildDone: "สร้างเสร็จ {count} ไฟล์",
    buildProblems: "สร้างเสร็จ {count} ไฟล์ พบปัญหา {problems} รายการ",
    noErrors: "ไม่พบข้อผิดพลาด",
    errorCount: "พบข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ",
    line: "บรรทัด {line} ตำแหน่ง {column}",
    hint: "วิธีแก้",
    previewLoading: "กำลังสร้างตัวอย่าง…",
    previewStale: "ข้อมูลยังมีข้อผิดพลาด: แสดงตัวอย่างล่าสุดที่สร้างได้ แก้ข้อผิดพลาดทางซ้ายแล้วตัวอย่างจะปรับเอง",
    previewNone: "ยังไม่มีตัวอย่าง: แก้ข้อผิดพลาดทางซ้ายก่อน",
    previewNoKind: "ไฟล์ปีนี้ไม่มีส่วนของเอกสารนี้",
    draftFound: "พบข้อความที่แก้ไว้แต่ยังไม่ได้บันทึก (เมื่อ {when})",
    draftRestore: "นำกลับมา",
    draftDiscard: "ทิ้ง",
    conflictTitle: "ไฟล์ถูกแก้ไขจากที่อื่นหลังจากที่เปิดไว้",
    conflictExplain: "มีคนอื่นหรือโปรแกรมอื่นแก้ไฟล์นี้แล้ว เลือกว่าจะเก็บฉบับไหน บรรทัดที่ต่างกันมีแถบสี",
    conflictDisk: "ฉบับในเครื่อง (แก้จากที่อื่น)",
    conflictMine: "ฉบับที่แก้ในหน้านี้",
    conflictKeepMine: "บันทึกทับด้วยฉบับของฉัน",
    conflictTakeDisk: "ใช้ฉบับในเครื่อง (ทิ้งที่แก้ในหน้านี้)",
    cancel: "ยกเลิก",
    leaveUnsaved: "ยังมีข้อความที่ยังไม่ได้บันทึก",
    formScores: "คะแนนรายตัวชี้วัดและผลที่ประกาศ",
    formMemo: "หัวบันทึกข้อความ",
    formSigner: "ผู้ลงนามและผู้พิจารณา",
    formMeasures: "ตารางมาตรการ",
    formApply: "ใส่ลงในไฟล์",
    formApplied: "ใส่ค่าจากแบบฟอร์มลงในข้อความแล้ว (ยังไม่ได้บันทึก)",
    formNone: "ไฟล์นี้ยังไม่มีส่วนนี้",
    addRow: "เพิ่มแถว",
    failed: "ทำไม่สำเร็จ",
    network: "ติดต่อโปรแกรม itadoc ในเครื่องไม่ได้: ตรวจว่าหน้าต่างคำสั่ง itadoc serve ยังเปิดอยู่",
    noFiles: "ไม่พบไฟล์ปีงบประมาณในโฟลเดอร์นี้",
  },
  en: {
    title: "itadoc — edit, check and preview ITA documents",
    organisation: "Organisation",
    year: "Fiscal year",
    document: "Document",
    tabYaml: "YAML text",
    tabForm: "Form",
    save: "Save",
    saved: "Saved (previous version kept as {backup})",
    savedNoBackup: "Saved",
    unsaved: "Not saved",
    upToDate: "Same as the file on disk",
    newYear: "Start a new year",
    newYearDone: "Created {path}",
    downloadPdf: "Download PDF",
    downloadDocx: "Download DOCX",
    buildAll: "Build all documents of the organisation",
    building: "Building {done}/{total}: {file}",
    buildDone: "Built {count} files",
    buildProblems: "Built {count} files, {problems} problems",
    noErrors: "No errors",
    errorCount: "{errors} errors, {warnings} warnings",
    line: "line {line}, column {column}",
    hint: "How to fix",
    previewLoading: "Making the preview…",
    previewStale: "The input has errors: showing the last preview that could be made. Fix the errors on the left and it updates.",
    previewNone: "No preview yet: fix the errors on the left first",
    previewNoKind: "This year's file has no section for this document",
    draftFound: "Unsaved edits found (from {when})",
    draftRestore: "Restore",
    draftDiscard: "Discard",
    conflictTitle: "The file was changed elsewhere after it was opened",
    conflictExplain: "Someone or another program changed this file. Choose which version to keep; differing lines are marked.",
    conflictDisk: "Version on disk (changed elsewhere)",
    conflictMine: "Version edited on this page",
    conflictKeepMine: "Save my version over it",
    conflictTakeDisk: "Use the version on disk (drop my edits)",
    cancel: "Cancel",
    leaveUnsaved: "There are unsaved edits",
    formScores: "Indicator scores and published results",
    formMemo: "Memo header",
    formSigner: "Signer and approvals",
    formMeasures: "Measures table",
    formApply: "Put into the file",
    formApplied: "Form values put into the text (not saved yet)",
    formNone: "This file has no such section yet",
    addRow: "Add row",
    failed: "Failed",
    network: "Cannot reach itadoc on this computer: check that the itadoc serve window is still open",
    noFiles: "No fiscal-year files in this folder",
  },
} as const;

export type Lang = keyof typeof STRINGS;
export type StringKey = keyof (typeof STRINGS)["th"];

let current: Lang = "th";

export function setLang(lang: string): void {
  current = lang === "en" ? "en" : "th";
}

export function lang(): Lang {
  return current;
}

/** The text for `key` in the page's language, with `{name}` filled from `params`. */
export function t(key: StringKey, params: Readonly<Record<string, string | number>> = {}): string {
  return STRINGS[current][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The compiler refuses an English table that lacks a Thai key. */
export const EN_HAS_EVERY_KEY: Readonly<Record<StringKey, string>> = STRINGS.en;
