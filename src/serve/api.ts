/**
 * The page's API (contract: wip/t16a ↔ wip/t16b, api-serve.md; summary in
 * docs/serve-api.md): one entry per path and method. Handlers get the parsed
 * request and answer with data; refusals are HttpErrors, which the server
 * turns into `{ error }` answers.
 */
import type { Handler } from "./api-common.js";
import { check, getForm, postForm, preview, schema } from "./routes-documents.js";
import { getFile, putFile, tree } from "./routes-files.js";
import { build, startYear } from "./routes-org.js";

export type { ApiRequest, Handler, ServeContext } from "./api-common.js";

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
