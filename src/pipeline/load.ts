/** Step 1: the organisation's files (bytes as read) → validated input with each assessed year scored. */
import { checkAssessment } from "../ita/check-assessment.js";
import { loadOrganisation, type OrgLoadResult, type SourceFile } from "../input/load-organisation.js";

export type { OrgLoadResult, SourceFile };

/** Input validates, ita scores: the loader is handed ita's scorer so that neither layer imports the other's work. */
export function loadInput(dir: string, org: SourceFile | undefined, years: readonly SourceFile[]): OrgLoadResult {
  return loadOrganisation(dir, org, years, checkAssessment);
}
