/**
 * The page's own files, from dist/web/ (bundled at build time, shipped in
 * the package: nothing is fetched from the network). index.html gets this
 * run's token and language in place of its placeholders. Only files of that
 * folder, by their plain names, are served.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ServerResponse } from "node:http";
import type { Lang } from "../diag/format.js";
import { PACKAGE_ROOT } from "../cli/resources.js";
import { HttpError } from "./http-util.js";

export const WEB_DIR = join(PACKAGE_ROOT, "dist", "web");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
};

/** A page to show when the bundle is missing (a source checkout before `npm run build`). */
const FALLBACK = `<!doctype html><html lang="__ITADOC_LANG__"><meta charset="utf-8"><title>itadoc</title>
<p>itadoc serve: dist/web/ is missing — run <code>npm run build</code>. / ไม่พบไฟล์หน้าเว็บ (dist/web/) ให้สั่ง npm run build ก่อน</p></html>`;

const ASSET = /^\/([A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*)$/;

export async function serveStatic(pathname: string, res: ServerResponse, ctx: { token: string; lang: Lang; webDir: string; setCookie?: string }): Promise<void> {
  const name = pathname === "/" ? "index.html" : ASSET.exec(pathname)?.[1];
  const ext = name ? /\.[a-z0-9]+$/.exec(name)?.[0] : undefined;
  if (!name || !ext || !TYPES[ext] || name.split("/").some((s) => s.startsWith(".") )) throw new HttpError(404, "E_SERVE_NOT_FOUND", { path: pathname.slice(0, 200) });
  let bytes: Buffer;
  try {
    bytes = await readFile(join(ctx.webDir, name));
  } catch {
    if (name !== "index.html") throw new HttpError(404, "E_SERVE_NOT_FOUND", { path: pathname.slice(0, 200) });
    bytes = Buffer.from(FALLBACK);
  }
  if (name === "index.html") bytes = Buffer.from(bytes.toString("utf8").replaceAll("__ITADOC_TOKEN__", ctx.token).replaceAll("__ITADOC_LANG__", ctx.lang));
  res.writeHead(200, {
    "Content-Type": TYPES[ext]!,
    "Content-Length": bytes.length,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The page runs only its own scripts; nothing from elsewhere, no framing by another site.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    ...(ctx.setCookie ? { "Set-Cookie": ctx.setCookie } : {}),
  });
  res.end(bytes);
}
