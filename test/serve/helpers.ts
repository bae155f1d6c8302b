/** The page's server in this process on a copy of the examples, and raw HTTP requests to it (Host and Origin under the test's control). */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadResources, type Resources } from "../../src/serve/engine.js";
import { startServer, type RunningServer, type StartOptions } from "../../src/serve/server.js";
import { EXAMPLES } from "../helpers/load-example.js";

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  json(): any;
}

export interface Req {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Omit the token header (it is sent by default). */
  readonly noToken?: boolean;
}

export interface TestServer {
  readonly root: string;
  readonly server: RunningServer;
  call(r: Req): Promise<Reply>;
  close(): Promise<void>;
}

let resources: Promise<Resources> | undefined;

export function sharedResources(): Promise<Resources> {
  resources ??= loadResources(undefined, process.cwd()).then((r) => {
    if (!r.ok) throw new Error("templates failed to load");
    return r.resources;
  });
  return resources;
}

export function rawRequest(port: number, r: Req & { token?: string }): Promise<Reply> {
  const body = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? r.body : Buffer.from(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        method: r.method ?? (body ? "POST" : "GET"),
        path: r.path,
        headers: {
          Host: `127.0.0.1:${port}`,
          ...(r.token && !r.noToken ? { "X-Itadoc-Token": r.token } : {}),
          ...(body ? { "Content-Type": "application/json", "Content-Length": String(body.length) } : {}),
          ...r.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const b = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: b, json: () => JSON.parse(b.toString("utf8")) });
        });
        res.on("error", reject);
      },
    );
    // The server may answer (413) and close before the whole body is sent.
    req.on("error", reject);
    if (body) req.end(body);
    else req.end();
  });
}

/** A fresh copy of examples/ served by a server of this process. */
export async function serveExamples(opts: Partial<StartOptions> = {}): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), "itadoc-serve-"));
  cpSync(EXAMPLES, root, { recursive: true });
  const server = await startServer({ root, lang: "th", resources: await sharedResources(), ...opts });
  return {
    root,
    server,
    call: (r) => rawRequest(server.port, { ...r, token: server.token }),
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
