/**
 * itadoc's command line. `main` returns an exit code and never lets a user's
 * mistake escape as a stack trace; only bin.ts touches `process`.
 */
import { parseArgs } from "node:util";
import { formatDiagnostic, type Lang } from "../diag/format.js";
import { error } from "../diag/diagnostic.js";
import { Exit, UsageError, type CliIO } from "./io.js";
import { runValidate } from "./commands/validate.js";
import { runInit } from "./commands/init.js";
import { runBuild } from "./commands/build.js";
import { runDoctor } from "./commands/doctor.js";
import { VERSION } from "./version.js";

const HELP_TH = `itadoc — สร้างเอกสาร ITA (บันทึกข้อความ มาตรการ รายงาน) จากไฟล์ YAML

วิธีใช้:
  itadoc init [โฟลเดอร์]                    สร้างโฟลเดอร์ตัวอย่างสำหรับหน่วยงานของท่าน
  itadoc validate <ไฟล์หรือโฟลเดอร์…>         ตรวจข้อมูล แสดงคะแนนที่คำนวณเทียบกับที่ประกาศ
        [--strict] [--json]
  itadoc build <ไฟล์หรือโฟลเดอร์…>            สร้างเอกสาร
        [--kind memo,measures,report] [--format pdf,docx] [--year 2563|2561-2564|2562,2564]
        [--out โฟลเดอร์ (ค่าเริ่มต้น out)] [--templates โฟลเดอร์] [--jobs N] [--force] [--json]
  itadoc doctor [โฟลเดอร์หน่วยงาน…]            ตรวจความพร้อม: ฟอนต์ แม่แบบ ตราครุฑ Node.js
        [--templates โฟลเดอร์] [--json]       LibreOffice และ pdftotext (สองรายการหลังไม่บังคับ)
  ตัวเลือกทั่วไป: --lang th|en  --help  --version

รหัสออก: 0 สำเร็จ, 1 ข้อมูลไม่ถูกต้อง, 2 ใช้คำสั่งผิดหรือข้อผิดพลาดภายใน`;

const HELP_EN = `itadoc — ITA documents (memo, measures, report) from YAML

usage:
  itadoc init [dir]                               write a starter organisation folder
  itadoc validate <files or folders…> [--strict] [--json]
  itadoc build <files or folders…> [--kind memo,measures,report] [--format pdf,docx]
        [--year 2563|2561-2564|2562,2564] [--out DIR] [--templates DIR] [--jobs N] [--force] [--json]
  itadoc doctor [organisation folders…] [--templates DIR] [--json]
                                                  check fonts, templates, emblems, Node.js,
                                                  LibreOffice and pdftotext (the last two optional)
  common options: --lang th|en  --help  --version

exit codes: 0 ok, 1 invalid input, 2 usage or internal error`;


export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(formatDiagnostic(error("E_USAGE", { detail: (e as Error).message }), io.lang));
      return Exit.usage;
    }
    // An internal fault: one line, no stack on the terminal (ITADOC_DEBUG=1 shows it).
    io.err(formatDiagnostic(error("E_INTERNAL", { detail: (e as Error)?.message ?? String(e) }), io.lang));
    if (process.env.ITADOC_DEBUG) io.err(String((e as Error)?.stack));
    return Exit.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
      lang: { type: "string" },
      strict: { type: "boolean" },
      json: { type: "boolean" },
      kind: { type: "string" },
      format: { type: "string" },
      year: { type: "string" },
      out: { type: "string", short: "o" },
      templates: { type: "string" },
      force: { type: "boolean" },
      jobs: { type: "string", short: "j" },
    },
  });
  const lang: Lang = values.lang === "en" ? "en" : "th";
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "th") throw new UsageError(`--lang: th | en (${values.lang})`);
  const cio: CliIO = { ...io, lang };
  const [command, ...rest] = positionals;
  if (values.version) {
    cio.out(VERSION);
    return Exit.ok;
  }
  if (values.help || command === undefined || command === "help") {
    cio.out(lang === "en" ? HELP_EN : HELP_TH);
    return command === undefined && !values.help ? Exit.usage : Exit.ok;
  }
  switch (command) {
    case "init":
      return runInit({ dir: rest[0] ?? "my-organisation" }, cio);
    case "validate":
      if (rest.length === 0) throw new UsageError(lang === "en" ? "validate needs a file or folder" : "ต้องระบุไฟล์หรือโฟลเดอร์ที่จะตรวจ");
      return runValidate({ paths: rest, strict: !!values.strict, json: !!values.json }, cio);
    case "build":
      if (rest.length === 0) throw new UsageError(lang === "en" ? "build needs a file or folder" : "ต้องระบุไฟล์หรือโฟลเดอร์ที่จะสร้างเอกสาร");
      return runBuild(
        {
          paths: rest,
          kinds: values.kind,
          formats: values.format,
          years: values.year,
          out: values.out ?? "out",
          templates: values.templates,
          json: !!values.json,
          force: !!values.force,
          ...(values.jobs !== undefined ? { jobs: values.jobs } : {}),
        },
        cio,
      );
    case "doctor":
      return runDoctor({ paths: rest, json: !!values.json, ...(values.templates !== undefined ? { templates: values.templates } : {}) }, cio);
    default:
      throw new UsageError(lang === "en" ? `unknown command "${command}" (init, validate, build, doctor)` : `ไม่รู้จักคำสั่ง "${command}" (ใช้ init, validate, build หรือ doctor)`);
  }
}
