/**
 * A synthetic organisation for framework tests: the Khon Kaen org.yaml and
 * year files written from tool scores (every indicator of a tool gets the
 * tool's score, so the means are exact), with optional OIT items, official
 * figures and the three document sections.
 */
import { join } from "node:path";
import { loadInput, type OrgLoadResult } from "../../src/pipeline/index.js";
import { EXAMPLES, exampleText, source } from "./load-example.js";

export interface SyntheticYear {
  readonly year: number;
  readonly iit: number;
  readonly eit: number;
  readonly oit: number;
  /** Raw YAML lines under `assessment:` (indented by two spaces already), e.g. official figures or oit_items. */
  readonly assessmentExtra?: readonly string[];
  /** Years of the memo's comparison table; no memo when absent. */
  readonly memoYears?: readonly number[];
  readonly documents?: boolean;
}

const TOOLS = { iit: ["I1", "I2", "I3", "I4", "I5"], eit: ["E6", "E7", "E8"], oit: ["O9", "O10"] } as const;

export function yearYaml(y: SyntheticYear): string {
  const lines = [`fiscal_year: ${y.year}`, "assessment:", "  scores:"];
  for (const [tool, ids] of Object.entries(TOOLS)) for (const id of ids) lines.push(`    ${id}: ${y[tool as keyof typeof TOOLS].toFixed(2)}`);
  lines.push(...(y.assessmentExtra ?? []));
  if (y.memoYears) {
    lines.push(
      "memo:",
      "  number: ขก ๕๒๐๖/๐๑๑๐๙",
      `  date: ${y.year}-09-29`,
      `  subject: รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${y.year}`,
      `  years: [${y.memoYears.join(", ")}]`,
      "  opening:",
      "    - ตามที่สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมิน",
      "  analysis:",
      "    passed: { paragraphs: [แบบวัดที่ผ่านเกณฑ์] }",
      "    below: { paragraphs: [แบบวัดที่ต่ำกว่าเกณฑ์] }",
      "  signer: { name: นางสาวพรอนันต์ ทองสมบัติ, position: นักวิเคราะห์นโยบายและแผน }",
    );
  }
  if (y.documents) {
    lines.push(
      "measures:",
      `  analyses: ${y.year}`,
      "  analysis_intro: ผลการวิเคราะห์",
      "  issues: { iit: ประเด็น IIT, eit: ประเด็น EIT, oit: ประเด็น OIT }",
      "  items:",
      `    - { measure: มาตรการหนึ่ง, steps: [ขั้นตอน], owner: กองวิชาการ, deadline: กันยายน ${y.year}, reporting: รายไตรมาส }`,
      "report:",
      "  analysis: [ผลการวิเคราะห์]",
      `  activities: [{ indicator: I1, activity: กิจกรรม, owner: กองวิชาการ, period: กันยายน ${y.year} }]`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Loads the synthetic organisation in-process, as the CLI would load its folder. */
export function syntheticOrg(years: readonly SyntheticYear[], dir = "in/org"): OrgLoadResult {
  const org = source(join(dir, "org.yaml"), exampleText("khon-kaen-city", "org.yaml"));
  return loadInput(dir, org, years.map((y) => source(join(dir, `${y.year}.yaml`), yearYaml(y))));
}

export { EXAMPLES };
