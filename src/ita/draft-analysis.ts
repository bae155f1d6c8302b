/**
 * Plain sentences written from the numbers where the clerk gave no text.
 * Every drafted passage is returned with the text so `validate` can show it
 * as a warning: a clerk must read it before the mayor signs.
 * Numbers are written with Arabic digits; the template converts them.
 */
import { PASS_MARK } from "./frameworks/common.js";
import type { ToolResult, YearResult } from "./score-year.js";
import type { WeakItem } from "./weak-items.js";

const s2 = (n: number) => n.toFixed(2);
/** OIT item scores are 0 or 100 in most years and read best as whole numbers. */
const itemPts = (n: number) => `${Number.isInteger(n) ? String(n) : s2(n)} คะแนน`;
/** Tool, indicator and total scores always with two decimals, as the tables print them. */
const pts = (n: number) => `${s2(n)} คะแนน`;

/** "ข้อ O5 ข้อมูลการติดต่อ", or "ข้อ O5" where no name is known (never the code twice). */
const itemLabel = (item: WeakItem) => `ข้อ ${item.id}${item.name ? ` ${item.name}` : ""}`;

/** "อยู่ในระดับ A" up to 2565; from 2566 the NACC publishes a result label instead ("ผลการประเมิน ผ่านดี"). */
const ratingPhrase = (r: YearResult) => (r.scheme === "grade" ? `อยู่ในระดับ ${r.grade}` : `ผลการประเมิน ${r.rating}`);

export function draftItemAnalysis(item: WeakItem, year: number): string {
  const name = itemLabel(item);
  if (item.previous === undefined) return `${name} ได้ ${itemPts(item.score)} ในปี ${year} ยังไม่ผ่านเกณฑ์การประเมิน`;
  if (item.previous > item.score) return `${name} คะแนนลดลงจาก ${itemPts(item.previous)} ในปี ${year - 1} เป็น ${itemPts(item.score)} ในปี ${year}`;
  if (item.previous === item.score) return `${name} ได้ ${itemPts(item.score)} เท่ากับปี ${year - 1} ยังไม่ผ่านเกณฑ์การประเมิน`;
  return `${name} คะแนนเพิ่มขึ้นจาก ${itemPts(item.previous)} ในปี ${year - 1} เป็น ${itemPts(item.score)} ในปี ${year} แต่ยังไม่ได้คะแนนเต็ม`;
}

export function draftItemRecommendation(item: WeakItem, year: number): string {
  return `ปรับปรุงข้อมูลของ${itemLabel(item)} ให้ครบถ้วนตรงตามประเด็นของข้อคำถาม และเผยแพร่บนเว็บไซต์ของหน่วยงาน ก่อนการประเมินปีงบประมาณ พ.ศ. ${year + 1}`;
}

function toolPhrase(t: ToolResult, prev: YearResult | undefined): string {
  const p = prev?.tools.find((x) => x.id === t.id);
  const base = `${t.code} ${pts(t.score)}`;
  if (!p || p.score === t.score) return base;
  return `${base} (${p.score > t.score ? "ลดลง" : "เพิ่มขึ้น"}จาก ${pts(p.score)} ในปี ${prev!.year})`;
}

const joinThai = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(" ")} และ ${xs[xs.length - 1]}`);

export function draftPassedTools(tools: readonly ToolResult[], prev: YearResult | undefined): string {
  return `แบบวัด ${joinThai(tools.map((t) => t.code))} มีคะแนนผ่านเกณฑ์เป้าหมาย (${PASS_MARK} คะแนนขึ้นไป) ได้แก่ ${joinThai(tools.map((t) => toolPhrase(t, prev)))} ควรรักษามาตรฐานการดำเนินงานที่ดีไว้ในปีต่อไป`;
}

export function draftBelowTools(tools: readonly ToolResult[], prev: YearResult | undefined): string {
  return `แบบวัด ${joinThai(tools.map((t) => t.code))} มีคะแนนต่ำกว่าเกณฑ์เป้าหมาย (${PASS_MARK} คะแนน) ได้แก่ ${joinThai(tools.map((t) => toolPhrase(t, prev)))} ควรเร่งปรับปรุงการดำเนินงานในปีถัดไป`;
}

export function draftToolIssue(t: ToolResult): string {
  const weak = t.indicators.filter((i) => !i.passed).map((i) => `${i.name} (${pts(i.score)})`);
  if (t.passed && weak.length === 0) return `ผลคะแนน ${t.code} ได้ ${pts(t.score)} พบว่า ในภาพรวมผ่านเกณฑ์ ควรรักษามาตรฐานของการดำเนินงานที่ดีไว้ในปีต่อไป`;
  const lowest = [...t.indicators].sort((a, b) => a.score - b.score)[0]!;
  const focus = weak.length > 0 ? joinThai(weak) : `${lowest.name} (${pts(lowest.score)})`;
  return `ผลคะแนน ${t.code} ได้ ${pts(t.score)} พบว่ามีประเด็นที่ต้องปรับปรุงคือ ${focus}`;
}

export function draftAnalysisIntro(orgName: string, r: YearResult): string {
  return `การวิเคราะห์ผลการประเมิน ITA ของ${orgName} ปีงบประมาณ พ.ศ. ${r.year} จากผลการประเมิน ITA ในปีงบประมาณ พ.ศ. ${r.year} ได้ผลคะแนน ${s2(r.total)} คะแนน ${ratingPhrase(r)}`;
}

function trend(now: number, before: number): string {
  if (Math.abs(now - before) < 0.005) return "เท่ากับ";
  return now > before ? "เพิ่มขึ้นจาก" : "ลดลงจาก";
}

export function draftReportAnalysis(orgName: string, r: YearResult, prev: YearResult | undefined): string[] {
  const passed = r.tools.filter((t) => t.passed);
  const below = r.tools.filter((t) => !t.passed);
  const out = [
    `ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของ${orgName} ประจำปีงบประมาณ พ.ศ. ${r.year} ได้ ${pts(r.total)} ${ratingPhrase(r)}${prev ? ` ${trend(r.total, prev.total)} ${pts(prev.total)} ในปี ${prev.year}` : ""}`,
  ];
  if (passed.length) out.push(draftPassedTools(passed, prev));
  if (below.length) out.push(draftBelowTools(below, prev));
  return out;
}
