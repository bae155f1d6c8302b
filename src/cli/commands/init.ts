/** itadoc init [dir]: a starter organisation folder; never overwrites a file. */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { error } from "../../diag/diagnostic.js";
import { formatDiagnostic } from "../../diag/format.js";
import { Exit, type CliIO } from "../io.js";
import { starterOrg, starterYear } from "./init-starter.js";
import { ceToBe, fiscalYearOf } from "../../thai/fiscal-year.js";

export async function runInit(opts: { dir: string; year?: number }, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, opts.dir);
  // The latest fiscal year whose results are out: the one before today's (results come in September, as it ends).
  const now = new Date();
  const year = opts.year ?? fiscalYearOf({ year: ceToBe(now.getFullYear()), month: now.getMonth() + 1, day: now.getDate() }) - 1;
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ["org.yaml", starterOrg()],
    [`${year}.yaml`, starterYear(year)],
  ];
  for (const [name, text] of files) {
    try {
      await writeFile(join(dir, name), text, { flag: "wx" });
      io.out(`${io.lang === "th" ? "สร้าง" : "created"} ${join(opts.dir, name)}`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "?";
      io.err(formatDiagnostic(error("E_WRITE", { path: join(opts.dir, name), reason: code === "EEXIST" ? (io.lang === "th" ? "มีไฟล์อยู่แล้ว ไม่เขียนทับ" : "exists; not overwritten") : code }), io.lang));
      return Exit.invalidInput;
    }
  }
  io.out(
    io.lang === "th"
      ? `ขั้นต่อไป: แก้ไฟล์ใน ${opts.dir} แล้วรัน  npx itadoc validate ${opts.dir}  และ  npx itadoc build ${opts.dir}`
      : `next: edit the files in ${opts.dir}, then run  npx itadoc validate ${opts.dir}  and  npx itadoc build ${opts.dir}`,
  );
  return Exit.ok;
}
