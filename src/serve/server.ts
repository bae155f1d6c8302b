/**
 * The page's HTTP server (node:http): 127.0.0.1 only, one random token per
 * run, every request guarded (guard.ts) before it reaches a route. Closing
 * it ends open connections too, so the port is free when close() returns.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { realpath } from "node:fs/promises";
import type { Lang } from "../diag/format.js";
import { ROUTES, type ServeContext } from "./api.js";
import type { Resources } from "./engine.js";
import { cookieName, guard, newToken } from "./guard.js";
import { HttpError, sendError } from "./http-util.js";
import { serveStatic, WEB_DIR } from "./static.js";

export interface StartOptions {
  readonly root: string;
  readonly shownRoot?: string;
  /** 0 (default): a free port chosen by the system. */
  readonly port?: number;
  readonly lang: Lang;
  readonly resources: Resources;
  readonly webDir?: string;
  readonly now?: () => Date;
  /** Fixed token (tests); default a random one. */
  readonly token?: string;
}

export interface RunningServer {
  /** The served folder, resolved (realpath). */
  readonly root: string;
  readonly port: number;
  readonly token: string;
  /** The one address the clerk opens: http://127.0.0.1:PORT/?t=TOKEN */
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const ctx: ServeContext = { root: await realpath(opts.root), shownRoot: opts.shownRoot ?? opts.root, lang: opts.lang, resources: opts.resources, now: opts.now ?? (() => new Date()) };
  const webDir = opts.webDir ?? WEB_DIR;
  let port = 0;
  const server: Server = createServer((req, res) => {
    void handle(req, res, { ctx, token, port, webDir });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: opts.port ?? 0, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    root: ctx.root,
    port,
    token,
    url: `http://127.0.0.1:${port}/?t=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, s: { ctx: ServeContext; token: string; port: number; webDir: string }): Promise<void> {
  const { ctx } = s;
  try {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const { viaQuery } = guard(req, url, { port: s.port, token: s.token });
    const route = ROUTES[url.pathname];
    if (route) {
      const handler = route[req.method ?? ""];
      if (!handler) {
        res.setHeader("Allow", Object.keys(route).join(", "));
        throw new HttpError(405, "E_SERVE_METHOD", { method: (req.method ?? "-").slice(0, 20), path: url.pathname, allowed: Object.keys(route).join(", ") });
      }
      await handler({ req, res, url, ctx });
      return;
    }
    if (url.pathname.startsWith("/api/")) throw new HttpError(404, "E_SERVE_NOT_FOUND", { path: url.pathname.slice(0, 200) });
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(405, "E_SERVE_METHOD", { method: (req.method ?? "-").slice(0, 20), path: url.pathname.slice(0, 200), allowed: "GET" });
    const setCookie = viaQuery ? `${cookieName(s.port)}=${s.token}; Path=/; HttpOnly; SameSite=Strict` : undefined;
    await serveStatic(url.pathname, res, { token: s.token, lang: ctx.lang, webDir: s.webDir, ...(setCookie ? { setCookie } : {}) });
  } catch (e) {
    if (e instanceof HttpError) return sendError(res, e, ctx.lang);
    // A fault of the server, not of the clerk: one line of data, no stack (ITADOC_DEBUG shows it on the terminal).
    if (process.env.ITADOC_DEBUG) console.error(e);
    const code = (e as NodeJS.ErrnoException)?.code;
    sendError(res, code ? new HttpError(500, "E_WRITE", { path: "-", reason: code }) : new HttpError(500, "E_INTERNAL", { detail: (e as Error)?.message ?? String(e) }), ctx.lang);
  }
}
