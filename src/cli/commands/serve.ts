/**
 * itadoc serve [folder] [--port N] [--open]: the local page where a clerk
 * edits, checks and previews (src/serve/). Prints one address and runs
 * until Ctrl-C, which closes the server and every connection.
 */
import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { error } from "../../diag/diagnostic.js";
import { formatDiagnostic } from "../../diag/format.js";
import { loadResources, warmUp } from "../../serve/engine.js";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../resources.js";
import { startServer, type RunningServer } from "../../serve/server.js";
import { listOrganisations } from "../../serve/workspace.js";
import { parseNumber } from "../../thai/digits.js";
import { Exit, UsageError, type CliIO } from "../io.js";

export interface ServeOptions {
  readonly folder: string;
  readonly port?: string;
  readonly open: boolean;
  readonly templates?: string;
  /** Ends the server as Ctrl-C would (tests); default: SIGINT or SIGTERM. */
  readonly stop?: Promise<void>;
  /** Told the running server (tests). */
  readonly onStarted?: (s: RunningServer) => void;
}

/**
 * The same address on every run unless --port says otherwise: the page keeps unsaved drafts in the
 * browser's storage, which belongs to one address (port included), so a random port would hide them
 * after a restart.
 */
export const DEFAULT_PORT = 8543;

export async function runServe(opts: ServeOptions, io: CliIO): Promise<number> {
  const th = io.lang === "th";
  const port = opts.port === undefined ? DEFAULT_PORT : parseNumber(opts.port);
  if (port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(th ? `--port ต้องเป็นเลข 0–65535 (พบ "${opts.port}")` : `--port needs a number 0–65535 (got "${opts.port}")`);
  const root = resolve(io.cwd, opts.folder);
  const st = await stat(root).catch(() => undefined);
  if (!st) {
    io.err(formatDiagnostic(error("E_PATH_NOT_FOUND", { path: opts.folder }), io.lang));
    return Exit.usage;
  }
  if (!st.isDirectory()) throw new UsageError(th ? `serve ต้องระบุโฟลเดอร์ (โฟลเดอร์ของหน่วยงาน หรือโฟลเดอร์ที่รวมหลายหน่วยงาน) ไม่ใช่ไฟล์: ${opts.folder}` : `serve needs a folder (an organisation's, or one holding several), not a file: ${opts.folder}`);
  const loaded = await loadResources(opts.templates, io.cwd);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d, io.lang));
    return Exit.invalidInput;
  }
  let server: RunningServer;
  try {
    const start = (p: number) => startServer({ root, shownRoot: opts.folder, port: p, lang: io.lang, resources: loaded.resources });
    server = await start(port).catch((e: NodeJS.ErrnoException) => {
      // The default port taken (another itadoc serve, or anything else): any free port will do, but
      // unsaved drafts belong to the page's address, so say that this run's page has a new one.
      if (opts.port !== undefined || e.code !== "EADDRINUSE") throw e;
      io.err(th ? `พอร์ต ${port} มีโปรแกรมอื่นใช้อยู่ จึงเปิดที่พอร์ตอื่นแทน (ร่างที่ยังไม่บันทึกจากพอร์ตเดิมจะไม่แสดงในหน้านี้)` : `port ${port} is in use, so another port is used (unsaved drafts from the usual address do not show on this page)`);
      return start(0);
    });
  } catch (e) {
    io.err(formatDiagnostic(error("E_SERVE_PORT", { port, reason: (e as NodeJS.ErrnoException).code ?? String(e) }), io.lang));
    return Exit.usage;
  }
  // Listening for Ctrl-C before the address is printed: a signal that comes as soon as the clerk (or a script) sees it must close the server, not kill the process.
  const stopped = opts.stop ?? untilSignal();
  opts.onStarted?.(server);
  // While the clerk's browser opens; requests that come meanwhile simply wait their turn.
  void warmUp(loaded.resources, join(PACKAGE_ROOT, "examples"));
  io.out(th ? `เปิดหน้าเว็บนี้ในเบราว์เซอร์: ${server.url}` : `open this page in a browser: ${server.url}`);
  io.out(th ? "(ใช้ได้เฉพาะบนเครื่องนี้ กด Ctrl-C เพื่อปิด)" : "(this machine only; Ctrl-C stops it)");
  // A folder with no organisation in it shows an empty page: say why where the clerk typed the command.
  if ((await listOrganisations(server.root)).length === 0) io.err(formatDiagnostic(error("E_NO_INPUT", { path: opts.folder }), io.lang));
  if (opts.open) openBrowser(server.url);
  await stopped;
  await server.close();
  io.out(th ? "ปิดหน้าเว็บแล้ว" : "stopped");
  return Exit.ok;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
}

/** The system's browser, if it has one; no browser (a server, a container) is not an error: the address is printed anyway. */
function openBrowser(url: string): void {
  const cmd = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(cmd, [url], { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // nothing to do: the address is on the terminal
  }
}
