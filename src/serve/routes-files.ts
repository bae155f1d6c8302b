/** The page's routes about files: the folder's tree, a file's text, saving it. */
import { DOC_KINDS, KINDS } from "../documents/kinds.js";
import { FORMATS } from "../export/formats.js";
import { saveText } from "./file-store.js";
import { HttpError, readJson, sendJson } from "./http-util.js";
import { listOrganisations } from "./workspace.js";
import { dataPath, readOrRefuse, textField, type ApiRequest } from "./api-common.js";

export async function tree({ res, ctx }: ApiRequest): Promise<void> {
  const organisations = await listOrganisations(ctx.root);
  sendJson(res, 200, {
    lang: ctx.lang,
    folder: ctx.shownRoot,
    organisations,
    kinds: DOC_KINDS.map((id) => ({ id, title: ctx.lang === "en" ? KINDS[id].en : KINDS[id].th, primary: KINDS[id].primaryFormat, formats: [...FORMATS] })),
  });
}

export async function getFile({ res, url, ctx }: ApiRequest): Promise<void> {
  const p = await dataPath(ctx, url.searchParams.get("path"), true);
  const r = await readOrRefuse(p.abs, p.rel);
  sendJson(res, 200, { path: p.rel, text: r.text, hash: r.hash });
}

export async function putFile({ req, res, url, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const p = await dataPath(ctx, url.searchParams.get("path") ?? body.path, false);
  const text = textField(body);
  const base = body.baseHash;
  if (base !== null && typeof base !== "string") throw new HttpError(400, "E_SERVE_BAD_REQUEST", { detail: '"baseHash"' });
  const r = await saveText(p.abs, text, base, ctx.now()).catch((e: NodeJS.ErrnoException) => {
    // The disk refused (full, read-only, no permission): said with the file's name; the file on disk is as it was.
    throw new HttpError(500, "E_WRITE", { path: p.rel, reason: e.code ?? String(e) });
  });
  if (r.ok) return sendJson(res, 200, { hash: r.hash, backup: r.backup });
  if ("conflict" in r) throw new HttpError(409, "E_SERVE_CONFLICT", { path: p.rel }, { conflict: r.conflict });
  await readOrRefuse(p.abs, p.rel);
}
