/**
 * Issue 15, input side: only regular files are read, within bounds; template
 * links out of their folder are refused; damaged or huge emblems, runaway
 * templates and hostile columns.yaml files are coded errors; invisible
 * characters are named; long error lists are capped. Each case checks what
 * the command did: exit code, Thai message, nothing written for the bad
 * input, the good input built. A case that would hang or exhaust the process
 * if its guard broke (FIFOs, devices, sockets, bombs, huge images, memory)
 * runs the built command in a process of its own, with a deadline (`run`);
 * the others call the CLI in this process (runCli), which costs a fraction.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exampleText } from "../helpers/load-example.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { blankPng, png } from "../helpers/images.js";
import { filesUnder, KK_ORG, lineOf, NR_2564, NR_ORG, STACK, writeOrg, type JsonDiagnostic } from "./helpers.js";

const KK = { "org.yaml": KK_ORG, "2561.yaml": exampleText("khon-kaen-city", "2561.yaml"), "2562.yaml": exampleText("khon-kaen-city", "2562.yaml"), "2563.yaml": exampleText("khon-kaen-city", "2563.yaml"), "2564.yaml": exampleText("khon-kaen-city", "2564.yaml") };
const TEMPLATES = join(import.meta.dirname, "..", "..", "templates");

/** The built command with a deadline: a command that hangs on a FIFO fails the test instead of hanging it. */
function run(args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build"`);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ITADOC_DEBUG: "" } });
  return { code: r.status ?? -1, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

function json(r: { stdout: string }): { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] } {
  return JSON.parse(r.stdout) as { documents: Array<{ out: string }>; diagnostics: JsonDiagnostic[] };
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `itadoc-15in-${name}-`));
const mkfifo = (path: string) => execFileSync("mkfifo", [path]);

/** A copy of the built-in templates under root/tpl. */
function copyTemplates(root: string): string {
  const dir = join(root, "tpl");
  cpSync(TEMPLATES, dir, { recursive: true });
  return dir;
}

describe("only regular files are read", () => {
  const root = tmp("special");
  let server: Server;
  beforeAll(async () => {
    writeOrg(join(root, "in", "fifo-year"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    mkfifo(join(root, "in", "fifo-year", "2565.yaml"));
    writeOrg(join(root, "in", "zero-year"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    symlinkSync("/dev/zero", join(root, "in", "zero-year", "2565.yaml"));
    writeOrg(join(root, "in", "fifo-org"), { "2564.yaml": NR_2564 });
    mkfifo(join(root, "in", "fifo-org", "org.yaml"));
    writeOrg(join(root, "in", "socket-year"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    server = createServer();
    await new Promise<void>((resolve) => server.listen(join(root, "in", "socket-year", "2565.yaml"), resolve));
    writeOrg(join(root, "in", "good"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const expected = [
    ["in/fifo-year/2565.yaml", "ท่อส่งข้อมูล (FIFO)"],
    ["in/zero-year/2565.yaml", "อุปกรณ์ (character device)"],
    ["in/fifo-org/org.yaml", "ท่อส่งข้อมูล (FIFO)"],
    ["in/socket-year/2565.yaml", "ซ็อกเก็ต (socket)"],
  ] as const;

  test("validate: a FIFO, /dev/zero, a FIFO org.yaml and a socket are each E_FILE_NOT_REGULAR, refused without reading; exit 1", () => {
    const r = run(["validate", "in"], root);
    expect(r.code).toBe(1);
    for (const [file, kind] of expected) expect(r.stdout).toContain(`${file}: ข้อผิดพลาด [E_FILE_NOT_REGULAR] ไม่ใช่ไฟล์ธรรมดา แต่เป็น${kind} จึงไม่อ่าน`);
    // The FIFO org.yaml is reported as what it is, not as missing.
    expect(r.stdout).not.toContain("E_ORG_MISSING");
    expect(r.stdout).not.toMatch(STACK);
  });

  test("build --jobs 1: the same four errors; the good organisation and the good years are built, nothing of the bad files", () => {
    const r = run(["build", "in", "--out", "out", "--json", "--jobs", "1"], root);
    expect(r.code).toBe(1);
    const report = json(r);
    const notRegular = report.diagnostics.filter((d) => d.code === "E_FILE_NOT_REGULAR").map((d) => d.file).sort();
    expect(notRegular).toEqual(expected.map(([f]) => f).sort());
    const outs = report.documents.map((d) => d.out).sort();
    expect(outs).toContain("out/good/2564-report.pdf");
    expect(outs).toContain("out/fifo-year/2564-report.pdf");
    expect(outs.filter((o) => o.includes("2565-"))).toEqual([]);
    expect(filesUnder(join(root, "out")).filter((f) => f.startsWith("fifo-org/"))).toEqual([]);
  });

  test("an emblem that is a FIFO: E_EMBLEM says so; the memo is not made, the measures are", () => {
    const dir = tmp("emblem-fifo");
    writeOrg(join(dir, "kk"), { ...KK, "org.yaml": KK_ORG.replace("settings:\n", "settings:\n  emblem: garuda.png\n") });
    mkfifo(join(dir, "kk", "garuda.png"));
    const r = run(["build", "kk", "--out", "out", "--json"], dir);
    expect(r.code).toBe(1);
    const report = json(r);
    const e = report.diagnostics.find((d) => d.code === "E_EMBLEM");
    expect(e?.message).toContain("ไม่ใช่ไฟล์ภาพ แต่เป็นท่อส่งข้อมูล (FIFO)");
    const outs = report.documents.map((d) => d.out);
    expect(outs).not.toContain("out/kk/2563-memo.docx");
    expect(outs).toContain("out/kk/2564-measures.pdf");
  });
});

describe("every input named or found is accounted for", () => {
  test("a named file that is not a year file: E_INPUT_NAME, exit 1; .yaml files in the folder with other names: W_FILE_IGNORED each", async () => {
    const root = tmp("names");
    writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564, "2564 copy.yaml": NR_2564, "notes.yaml": "x: 1\n" });
    const named = await runCli(["build", "nr/notes.yaml", "--out", "out"], root);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain("nr/notes.yaml: ข้อผิดพลาด [E_INPUT_NAME] ชื่อไฟล์ notes.yaml ไม่ใช่ org.yaml หรือไฟล์รายปี");
    expect(existsSync(join(root, "out"))).toBe(true);
    expect(filesUnder(join(root, "out"))).toEqual([]);
    const whole = await runCli(["validate", "nr"], root);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain("nr/2564 copy.yaml: คำเตือน [W_FILE_IGNORED]");
    expect(whole.stdout).toContain("nr/notes.yaml: คำเตือน [W_FILE_IGNORED]");
    const built = await runCli(["build", "nr", "--out", "out", "--json"], root);
    expect(built.code).toBe(0);
    expect(json(built).diagnostics.filter((d) => d.code === "W_FILE_IGNORED").map((d) => d.file)).toEqual(["nr/2564 copy.yaml", "nr/notes.yaml"]);
  });
});

describe("templates stay inside their folder", () => {
  test("a partial symlinked to a file outside (/etc/passwd-like): E_TEMPLATE_OUTSIDE naming the template, exit 1, nothing written, the secret nowhere", async () => {
    const root = tmp("tpl-link");
    writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    writeFileSync(join(root, "passwd"), "root:x:0:0:SECRET-LINE:/root:/bin/bash\n");
    const tpl = copyTemplates(root);
    mkdirSync(join(tpl, "report", "partials"), { recursive: true });
    symlinkSync(join(root, "passwd"), join(tpl, "report", "partials", "pw.hbs"));
    const main = join(tpl, "report", "report.hbs");
    writeFileSync(main, readFileSync(main, "utf8").replace("{{> paragraphs analysis}}", "{{> paragraphs analysis}}<p>{{> pw}}</p>"));
    const r = await runCli(["build", "nr", "--out", "out", "--templates", "tpl"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tpl/report/partials/pw.hbs: ข้อผิดพลาด [E_TEMPLATE_OUTSIDE] แม่แบบ tpl/report/partials/pw.hbs เป็นลิงก์ (symlink) ไปยังไฟล์นอกโฟลเดอร์แม่แบบ");
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(join(root, "out", "nr"))).toBe(false);
    // doctor says the same, with ✗.
    const d = await runCli(["doctor", "--templates", "tpl"], root);
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(/✗ แม่แบบเอกสารใน tpl:.*E_TEMPLATE_OUTSIDE/);
  });

  test("a link that stays inside the template folder is followed: exit 0", async () => {
    const root = tmp("tpl-link-in");
    writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    const tpl = copyTemplates(root);
    mkdirSync(join(tpl, "report", "partials"), { recursive: true });
    symlinkSync(join("..", "..", "shared", "partials", "paragraphs.hbs"), join(tpl, "report", "partials", "paras.hbs"));
    const main = join(tpl, "report", "report.hbs");
    writeFileSync(main, readFileSync(main, "utf8").replace("{{> paragraphs analysis}}", "{{> paras analysis}}"));
    const r = await runCli(["build", "nr", "--out", "out", "--templates", "tpl", "--kind", "report"], root);
    expect(r.stderr).not.toContain("ข้อผิดพลาด [");
    expect(r.code).toBe(0);
    expect(existsSync(join(root, "out", "nr", "2564-report.pdf"))).toBe(true);
  });

  test("a template that is a FIFO: E_FILE_NOT_REGULAR naming it, no hang, nothing written", () => {
    const root = tmp("tpl-fifo");
    writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
    const tpl = copyTemplates(root);
    rmSync(join(tpl, "report", "report.hbs"));
    mkfifo(join(tpl, "report", "report.hbs"));
    const r = run(["build", "nr", "--out", "out", "--templates", "tpl"], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tpl/report/report.hbs: ข้อผิดพลาด [E_FILE_NOT_REGULAR]");
    expect(existsSync(join(root, "out", "nr"))).toBe(false);
  });
});

describe("bounded work", () => {
  const withEmblem = KK_ORG.replace("settings:\n", "settings:\n  emblem: garuda.png\n");
  const emblemLine = lineOf(withEmblem, "emblem:");

  test("an emblem PNG cut in half, and a 10000×10000 PNG: E_EMBLEM with the reason (damaged; pixel limit); memo not made, measures made", () => {
    const root = tmp("emblem");
    const half = png(400, 400);
    writeOrg(join(root, "in", "cut"), { ...KK, "org.yaml": withEmblem, "garuda.png": half.subarray(0, half.length >> 1) });
    // A real 10000×10000 greyscale PNG: ~100 KB on disk, 100 M pixels to decode.
    writeOrg(join(root, "in", "huge"), { ...KK, "org.yaml": withEmblem, "garuda.png": blankPng(10_000, 10_000) });
    writeOrg(join(root, "in", "good"), { ...KK, "org.yaml": withEmblem, "garuda.png": png(40, 48) });
    const r = run(["build", "in", "--out", "out", "--json", "--jobs", "1"], root);
    const report = json(r);
    const outs = report.documents.map((d) => d.out);
    for (const [name, reason] of [["cut", /ไฟล์ภาพเสียหายหรือไม่ครบ \(.+\)/], ["huge", /ภาพมีขนาด 10000×10000 พิกเซล เกินขีดจำกัด 4,000,000 พิกเซล/]] as const) {
      const errs = report.diagnostics.filter((d) => d.file === `in/${name}/org.yaml` && d.severity === "error");
      expect(errs.map((d) => [d.code, d.line])).toEqual([["E_EMBLEM", emblemLine]]);
      expect(errs[0]!.message).toMatch(reason);
      expect(outs).not.toContain(`out/${name}/2563-memo.docx`);
      expect(outs).toContain(`out/${name}/2564-measures.pdf`);
    }
    expect(outs).toContain("out/good/2563-memo.docx");
    expect(r.code).toBe(1);
  });

  test("a template whose partials double 40 times, --jobs 1: E_TEMPLATE_OUTPUT naming the template, the memo not made, the other documents made, no crash", () => {
    const root = tmp("bomb");
    writeOrg(join(root, "kk"), KK);
    const tpl = copyTemplates(root);
    let inline = `{{#*inline "q40"}}<p>x</p>{{/inline}}`;
    for (let i = 39; i >= 0; i--) inline += `{{#*inline "q${i}"}}{{> q${i + 1}}}{{> q${i + 1}}}{{/inline}}`;
    // The memo's parts are partials (memo/partials/part-*.hbs); the bomb goes into its opening part.
    const opening = join(tpl, "memo", "partials", "part-opening.hbs");
    writeFileSync(opening, `${inline}{{> q0}}${readFileSync(opening, "utf8")}`);
    const r = run(["build", "kk", "--out", "out", "--templates", "tpl", "--jobs", "1"], root);
    expect(r.stderr).toContain("tpl/memo/memo.hbs: ข้อผิดพลาด [E_TEMPLATE_OUTPUT] แม่แบบ tpl/memo/memo.hbs สร้างข้อความยาวเกิน 4,000,000 ตัวอักษรสำหรับเอกสารเดียว");
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
    const files = filesUnder(join(root, "out", "kk"));
    expect(files.filter((f) => f.includes("memo"))).toEqual([]);
    expect(files).toContain("2564-measures.pdf");
  });

  test("a document that exhausts its worker's memory, --jobs 1: E_DOC_MEMORY for that document only; the organisation's other document and the other organisation are built; exit 2", () => {
    const root = tmp("oom");
    writeOrg(join(root, "in", "victim"), KK);
    writeOrg(join(root, "in", "other"), KK);
    const r = spawnSync(process.execPath, [BIN, "build", "in", "--out", "out", "--json", "--jobs", "1"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, ITADOC_DEBUG: "", ITADOC_TEST_WORKER_FAULT: "oom:victim/2564-measures" },
    });
    expect(r.signal, r.stderr).toBeNull();
    expect(r.status).toBe(2);
    const report = json({ stdout: r.stdout });
    expect(report.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.file])).toEqual([["E_DOC_MEMORY", "in/victim/2564.yaml"]]);
    expect(report.diagnostics.find((d) => d.code === "E_DOC_MEMORY")?.message).toMatch(/^สร้างเอกสาร 2564-measures ไม่สำเร็จเพราะใช้หน่วยความจำเกินขีดจำกัด/);
    expect(report.documents.map((d) => d.out).sort()).toEqual(["out/other/2563-memo.docx", "out/other/2564-measures.pdf", "out/victim/2563-memo.docx"]);
    expect(filesUnder(join(root, "out", "victim")).filter((f) => !f.startsWith("."))).toEqual(["2563-memo.docx"]);
  });

  test("columns.yaml malformed, an alias bomb, or of the wrong shape: E_COLUMNS naming the file (not E_INTERNAL); doctor says ✗", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    for (const [name, text, detail] of [
      ["syntax", "- key: measure\n  heading: [unclosed\n", /YAML/],
      ["alias-bomb", bomb, /alias/],
      ["shape", "- key: measure\n  heading: มาตรการ\n  width: กว้าง\n", /width/],
    ] as const) {
      const root = tmp(`cols-${name}`);
      writeOrg(join(root, "nr"), { "org.yaml": NR_ORG, "2564.yaml": NR_2564 });
      const tpl = copyTemplates(root);
      writeFileSync(join(tpl, "measures", "columns.yaml"), text);
      // Only the bomb could take the process down if its guard broke: it alone gets a process of its own.
      const cli = name === "alias-bomb" ? async (args: string[]) => run(args, root) : (args: string[]) => runCli(args, root);
      const r = await cli(["build", "nr", "--out", "out", "--templates", "tpl"]);
      expect(r.stderr, name).toMatch(/tpl\/measures\/columns\.yaml(:\d+:\d+)?: ข้อผิดพลาด \[E_COLUMNS\] ไฟล์คอลัมน์ตาราง \(columns\.yaml\) ใช้ไม่ได้: /);
      expect(r.stderr, name).toMatch(detail);
      expect(r.stderr, name).not.toContain("E_INTERNAL");
      expect(r.code, name).toBe(1);
      const d = await cli(["doctor", "--templates", "tpl"]);
      expect(d.stdout, name).toMatch(/✗ แม่แบบเอกสารใน tpl:.*E_COLUMNS/);
      expect(d.code, name).toBe(1);
    }
  });
});
