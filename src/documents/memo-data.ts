/** Template data of the บันทึกข้อความ memo (templates/memo). */
import { error, type Diagnostic } from "../diag/diagnostic.js";
import type { OrgInput, YearEntry } from "../input/load-organisation.js";
import type { Memo } from "../input/schema/year.js";
import { draftBelowTools, draftItemAnalysis, draftItemRecommendation, draftPassedTools } from "../ita/draft-analysis.js";
import { peerCategories, peerDistribution } from "../ita/peers.js";
import { weakItems } from "../ita/weak-items.js";
import { chartData, Drafts, laidOut, numeralsFor, orgData, posIn, previousResult, wordingFor, type DataResult } from "./common.js";
import { listedParts } from "./listed-parts.js";
import { renamed } from "./layout/wording.js";

const DEFAULT_CLOSING = "จึงเรียนมาเพื่อโปรดทราบและพิจารณา";

export function memoData(org: OrgInput, entry: YearEntry, memo: Memo, emblemRef: string | undefined): DataResult<object> {
  const fy = entry.data.fiscal_year;
  const errors: Diagnostic[] = [];
  // Texts are drafted (and warned about) only for the parts that print them (Drafts).
  const listed = listedParts("memo", memo.sections);
  const drafts = new Drafts(entry, listed);
  const wording = wordingFor(org, memo.wording);
  const current = entry.result && renamed(entry.result, wording.names);
  if (!current || !entry.data.assessment) {
    return { ok: false, errors: [error("E_ASSESSMENT_MISSING", { kind: "memo", year: fy }, posIn(entry, ["memo"]))], warnings: [] };
  }
  const years = memo.years ?? defaultYears(org, fy);
  const results = years.map((y, i) => {
    const found = org.years.get(y)?.result;
    const r = found && renamed(found, wording.names);
    if (!r) errors.push(error("E_MEMO_YEAR_MISSING", { year: y }, posIn(entry, memo.years ? ["memo", "years", i] : ["memo"])));
    return r;
  });
  if (errors.length) return { ok: false, errors, warnings: [] };
  const rs = results.map((r) => r!);
  const prev = previousResult(org, fy);

  const passedTools = current.tools.filter((t) => t.passed);
  const belowTools = current.tools.filter((t) => !t.passed);
  const a = memo.analysis;
  const passed =
    passedTools.length === 0
      ? null
      : {
          heading: a?.passed?.heading ?? `แบบวัด ${passedTools.map((t) => t.code).join(" ")} (ผ่านเกณฑ์ ${current.framework.passMark} คะแนนขึ้นไป)`,
          paragraphs: drafts.use("analysis", a?.passed?.paragraphs, "memo.analysis.passed", ["memo"], () => draftPassedTools(passedTools, prev)),
        };
  const below =
    belowTools.length === 0
      ? null
      : {
          heading: a?.below?.heading ?? `แบบวัด ${belowTools.map((t) => t.code).join(" ")} (ต่ำกว่าเกณฑ์ ${current.framework.passMark} คะแนน)`,
          paragraphs: drafts.use("analysis", a?.below?.paragraphs, "memo.analysis.below", ["memo"], () => draftBelowTools(belowTools, prev)),
        };

  const prevAssessment = org.years.get(fy - 1)?.data.assessment;
  const weak = weakItems(entry.data.assessment, current.framework, prevAssessment);
  let lastSub: string | undefined;
  const weakRows = weak.map((w, i) => {
    const showSub = w.subIndicator !== undefined && w.subIndicator !== lastSub;
    lastSub = w.subIndicator;
    const at = ["assessment", "oit_items", w.index];
    return {
      running: i + 1,
      id: w.id,
      name: w.name ?? null,
      subIndicator: showSub ? w.subIndicator : null,
      topic: w.topic ?? null,
      previous: w.previous ?? null,
      score: w.score,
      analysis: drafts.use("weak-items", w.analysis, `${w.id} การวิเคราะห์`, at, () => draftItemAnalysis(w, fy)),
      recommendation: drafts.use("weak-items", w.recommendation, `${w.id} ข้อเสนอแนะ`, at, () => draftItemRecommendation(w, fy)),
    };
  });

  const peers = entry.data.assessment.peers ? peerDistribution(entry.data.assessment.peers, peerCategories(current.framework)) : null;
  const o = orgData(org);
  const data = laidOut("memo", {
    numerals: numeralsFor(org, memo.numerals),
    org: o,
    year: fy,
    header: {
      emblem: emblemRef ?? null,
      division: memo.division ?? o.division,
      number: memo.number,
      date: memo.date,
      subject: memo.subject,
      to: memo.to ?? o.mayorTitle,
    },
    opening: memo.opening,
    table: {
      years,
      counts: rs.map((r) => r.indicatorCount ?? null),
      hasCounts: rs.some((r) => r.indicatorCount !== undefined),
      tools: current.tools.map((t, ti) => ({
        number: ti + 1,
        code: t.code,
        name: t.name,
        indicators: t.indicators.map((ind) => ({
          id: ind.id,
          number: ind.number,
          name: ind.name,
          scores: rs.map((r) => r.tools[ti]!.indicators.find((x) => x.id === ind.id)!.score),
        })),
        subtotals: rs.map((r) => r.tools[ti]!.score),
      })),
      // A grade year (to 2565) and a label year (2566+) can sit side by side: each column prints its own year's kind.
      totals: rs.map((r) => ({ score: r.total, grade: r.scheme === "grade" ? r.grade : null, label: r.scheme === "label" ? (r.label ?? null) : null })),
    },
    analysis: { intro: a?.intro ?? null, passed, below },
    weak: weakRows.length ? { previousYear: fy - 1, year: fy, rows: weakRows } : null,
    peers: peers ? { intro: memo.peers_intro ?? null, ...peers, passMark: current.framework.passMark } : null,
    closing: memo.closing ?? [DEFAULT_CLOSING],
    attachments: memo.attachments ?? [],
    signer: { name: memo.signer.name, positions: memo.signer.position },
    approvals: (memo.approvals ?? []).map((ap) => ({
      to: ap.to,
      options: ap.options ?? [],
      comments: ap.comments ?? [],
      commentLines: ap.comment_lines ?? 0,
      signer: { name: ap.signer.name, positions: ap.signer.position },
      date: ap.date ?? null,
    })),
    charts: chartData(org, current),
  }, wording, memo.sections);
  return { ok: true, data, warnings: drafts.warnings };
}

/** Up to three latest assessed years ending with this one. */
function defaultYears(org: OrgInput, fy: number): number[] {
  return [...org.years.values()]
    .filter((e) => e.result && e.data.fiscal_year <= fy)
    .map((e) => e.data.fiscal_year)
    .sort((a, b) => a - b)
    .slice(-3);
}
