/** The page's routes about one year file's documents: check, preview, the form, key completion. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DOC_KINDS } from "../documents/kinds.js";
import { FORMATS } from "../export/formats.js";
import { PACKAGE_ROOT } from "../cli/resources.js";
import { toApiDiagnostic } from "./diagnostics-json.js";
import { checkEdited, parsePreviewKind, previewEdited } from "./engine.js";
import { applyEdits, formView, type FieldEdit } from "./form-edit.js";
import { HttpError, readJson, sendJson } from "./http-util.js";
import { schemaTree, type SchemaTree } from "./schema-tree.js";
import { dataPath, editedSources, readOrRefuse, textField, textsOf, type ApiRequest } from "./api-common.js";

export async function check({ req, res, ctx }: ApiRequest): Promise<void> {
  const { src } = await editedSources(ctx, await readJson(req));
  if (req.socket.destroyed) return;
  const diags = await checkEdited(src, ctx.root);
  const texts = textsOf(src);
  sendJson(res, 200, { diagnostics: diags.map((d) => toApiDiagnostic(d, ctx.lang, texts)) });
}

export async function preview({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const what = parsePreviewKind(body.kind, body.format);
  if (!what) throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: `kind (${DOC_KINDS.join(", ")}), format (${FORMATS.join(", ")})` });
  const { rel, src } = await editedSources(ctx, body);
  // The page has moved on (a newer keystroke aborted this request while it waited its turn): no PDF for nobody.
  if (req.socket.destroyed) return;
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

let tree_: SchemaTree | undefined;

export async function schema({ res }: ApiRequest): Promise<void> {
  // The key explanations come from the input format's own documentation; without it, keys only.
  tree_ ??= schemaTree(await readFile(join(PACKAGE_ROOT, "docs", "input-format.md"), "utf8").catch(() => ""));
  sendJson(res, 200, tree_);
}

export async function getForm({ res, url, ctx }: ApiRequest): Promise<void> {
  const p = await dataPath(ctx, url.searchParams.get("path"), true);
  const r = await readOrRefuse(p.abs, p.rel);
  const v = formView(r.text);
  if (!v.ok) throw new HttpError(422, "E_YAML_SYNTAX", { detail: p.rel });
  sendJson(res, 200, { path: p.rel, hash: r.hash, fields: v.view });
}

/** The edits applied to the page's text (not to the file: saving stays the page's Save). */
export async function postForm({ req, res, ctx }: ApiRequest): Promise<void> {
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
