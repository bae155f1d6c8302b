/**
 * The page's only way to the server (the contract in docs/serve-api.md): every
 * request carries the run's token, errors come back as `{ error: { code,
 * message, hint } }` and become an ApiError the page can show as it is.
 */
import type { FieldEdit as FormEdit, FormView } from "../serve/form-edit.js";
import { t } from "./i18n.js";

export interface ApiDiagnostic {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface TreeYear {
  readonly year: number;
  readonly path: string;
}
export interface TreeOrg {
  readonly dir: string;
  readonly name: string;
  readonly years: readonly TreeYear[];
}
export interface TreeKind {
  readonly id: string;
  readonly title: string;
  readonly formats: readonly string[];
}
export interface Tree {
  readonly lang: string;
  readonly folder: string;
  readonly organisations: readonly TreeOrg[];
  readonly kinds: readonly TreeKind[];
}

export interface SchemaKey {
  readonly key: string;
  readonly doc?: string;
  readonly children?: readonly SchemaKey[];
  readonly values?: readonly string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Token and language as the server wrote them into index.html; the address's `?t=` when the page is opened from elsewhere. */
export function pageToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="itadoc-token"]')?.content ?? "";
  return meta && !meta.startsWith("__") ? meta : (new URLSearchParams(location.search).get("t") ?? "");
}

/** The URL of a file shipped beside app.js, with the token static files need. */
export function assetUrl(name: string): string {
  return new URL(`${name}?t=${encodeURIComponent(pageToken())}`, document.baseURI).href;
}

async function call(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "X-Itadoc-Token": pageToken(), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "NETWORK", t("network"));
  }
  return res;
}

async function failure(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, `${t("failed")} (HTTP ${res.status})`);
  }
  const err = (body as { error?: { code?: string; message?: string; hint?: string } }).error;
  return new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? `${t("failed")} (HTTP ${res.status})`, err?.hint, body);
}

async function json<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await call(method, url, body, signal);
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

const q = (path: string): string => `?path=${encodeURIComponent(path)}`;

export const api = {
  tree: () => json<Tree>("GET", "/api/tree"),
  schema: () => json<{ keys: SchemaKey[] }>("GET", "/api/schema"),
  readFile: (path: string) => json<{ path: string; text: string; hash: string }>("GET", `/api/file${q(path)}`),
  /** 409 comes back as data, not as an error: the page asks the clerk. */
  async saveFile(path: string, text: string, baseHash: string): Promise<{ ok: true; hash: string; backup?: string } | { ok: false; diskText: string; diskHash: string }> {
    const res = await call("PUT", `/api/file${q(path)}`, { text, baseHash });
    if (res.status === 409) {
      const body = (await res.json()) as { conflict: { diskText: string; diskHash: string } };
      return { ok: false, ...body.conflict };
    }
    if (!res.ok) throw await failure(res);
    const body = (await res.json()) as { hash: string; backup?: string };
    return { ok: true, ...body };
  },
  check: (path: string, text: string, signal?: AbortSignal) => json<{ diagnostics: ApiDiagnostic[] }>("POST", "/api/check", { path, text }, signal),
  /** The document's bytes, or the diagnostics that stop it (422). */
  async preview(
    req: { path: string; text: string; kind: string; format: string },
    signal?: AbortSignal,
  ): Promise<{ ok: true; bytes: ArrayBuffer; fileName: string; type: string } | { ok: false; diagnostics: ApiDiagnostic[] }> {
    const res = await call("POST", "/api/preview", req, signal);
    if (res.status === 422) {
      const body = (await res.json()) as { diagnostics?: ApiDiagnostic[] };
      return { ok: false, diagnostics: body.diagnostics ?? [] };
    }
    if (!res.ok) throw await failure(res);
    return { ok: true, bytes: await res.arrayBuffer(), fileName: fileNameOf(res.headers.get("Content-Disposition")) ?? `${req.kind}.${req.format}`, type: res.headers.get("Content-Type") ?? "" };
  },
  /** The build's progress events, as they come, until the end event. */
  async build(org: string, onEvent: (e: BuildEvent) => void): Promise<void> {
    const res = await call("POST", "/api/build", { org });
    if (!res.ok || !res.body) throw await failure(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const events = new EventStreamParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const data of events.push(value)) onEvent(JSON.parse(data) as BuildEvent);
    }
    for (const data of events.end()) onEvent(JSON.parse(data) as BuildEvent);
  },
  newYear: (org: string) => json<{ path: string }>("POST", "/api/new-year", { org }),
  /** The edits applied to the page's text (none: only the form's view of it); `fields` is absent while the text does not parse. */
  form: (path: string, text: string, edits: readonly FormEdit[]) => json<{ text: string; fields?: FormView }>("POST", "/api/form", { path, text, edits }),
};

export type BuildEvent =
  | { readonly done: number; readonly total: number; readonly file?: string; readonly end?: undefined }
  | { readonly end: true; readonly written?: readonly string[]; readonly diagnostics?: readonly ApiDiagnostic[] };

export type { FieldEdit as FormEdit, FormView } from "../serve/form-edit.js";

/** `attachment; filename*=UTF-8''…` or `filename="…"` → the name (Thai names come percent-encoded). */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim();
}

/** text/event-stream framing: events end at a blank line; only `data:` fields matter here. */
export class EventStreamParser {
  private buffer = "";
  push(chunk: string): string[] {
    this.buffer += chunk.replace(/\r\n?/g, "\n");
    const out: string[] = [];
    let i: number;
    while ((i = this.buffer.indexOf("\n\n")) >= 0) {
      const block = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 2);
      const data = dataOf(block);
      if (data !== undefined) out.push(data);
    }
    return out;
  }
  end(): string[] {
    const data = dataOf(this.buffer);
    this.buffer = "";
    return data === undefined ? [] : [data];
  }
}

function dataOf(block: string): string | undefined {
  const lines = block.split("\n").filter((l) => l.startsWith("data:"));
  if (lines.length === 0) return undefined;
  return lines.map((l) => l.slice(5).replace(/^ /, "")).join("\n");
}
