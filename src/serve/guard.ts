/**
 * Who may talk to the page's server. It listens on 127.0.0.1 only, but any
 * web page the clerk visits can make the browser send requests there, and a
 * DNS-rebinding page can even read the answers. So:
 *
 * - the Host header must be this machine's loopback name or address with
 *   this run's port (a rebinding page's requests carry its own host name);
 * - every request carries this run's random token. The API takes it only in
 *   the X-Itadoc-Token header: a custom header cannot be sent cross-site
 *   without a CORS preflight, which this server never grants. The page
 *   itself and its assets take `?t=TOKEN`, or the cookie the page's first
 *   load sets (SameSite=Strict: never sent by another site's requests), so
 *   fonts that the stylesheet names and pdf.js's worker load too;
 * - a request with an Origin header must come from the page's own origin.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-util.js";

export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function cookieName(port: number): string {
  // Cookies are per host, not per port: the port in the name keeps two runs' tokens apart.
  return `itadoc_t_${port}`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, port: number): string | undefined {
  const name = cookieName(port);
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

export interface GuardContext {
  readonly port: number;
  readonly token: string;
}

/** Throws the refusal (421 / 403) or returns whether the token came in the URL (the page's first load). */
export function guard(req: IncomingMessage, url: URL, ctx: GuardContext): { readonly viaQuery: boolean } {
  const host = req.headers.host ?? "";
  const allowed = [`127.0.0.1:${ctx.port}`, `localhost:${ctx.port}`, `[::1]:${ctx.port}`];
  if (!allowed.includes(host.toLowerCase())) throw new HttpError(421, "E_SERVE_HOST", { host: host.slice(0, 100) || "-" });
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.some((h) => origin.toLowerCase() === `http://${h}`)) throw new HttpError(403, "E_SERVE_ORIGIN", { origin: origin.slice(0, 100) });
  const isApi = url.pathname.startsWith("/api/");
  const header = req.headers["x-itadoc-token"];
  if (isApi) {
    if (!sameToken(Array.isArray(header) ? header[0] : header, ctx.token)) throw new HttpError(403, "E_SERVE_TOKEN");
    return { viaQuery: false };
  }
  const query = url.searchParams.get("t") ?? undefined;
  if (sameToken(query, ctx.token)) return { viaQuery: true };
  if (sameToken(cookieToken(req, ctx.port), ctx.token)) return { viaQuery: false };
  throw new HttpError(403, "E_SERVE_TOKEN");
}
