/**
 * `itadoc serve` as the clerk starts it: the built CLI in its own process,
 * one address printed, Ctrl-C closes it and frees the port; --open without
 * a browser is no failure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EXAMPLES } from "../helpers/load-example.js";
import { BIN, runCli } from "../helpers/run-cli.js";
import { rawRequest } from "./helpers.js";
import { DEFAULT_PORT, runServe } from "../../src/cli/commands/serve.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Starts the built CLI and resolves with the address it prints. */
function start(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; url: URL; stdout: () => string; exited: Promise<number | null> }> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (npm test does it)`);
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString("utf8");
      const m = /http:\/\/127\.0\.0\.1:[0-9]+\/\?t=[A-Za-z0-9_-]+/.exec(out);
      if (m) resolve({ child, url: new URL(m[0]), stdout: () => out, exited });
    });
    child.stderr!.on("data", (b: Buffer) => (err += b.toString("utf8")));
    void exited.then((code) => reject(new Error(`serve exited (${code}) before printing its address: ${out} ${err}`)));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("itadoc serve", () => {
  it("prints one address with a token, answers it, and Ctrl-C stops it and frees the port", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-serve-cmd-"));
    cpSync(EXAMPLES, root, { recursive: true });
    const s = await start([root]);
    const port = Number(s.url.port);
    const token = s.url.searchParams.get("t")!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(s.stdout().match(/http:\/\//g)).toHaveLength(1);
    expect((await rawRequest(port, { path: "/api/tree", token })).status).toBe(200);
    expect((await rawRequest(port, { path: "/api/tree" })).status).toBe(403);
    s.child.kill("SIGINT");
    expect(await s.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });

  it("--open without any browser on the machine still serves", async () => {
    const root = mkdtempSync(join(tmpdir(), "itadoc-serve-open-"));
    cpSync(EXAMPLES, root, { recursive: true });
    // a PATH with no xdg-open on it
    const s = await start([root, "--open", "--lang", "en"], { ...process.env, PATH: mkdtempSync(join(tmpdir(), "no-browser-")) });
    expect(s.stdout()).toContain("open this page in a browser");
    expect((await rawRequest(Number(s.url.port), { path: "/api/tree", token: s.url.searchParams.get("t")! })).status).toBe(200);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    rmSync(root, { recursive: true, force: true });
  });

  it("says what is wrong with a bad port or a missing folder, with no stack trace", async () => {
    const port = await runCli(["serve", "examples", "--port", "99999"]);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("[E_USAGE]");
    expect(port.stderr).not.toMatch(/\n\s+at /);
    const missing = await runCli(["serve", "no-such-folder"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("[E_PATH_NOT_FOUND]");
    const file = await runCli(["serve", "examples/khon-kaen-city/2564.yaml"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("ต้องระบุโฟลเดอร์");
    const extra = await runCli(["serve", "examples", "--strict"]);
    expect(extra.code).toBe(2);
  });

  it("says so on the terminal when the folder holds no organisation, and serves anyway", async () => {
    const empty = mkdtempSync(join(tmpdir(), "itadoc-serve-empty-"));
    let out = "";
    let err = "";
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let port = 0;
    const code = await runServe(
      {
        folder: empty,
        port: "0",
        open: false,
        stop: stopped,
        onStarted: (s) => {
          port = s.port;
          setImmediate(async () => {
            expect((await rawRequest(s.port, { path: "/api/tree", token: s.token })).json().organisations).toEqual([]);
            stop();
          });
        },
      },
      { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`), lang: "th", isTTY: false, cwd: process.cwd() },
    );
    expect(code).toBe(0);
    expect(err).toContain("[E_NO_INPUT]");
    expect(out).toContain(`http://127.0.0.1:${port}/?t=`);
    expect(await portIsFree(port)).toBe(true);
    rmSync(empty, { recursive: true, force: true });
  });

  it("uses the same port on every run (drafts in the browser belong to one address), and any free one, said, when that is taken", async () => {
    const run = async (): Promise<{ port: number; err: string }> => {
      let err = "";
      let port = 0;
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const code = await runServe(
        { folder: EXAMPLES, open: false, stop: stopped, onStarted: (s) => ((port = s.port), setImmediate(stop)) },
        { out: () => undefined, err: (l) => (err += `${l}\n`), lang: "th", isTTY: false, cwd: process.cwd() },
      );
      expect(code).toBe(0);
      return { port, err };
    };
    // Every other test asks for --port 0, so DEFAULT_PORT is free unless something outside holds it; either way the run below must not get it.
    const blocker = createServer();
    const held = await new Promise<boolean>((resolve) => {
      blocker.once("error", () => resolve(false));
      blocker.listen(DEFAULT_PORT, "127.0.0.1", () => resolve(true));
    });
    try {
      const second = await run();
      expect(second.port).not.toBe(DEFAULT_PORT);
      expect(second.port).toBeGreaterThan(0);
      expect(second.err).toContain(`พอร์ต ${DEFAULT_PORT} มีโปรแกรมอื่นใช้อยู่`);
    } finally {
      if (held) await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    if (held) {
      const first = await run();
      expect(first.port).toBe(DEFAULT_PORT);
      expect(first.err).not.toContain("มีโปรแกรมอื่นใช้อยู่");
    }
  });

  it("is in the help, in Thai and English", async () => {
    expect((await runCli(["--help"])).stdout).toContain("itadoc serve [โฟลเดอร์]");
    expect((await runCli(["--help", "--lang", "en"])).stdout).toContain("itadoc serve [folder] [--port N] [--open]");
  });

  it("says the port is taken instead of failing with a trace", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const taken = (blocker.address() as { port: number }).port;
    const r = await runCli(["serve", "examples", "--port", String(taken)]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_SERVE_PORT]");
    expect(r.stderr).toContain(String(taken));
  });
});
