/**
 * The pipeline, one function per step, each from data to data:
 *
 *   organisation files' bytes → loaded, scored input (loadInput)
 *   → plans (planJobs) → models (modelOf) → bytes (exportDocument)
 *
 * The CLI, the tests and the benchmarks call these; `documentsOf` runs them
 * all for callers that want every document of a folder at once. Nothing
 * here reads files or the clock.
 */
export { loadInput, type OrgLoadResult, type SourceFile } from "./load.js";
export { planJobs, type PlanRequest } from "./plan.js";
export { modelOf } from "./model.js";
export { exportDocument } from "./export.js";
export { documentsOf, type BuiltDocument, type DocumentsRequest } from "./documents.js";
