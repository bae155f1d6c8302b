/** The page's routes about a whole organisation: build its documents, start a new year. */
import { error } from "../diag/diagnostic.js";
import { FORMATS, isFormat, type Format } from "../export/formats.js";
import { toApiDiagnostic } from "./diagnostics-json.js";
import { HttpError, readJson, sendJson } from "./http-util.js";
import { buildOrg, findOrganisation, newYear, OUT_DIR } from "./org-actions.js";
import { PATH_REFUSAL_EN, PATH_REFUSAL_TH } from "./paths.js";
import type { ApiRequest, ServeContext } from "./api-common.js";

async function organisation(ctx: ServeContext, dir: unknown) {
  const found = typeof dir === "string" ? await findOrganisation(ctx.root, dir) : undefined;
  if (!found) throw new HttpError(404, "E_SERVE_PATH", { path: typeof dir === "string" ? dir.slice(0, 200) : "-", reasonTh: PATH_REFUSAL_TH.missing, reasonEn: PATH_REFUSAL_EN.missing });
  return found;
}

/** Organisations being built: one build of an organisation at a time. */
const building = new Set<string>();

/** Server-sent events: a line per document made, then the outcome. */
export async function build({ req, res, ctx }: ApiRequest): Promise<void> {
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

export async function startYear({ req, res, ctx }: ApiRequest): Promise<void> {
  const body = await readJson(req);
  const org = await organisation(ctx, body.org);
  const r = await newYear(ctx.root, org.folder.dir, ctx.lang);
  // The command's own report: its first line names the diagnostic's code ("… [E_NEW_YEAR_EXISTS] …").
  if (!r.ok) return sendJson(res, 422, { error: { code: /\[([A-Z_]+)\]/.exec(r.lines[0] ?? "")?.[1] ?? "E_INTERNAL", message: r.lines.join("\n"), hint: "" } });
  sendJson(res, 200, { path: r.path, report: r.lines });
}
