/** Step 1: the organisation's files (bytes as read) → validated input with each assessed year scored. */
import { loadOrganisation, type OrgLoadResult, type SourceFile } from "../input/load-organisation.js";

export type { OrgLoadResult, SourceFile };

export function loadInput(dir: string, org: SourceFile | undefined, years: readonly SourceFile[]): OrgLoadResult {
  return loadOrganisation(dir, org, years);
}
