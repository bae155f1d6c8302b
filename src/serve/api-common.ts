/**
 * What every route of the page's API shares: the request it is handed, and
 * the checks that turn the page's untrusted `path` and `text` into a data
 * file of the served folder, or the refusal that says why.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lang } from "../diag/format.js";
import { FILE_KIND_EN, FILE_KIND_TH } from "../cli/read-regular.js";
import { MAX_FILE_BYTES } from "../input/max-file-bytes.js";
import type { Resources } from "./engine.js";
import { readText } from "./file-store.js";
import { HttpError, stringField } from "./http-util.js";
import { checkDataPath, PATH_REFUSAL_EN, PATH_REFUSAL_TH, type CheckedPath } from "./paths.js";
import { folderOf, sourcesWithEdit, type EditedSources } from "./workspace.js";

export interface ServeContext {
  /** The served folder, absolute and without links (realpath). */
  readonly root: string;
  /** As the clerk named it, for the page's title. */
  readonly shownRoot: string;
  readonly lang: Lang;
  readonly resources: Resources;
  /** The clock, for backup names (tests pass their own). */
  readonly now: () => Date;
}

export interface ApiRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly ctx: ServeContext;
}

export type Handler = (r: ApiRequest) => Promise<void>;

/** A data path of the served folder, or the refusal (403/404) naming why. */
export async function dataPath(ctx: ServeContext, rel: unknown, mustExist: boolean): Promise<Extract<CheckedPath, { ok: true }>> {
  const p = await checkDataPath(ctx.root, rel, { mustExist });
  if (p.ok) return p;
  const shown = typeof rel === "string" ? rel.slice(0, 200) : "-";
  throw new HttpError(p.why === "missing" ? 404 : 403, "E_SERVE_PATH", { path: shown, reasonTh: PATH_REFUSAL_TH[p.why], reasonEn: PATH_REFUSAL_EN[p.why] });
}

export async function readOrRefuse(abs: string, rel: string) {
  const r = await readText(abs);
  if (r.ok) return r;
  const f = r.refusal;
  if (f.why === "not-regular") throw new HttpError(403, "E_SERVE_PATH", { path: rel, reasonTh: FILE_KIND_TH[f.kind], reasonEn: FILE_KIND_EN[f.kind] });
  if (f.why === "too-large") throw new HttpError(413, "E_FILE_TOO_LARGE", { size: f.size, limit: MAX_FILE_BYTES });
  if (f.why === "encoding") throw new HttpError(422, "E_FILE_ENCODING");
  throw new HttpError(f.code === "ENOENT" ? 404 : 403, "E_FILE_READ", { reason: f.code });
}

export function textField(body: Record<string, unknown>): string {
  const text = stringField(body, "text");
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) throw new HttpError(413, "E_SERVE_BODY_TOO_LARGE", { limit: MAX_FILE_BYTES });
  return text;
}

/** The organisation's sources with the page's text for `path`. */
export async function editedSources(ctx: ServeContext, body: Record<string, unknown>): Promise<{ rel: string; text: string; src: EditedSources }> {
  const p = await dataPath(ctx, body.path, false);
  const text = textField(body);
  const folder = await folderOf(ctx.root, p.rel);
  if (!folder) throw new HttpError(404, "E_SERVE_PATH", { path: p.rel, reasonTh: PATH_REFUSAL_TH.missing, reasonEn: PATH_REFUSAL_EN.missing });
  return { rel: p.rel, text, src: await sourcesWithEdit(ctx.root, folder, p.rel, text) };
}

export function textsOf(src: EditedSources): Map<string, string> {
  const dec = new TextDecoder();
  return new Map([...(src.org ? [src.org] : []), ...src.years].map((s) => [s.path, dec.decode(s.bytes)]));
}
