/**
 * itadoc's command line. `main` returns an exit code and never lets a user's
 * mistake escape as a stack trace; only bin.ts touches `process`.
 */
import { parseArgs } from "node:util";
import { formatDiagnostic, type Lang } from "../diag/format.js";
import { error } from "../diag/diagnostic.js";
import { Exit, UsageError, type CliIO } from "./io.js";
import { VERSION } from "./version.js";
import { editDistance } from "../input/suggest.js";
import { DOC_KINDS, KIND_LABELS as KINDS } from "../documents/kind-names.js";
import { FORMATS } from "../export/formats.js";

const HELP_TH = `itadoc — สร้างเอกสาร ITA (บันทึกข้อความ มาตรการ รายงาน) จากไฟล์ YAML

วิธีใช้:
  itadoc init [โฟลเดอร์]                    สร้างโฟลเดอร์ตัวอย่างสำหรับหน่วยงานของท่าน
  itadoc validate <ไฟล์หรือโฟลเดอร์…>         ตรวจข้อมูล แสดงคะแนนที่คำนวณเทียบกับที่ประกาศ
        [--strict] [--json]
  itadoc build <ไฟล์หรือโฟลเดอร์…>            สร้างเอกสาร
        [--kind ${DOC_KINDS.join(",")}] [--format ${FORMATS.join(",")}] [--year 2563|2561-2564|2562,2564]
        [--out โฟลเดอร์ (ค่าเริ่มต้น out)] [--templates โฟลเดอร์] [--jobs N] [--force] [--json]
  itadoc doctor [โฟลเดอร์หน่วยงาน…]            ตรวจความพร้อม: ฟอนต์ แม่แบบ ตราครุฑ Node.js
        [--templates โฟลเดอร์] [--json]       LibreOffice และ pdftotext (สองรายการหลังไม่บังคับ)
  itadoc new-year <โฟลเดอร์หน่วยงาน>           สร้างไฟล์ของปีถัดไปจากไฟล์ปีล่าสุด: เลื่อนปี เว้นคะแนน
        [--from 2568] [--to 2569]             และวันที่ให้กรอก แสดงรายการที่เปลี่ยน ไม่เขียนทับไฟล์เดิม
  itadoc serve [โฟลเดอร์]                     เปิดหน้าเว็บบนเครื่องนี้: แก้ข้อมูล ตรวจ และดูตัวอย่างเอกสารทันที
        [--port N] [--open] [--templates โฟลเดอร์]
  ชนิดเอกสาร (--kind): ${DOC_KINDS.map((k) => `${k} ${KINDS[k].th}`).join(", ")}
  ตัวเลือกทั่วไป: --lang th|en  --help  --version

รหัสออก: 0 สำเร็จ, 1 ข้อมูลไม่ถูกต้อง, 2 ใช้คำสั่งผิดหรือข้อผิดพลาดภายใน`;

const HELP_EN = `itadoc — ITA documents (${DOC_KINDS.join(", ")}) from YAML

usage:
  itadoc init [dir]                               write a starter organisation folder
  itadoc validate <files or folders…> [--strict] [--json]
  itadoc build <files or folders…> [--kind ${DOC_KINDS.join(",")}] [--format ${FORMATS.join(",")}]
        [--year 2563|2561-2564|2562,2564] [--out DIR] [--templates DIR] [--jobs N] [--force] [--json]
  itadoc doctor [organisation folders…] [--templates DIR] [--json]
                                                  check fonts, templates, emblems, Node.js,
                                                  LibreOffice and pdftotext (the last two optional)
  itadoc new-year <organisation folder> [--from 2568] [--to 2569]
                                                  next year's file from the latest one: years moved on,
                                                  scores and dates left to fill in, changes listed;
                                                  never overwrites a file
  itadoc serve [folder] [--port N] [--open] [--templates DIR]
                                                  a local page (this machine only): edit, check
                                                  and preview the documents as you type
  document kinds (--kind): ${DOC_KINDS.map((k) => `${k} (${KINDS[k].en})`).join(", ")}
  common options: --lang th|en  --help  --version

exit codes: 0 ok, 1 invalid input, 2 usage or internal error`;


/** The language asked for, read before the arguments are parsed (for the parse errors themselves). */
function earlyLang(argv: readonly string[], fallback: Lang): Lang {
  const langAt = argv.indexOf("--lang");
  const early = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return early === "en" ? "en" : fallback;
}

/** What the process says when a command's promise never settled (its event loop ran dry half-way: a bug, never a success). */
export function unfinishedLine(argv: readonly string[]): string {
  return formatDiagnostic(error("E_INTERNAL", { detail: "the command stopped before it finished" }), earlyLang(argv, "th"));
}

export async function main(argv: readonly string[], rawIo: CliIO): Promise<number> {
  const lang = earlyLang(argv, rawIo.lang);
  const io: CliIO = lang === rawIo.lang ? rawIo : { ...rawIo, lang };
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(formatDiagnostic(error("E_USAGE", { detail: e.message }), io.lang));
      return Exit.usage;
    }
    if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(formatDiagnostic(error("E_USAGE", { detail: optionProblem(e as Error, io.lang) }), io.lang));
      return Exit.usage;
    }
    // An internal fault: one line, no stack on the terminal (ITADOC_DEBUG=1 shows it).
    io.err(formatDiagnostic(error("E_INTERNAL", { detail: (e as Error)?.message ?? String(e) }), io.lang));
    if (process.env.ITADOC_DEBUG) io.err(String((e as Error)?.stack));
    return Exit.internal;
  }
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>>["values"];

interface Command {
  /** The options it takes; any other is refused rather than silently ignored. */
  readonly options: readonly string[];
  /**
   * Loads the command's module only when it runs (import()): `--version`, `--help` and
   * `validate` never load the exporters, and each command only what it uses.
   */
  readonly run: (values: Values, rest: readonly string[], io: CliIO) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  init: {
    options: [],
    run: async (_v, rest, io) => (await import("./commands/init.js")).runInit({ dir: rest[0] ?? "my-organisation" }, io),
  },
  validate: {
    options: ["strict", "json"],
    run: async (values, rest, io) => {
      if (rest.length === 0) throw new UsageError(io.lang === "en" ? "validate needs a file or folder" : "ต้องระบุไฟล์หรือโฟลเดอร์ที่จะตรวจ");
      return (await import("./commands/validate.js")).runValidate({ paths: rest, strict: !!values.strict, json: !!values.json }, io);
    },
  },
  build: {
    options: ["kind", "format", "year", "out", "templates", "force", "jobs", "json"],
    run: async (values, rest, io) => {
      if (rest.length === 0) throw new UsageError(io.lang === "en" ? "build needs a file or folder" : "ต้องระบุไฟล์หรือโฟลเดอร์ที่จะสร้างเอกสาร");
      return (await import("./commands/build.js")).runBuild(
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
        io,
      );
    },
  },
  doctor: {
    options: ["templates", "json"],
    run: async (values, rest, io) => (await import("./commands/doctor.js")).runDoctor({ paths: rest, json: !!values.json, ...(values.templates !== undefined ? { templates: values.templates } : {}) }, io),
  },
  "new-year": {
    options: ["from", "to"],
    run: async (values, rest, io) => {
      if (rest.length !== 1) throw new UsageError(io.lang === "en" ? "new-year needs one organisation folder" : "ต้องระบุโฟลเดอร์ของหน่วยงานหนึ่งโฟลเดอร์");
      return (await import("./commands/new-year.js")).runNewYear({ dir: rest[0]!, ...(values.from !== undefined ? { from: values.from } : {}), ...(values.to !== undefined ? { to: values.to } : {}) }, io);
    },
  },
  serve: {
    options: ["port", "open", "templates"],
    run: async (values, rest, io) => {
      if (rest.length > 1) throw new UsageError(io.lang === "en" ? "serve takes one folder" : "คำสั่ง serve รับโฟลเดอร์เดียว");
      return (await import("./commands/serve.js")).runServe({ folder: rest[0] ?? ".", open: !!values.open, ...(values.port !== undefined ? { port: values.port } : {}), ...(values.templates !== undefined ? { templates: values.templates } : {}) }, io);
    },
  },
};
const COMMON_OPTIONS = ["help", "version", "lang"];

/** node:util's English parse error → the option's name, in the user's language, with a near match. */
function optionProblem(e: Error, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  const name = /--?[\w-]+/.exec(quoted.split(",").pop() ?? "")?.[0] ?? quoted;
  const known = Object.keys(OPTIONS).map((o) => `--${o}`);
  const near = known.find((k) => editDistance(k, name) <= 2);
  const code = (e as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return lang === "en" ? `unknown option ${name}${near ? ` (did you mean ${near}?)` : ""}` : `ไม่รู้จักตัวเลือก ${name}${near ? ` (หมายถึง ${near} หรือไม่)` : ""}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return lang === "en" ? `option ${name} needs a value` : `ตัวเลือก ${name} ต้องมีค่าตามหลัง`;
  }
  return e.message;
}

const OPTIONS = {
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
  from: { type: "string" },
  to: { type: "string" },
  port: { type: "string" },
  open: { type: "boolean" },
} as const;

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: OPTIONS,
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
  const spec = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!spec) {
    const names = Object.keys(COMMANDS);
    throw new UsageError(lang === "en" ? `unknown command "${command}" (${names.join(", ")})` : `ไม่รู้จักคำสั่ง "${command}" (ใช้ ${names.slice(0, -1).join(", ")} หรือ ${names.at(-1)})`);
  }
  const extra = Object.keys(values).filter((k) => !spec.options.includes(k) && !COMMON_OPTIONS.includes(k));
  if (extra.length > 0) {
    throw new UsageError(lang === "en" ? `${command} does not take --${extra.join(", --")}` : `คำสั่ง ${command} ไม่ใช้ตัวเลือก --${extra.join(", --")}`);
  }
  return spec.run(values, rest, cio);
}
