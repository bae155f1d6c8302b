/** Small helpers of the page's server: bounded JSON bodies, JSON answers, errors as data. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { error, type Params } from "../diag/diagnostic.js";
import type { Code } from "../diag/codes.js";
import { hintOf, messageOf, type Lang } from "../diag/format.js";

/** A year file is a few kilobytes and MAX_FILE_BYTES bounds what itadoc reads; a request holds one file's text and a little more. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** An answer that is an error: its status and the diagnostic that says why. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    readonly params: Params = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": bytes.length, "Cache-Control": "no-store" });
  res.end(bytes);
}

export function sendError(res: ServerResponse, e: HttpError, lang: Lang): void {
  const d = error(e.code, e.params);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, e.status, { error: { code: e.code, message: messageOf(d, lang), hint: hintOf(d, lang) ?? "" }, ...e.extra });
}

/** The request's body as JSON, refused past MAX_BODY_BYTES (413) before it is all read. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > limit) throw new HttpError(413, "E_SERVE_BODY_TOO_LARGE", { limit });
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw new HttpError(413, "E_SERVE_BODY_TOO_LARGE", { limit });
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: "JSON" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: "JSON object" });
  return value as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== "string") throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: `"${name}"` });
  return v;
}
