/**
 * The page's API (contract: wip/t16a ↔ wip/t16b, api-serve.md): one entry
 * per path and method. Handlers get the parsed request and answer with data;
 * refusals are HttpErrors, which the server turns into `{ error }` answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lang } from "../diag/format.js";
import { DOC_KINDS, KINDS } from "../documents/kinds.js";
import { FORMATS } from "../export/formats.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../cli/resources.js";
import { toApiDiagnostic } from "./diagnostics-json.js";
import { checkEdited, parsePreviewKind, previewEdited, type Resources } from "./engine.js";
import { readText, saveText } from "./file-store.js";
import { HttpError, readJson, sendJson, stringField } from "./http-util.js";
import { checkDataPath, PATH_REFUSAL_EN, PATH_REFUSAL_TH, type CheckedPath } from "./paths.js";
import { folderOf, listOrganisations, sourcesWithEdit, type EditedSources } from "./workspace.js";
import { FILE_KIND_EN, FILE_KIND_TH } from "../cli/read-regular.js";
import { MAX_FILE_BYTES } from "../input/load-yaml.js";
import { isFormat, type Format } from "../export/formats.js";
import { applyEdits, formView, type FieldEdit } from "./form-edit.js";
import { buildOrg, findOrganisation, newYear, OUT_DIR } from "./org-actions.js";
import { error } from "../diag/diagnostic.js";
import { schemaTree, type SchemaTree } from "./schema-tree.js";

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

/** path → method → handler. */
export const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  "/api/tree": { GET: tree },
  "/api/file": { GET: getFile, PUT: putFile },
  "/api/check": { POST: check },
  "/api/preview": { POST: preview },
  "/api/build": { POST: build },
  "/api/new-year": { POST: startYear },
  "/api/schema": { GET: schema },
  "/api/form": { GET: getForm, POST: postForm },
};

async function tree({ res, ctx }: ApiRequest): Promise<void> {
  const organisations = await listOrganisations(ctx.root);
  sendJson(res, 200, {
    lang: ctx.lang,
    folder: ctx.shownRoot,
    organisations,
    kinds: DOC_KINDS.map((id) => ({ id, title: ctx.lang === "en" ? KINDS[id].en : KINDS[id].th, primary: KINDS[id].primaryFormat, formats: [...FORMATS] })),
  });
}

/** A data path of the served folder, or the refusal (403/404) naming why. */
export async function dataPath(ctx: ServeContext, rel: unknown, mustExist: boolean): Promise<Extract<CheckedPath, { ok: true }>> {
  const p = await checkDataPath(ctx.root, rel, { mustExist });
  if (p.ok) return p;
  const shown = typeof rel === "string" ? rel.slice(0, 200) : "-";
  throw new HttpError(p.why === "missing" ? 404 : 403, "E_SERVE_PATH", { path: shown, reasonTh: PATH_REFUSAL_TH[p.why], reasonEn: PATH_REFUSAL_EN[p.why] });
}

async function readOrRefuse(abs: string, rel: string) {
  const r = await readText(abs);
  if (r.ok) return r;
  const f = r.refusal;
  if (f.why === "not-regular") throw new HttpError(403, "E_SERVE_PATH", { path: rel, reasonTh: FILE_KIND_TH[f.kind], reasonEn: FILE_KIND_EN[f.kind] });
  if (f.why === "too-large") throw new HttpError(413, "E_FILE_TOO_LARGE", { size: f.size, limit: MAX_FILE_BYTES });
  if (f.why === "encoding") throw new HttpError(422, "E_FILE_ENCODING");
  throw new HttpError(f.code === "ENOENT" ? 404 : 403, "E_FILE_READ", { reason: f.code });
}

async function getFile({ res, url, ctx }: ApiRequest): Promise<void> {
  const p = await dataPath(ctx, url.searchParams.get("path"), true);
  const r = await readOrRefuse(p.abs, p.rel);
  sendJson(res, 200, { path: p.rel, text: r.text, hash: r.hash });
}

function textField(body: Record<string, unknown>): string {
  const text = stringField(body, "text");
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) throw new HttpError(413, "E_SERVE_BODY_TOO_LARGE", { limit: MAX_FILE_BYTES });
  return text;
}

async function putFile({ req, res, url, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const p = await dataPath(ctx, url.searchParams.get("path") ?? body.path, false);
  const text = textField(body);
  const base = body.baseHash;
  if (base !== null && typeof base !== "string") throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: '"baseHash"' });
  const r = await saveText(p.abs, text, base, ctx.now());
  if (r.ok) return sendJson(res, 200, { hash: r.hash, backup: r.backup });
  if ("conflict" in r) throw new HttpError(409, "E_SERVE_CONFLICT", { path: p.rel }, { conflict: r.conflict });
  await readOrRefuse(p.abs, p.rel);
}

/** The organisation's sources with the page's text for `path`. */
async function editedSources(ctx: ServeContext, body: Record<string, unknown>): Promise<{ rel: string; text: string; src: EditedSources }> {
  const p = await dataPath(ctx, body.path, false);
  const text = textField(body);
  const folder = await folderOf(ctx.root, p.rel);
  if (!folder) throw new HttpError(404, "E_SERVE_PATH", { path: p.rel, reasonTh: PATH_REFUSAL_TH.missing, reasonEn: PATH_REFUSAL_EN.missing });
  return { rel: p.rel, text, src: await sourcesWithEdit(ctx.root, folder, p.rel, text) };
}

function textsOf(src: EditedSources): Map<string, string> {
  const dec = new TextDecoder();
  return new Map([...(src.org ? [src.org] : []), ...src.years].map((s) => [s.path, dec.decode(s.bytes)]));
}

async function check({ req, res, ctx }: ApiRequest): Promise<void> {
  const { src } = await editedSources(ctx, await readJson(req));
  const diags = await checkEdited(src, ctx.root);
  const texts = textsOf(src);
  sendJson(res, 200, { diagnostics: diags.map((d) => toApiDiagnostic(d, ctx.lang, texts)) });
}

async function preview({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const what = parsePreviewKind(body.kind, body.format);
  if (!what) throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: `kind (${DOC_KINDS.join(", ")}), format (${FORMATS.join(", ")})` });
  const { rel, src } = await editedSources(ctx, body);
  const r = await previewEdited(src, ctx.root, ctx.resources, { rel, ...what });
  if (!r.ok) {
    const texts = textsOf(src);
    return sendJson(res, 422, { diagnostics: r.diagnostics.map((d) => toApiDiagnostic(d, ctx.lang, texts)) });
  }
  res.writeHead(200, {
    "Content-Type": r.mime,
    "Content-Length": r.bytes.length,
    "Content-Disposition": `attachment; filename="${r.fileName}"`,
    "Cache-Control": "no-store",
  });
  res.end(r.bytes);
}

async function organisation(ctx: ServeContext, dir: unknown) {
  const found = typeof dir === "string" ? await findOrganisation(ctx.root, dir) : undefined;
  if (!found) throw new HttpError(404, "E_SERVE_PATH", { path: typeof dir === "string" ? dir.slice(0, 200) : "-", reasonTh: PATH_REFUSAL_TH.missing, reasonEn: PATH_REFUSAL_EN.missing });
  return found;
}

/** Organisations being built: one build of an organisation at a time. */
const building = new Set<string>();

/** Server-sent events: a line per document made, then the outcome. */
async function build({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const org = await organisation(ctx, body.org);
  const formats = body.formats === undefined ? undefined : Array.isArray(body.formats) && body.formats.every((f) => typeof f === "string" && isFormat(f)) ? (body.formats as Format[]) : null;
  if (formats === null) throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: `formats (${FORMATS.join(", ")})` });
  const key = org.folder.dir;
  if (building.has(key)) throw new HttpError(409, "E_SERVE_BUSY");
  building.add(key);
  try {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const texts = new Map<string, string>();
    try {
      const outcome = await buildOrg(ctx.root, org, ctx.resources, formats, (p) => send(p));
      send({ end: true, written: outcome.written, diagnostics: outcome.diagnostics.map((d) => toApiDiagnostic(d, ctx.lang, texts)) });
    } catch (e) {
      // The stream has begun: the failure is its last event, as data like every other outcome.
      const code = (e as NodeJS.ErrnoException).code;
      const d = code ? error("E_WRITE", { path: OUT_DIR, reason: code }) : error("E_INTERNAL", { detail: (e as Error)?.message ?? String(e) });
      send({ end: true, written: [], diagnostics: [toApiDiagnostic(d, ctx.lang, texts)] });
    }
    res.end();
  } finally {
    building.delete(key);
  }
}

async function startYear({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const org = await organisation(ctx, body.org);
  const r = await newYear(ctx.root, org.folder.dir, ctx.lang);
  // The command's own report: its first line names the diagnostic's code ("… [E_NEW_YEAR_EXISTS] …").
  if (!r.ok) return sendJson(res, 422, { error: { code: /\[([A-Z_]+)\]/.exec(r.lines[0] ?? "")?.[1] ?? "E_INTERNAL", message: r.lines.join("\n"), hint: "" } });
  sendJson(res, 200, { path: r.path, report: r.lines });
}

let tree_: SchemaTree | undefined;

async function schema({ res }: ApiRequest): Promise<void> {
  // The key explanations come from the input format's own documentation; without it, keys only.
  tree_ ??= schemaTree(await readFile(join(PACKAGE_ROOT, "docs", "input-format.md"), "utf8").catch(() => ""));
  sendJson(res, 200, tree_);
}

async function getForm({ res, url, ctx }: ApiRequest): Promise<void> {
  const p = await dataPath(ctx, url.searchParams.get("path"), true);
  const r = await readOrRefuse(p.abs, p.rel);
  const v = formView(r.text);
  if (!v.ok) throw new HttpError(422, "E_YAML_SYNTAX", { detail: p.rel });
  sendJson(res, 200, { path: p.rel, hash: r.hash, fields: v.view });
}

/** The edits applied to the page's text (not to the file: saving stays the page's Save). */
async function postForm({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  await dataPath(ctx, body.path, false);
  const text = textField(body);
  const edits = body.edits ?? [];
  const valueOk = (v: unknown) => v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || (Array.isArray(v) && v.every((x) => typeof x === "string"));
  if (!Array.isArray(edits) || edits.length > 500 || !edits.every((e) => typeof e === "object" && e !== null && typeof (e as FieldEdit).field === "string" && valueOk((e as FieldEdit).value))) {
    throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: "edits: [{ field, value }]" });
  }
  const r = applyEdits(text, edits as FieldEdit[]);
  if (!r.ok) throw new HttpError(422, r.reason === "syntax" ? "E_YAML_SYNTAX" : "E_SERVE_BAD_REQUEST", { detail: r.field ?? "YAML" });
  const v = formView(r.text);
  sendJson(res, 200, { text: r.text, ...(v.ok ? { fields: v.view } : {}) });
}
