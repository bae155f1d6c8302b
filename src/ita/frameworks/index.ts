/**
 * One framework per fiscal year. Each entry says what differs from the
 * common 2562 model, where its data comes from, and what is still
 * provisional, so a reviewer can check a year against its manual in one place.
 *
 * 2561        older model; figures taken as typed (W_LEGACY_YEAR).
 * 2562        grades AA–F; OIT catalogue not in the program (names from the input).
 * 2563–2564   grades; OIT O1–O43 catalogue from the manual (ita-reference.md).
 * 2565        grades (สสวท.'s history prints 2565 "A"); OIT list assumed as 2563–2564:
 *             agencies' 2565 pages number O4 แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน and
 *             O29 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต as 2563 does (doe.go.th
 *             ITA 2565 Samut Songkhram, huafai.loei1.go.th ITA 2565), the whole list unchecked.
 * 2566        result labels replace grades (ThaiPBS: 95.81 → "ผ่านดี", "the rating
 *             changed that year"; no AA–F grade is published for 2566 or later);
 *             OIT O1–O43 renumbered (oit-2566.ts, with sources).
 * 2567        labels; OIT list assumed as 2566: agencies' 2567 pages show the same
 *             O11/O12 names (hia.anamai.moph.go.th/th/oit-2, 2567). The earlier claim
 *             that 2567 "shortened" the list had no source and is withdrawn.
 * 2568        labels (สตง. 2568: 94.64 → "ผ่าน", EIT under 85); indicator 10 renamed;
 *             OIT restructured: a published 26-item list (oit-2568.ts), provisional.
 * 2569        labels; OIT differs from 2568 (ita-reference.md) and is not known:
 *             item names come from the input.
 * Weights 30/30/40 and the ten indicators hold through 2568 (ita-reference.md: a 2568 total of 99.44
 * is reproduced exactly); 2569 is assumed to keep them.
 */
import type { Framework, ProvisionalNote } from "../framework.js";
import { GRADES_2562, INDICATORS_2562, INDICATORS_2568, LABELS_2566, PASS_MARK, TOOLS_2562 } from "./common.js";
import { OIT_CATALOGUE_2563 } from "./oit-2563.js";
import { OIT_CATALOGUE_2566 } from "./oit-2566.js";
import { OIT_CATALOGUE_2568 } from "./oit-2568.js";

const CATALOGUE_FROM_2563: ProvisionalNote = { th: "รายการข้อ OIT ใช้ของปี 2563–2564", en: "OIT item catalogue taken from 2563–2564" };
const CATALOGUE_FROM_2566: ProvisionalNote = { th: "รายการข้อ OIT ใช้ของปี 2566", en: "OIT item catalogue taken from 2566" };
const CATALOGUE_2568: ProvisionalNote = { th: "รายการข้อ OIT 26 ข้อ ตามที่หน่วยงานหนึ่งเผยแพร่ อปท. อาจต่างออกไป", en: "OIT items: the 26-item list one agency published; local governments may differ" };
const NO_CATALOGUE: ProvisionalNote = { th: "ไม่มีรายการข้อ OIT ของปีนี้ในโปรแกรม ชื่อข้อมาจากไฟล์ข้อมูล", en: "no OIT item catalogue for this year: item names come from the input" };
const LABEL_70: ProvisionalNote = { th: "เส้นแบ่ง 70 คะแนนระหว่าง ต้องปรับปรุง และ ต้องปรับปรุงโดยด่วน", en: "the 70-point boundary between ต้องปรับปรุง and ต้องปรับปรุงโดยด่วน" };
const INDICATOR_10_2568: ProvisionalNote = { th: "ชื่อตัวชี้วัดที่ 10 ที่เปลี่ยนในปี 2568", en: "the 2568 name of indicator 10" };
const AS_2568: ProvisionalNote = { th: "เครื่องมือ ตัวชี้วัด และน้ำหนักถือว่าเหมือนปี 2568", en: "tools, indicators and weights assumed unchanged from 2568" };

const grades = { scheme: "grade", grades: GRADES_2562, labels: [] } as const;
const labels = { scheme: "label", grades: GRADES_2562, labels: LABELS_2566 } as const;
const base = { tools: TOOLS_2562, indicators: INDICATORS_2562, passMark: PASS_MARK, legacy: false } as const;
const noCatalogue = { catalogueStatus: "none", oitCatalogue: [] } as const;

export const FRAMEWORKS: ReadonlyMap<number, Framework> = new Map<number, Framework>(
  (
    [
      { ...base, ...grades, ...noCatalogue, year: 2561, legacy: true, provisional: [] },
      { ...base, ...grades, ...noCatalogue, year: 2562, provisional: [] },
      { ...base, ...grades, year: 2563, provisional: [], catalogueStatus: "known", oitCatalogue: OIT_CATALOGUE_2563 },
      { ...base, ...grades, year: 2564, provisional: [], catalogueStatus: "known", oitCatalogue: OIT_CATALOGUE_2563 },
      { ...base, ...grades, year: 2565, provisional: [CATALOGUE_FROM_2563], catalogueStatus: "provisional", oitCatalogue: OIT_CATALOGUE_2563 },
      { ...base, ...labels, year: 2566, provisional: [LABEL_70], catalogueStatus: "known", oitCatalogue: OIT_CATALOGUE_2566 },
      { ...base, ...labels, year: 2567, provisional: [CATALOGUE_FROM_2566, LABEL_70], catalogueStatus: "provisional", oitCatalogue: OIT_CATALOGUE_2566 },
      { ...base, ...labels, year: 2568, indicators: INDICATORS_2568, provisional: [INDICATOR_10_2568, CATALOGUE_2568, LABEL_70], catalogueStatus: "provisional", oitCatalogue: OIT_CATALOGUE_2568 },
      { ...base, ...labels, ...noCatalogue, year: 2569, indicators: INDICATORS_2568, provisional: [AS_2568, INDICATOR_10_2568, NO_CATALOGUE, LABEL_70] },
    ] satisfies Framework[]
  ).map((f) => [f.year, f]),
);

export function frameworkFor(year: number): Framework | undefined {
  return FRAMEWORKS.get(year);
}

export function knownYears(): string {
  const ys = [...FRAMEWORKS.keys()].sort();
  return `${ys[0]}–${ys[ys.length - 1]}`;
}
