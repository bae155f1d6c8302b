/**
 * Tools, indicators, grade bands and result labels shared by fiscal years
 * 2561–2569 (ita-reference.md). A year that changes one of these gets its own
 * copy here, named after the first year that uses it.
 */
import type { GradeBand, IndicatorDef, LabelRule, ToolDef } from "../framework.js";

export const TOOLS_2562: readonly ToolDef[] = [
  { id: "iit", code: "IIT", name: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", weight: 0.3, indicators: ["I1", "I2", "I3", "I4", "I5"] },
  { id: "eit", code: "EIT", name: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", weight: 0.3, indicators: ["E6", "E7", "E8"] },
  { id: "oit", code: "OIT", name: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", weight: 0.4, indicators: ["O9", "O10"] },
];

/**
 * The ten indicators of 2562–2567. The aliases are the wordings organisations
 * print for the same indicator ("การใช้ทรัพย์สินราชการ" in a published อปท.
 * report, seed 000; "การใช้ทรัพย์สินของทางราชการ", "การปรับปรุงระบบการทำงาน",
 * "การเปิดเผยข้อมูลสาธารณะ" as organisations title them); validation
 * accepts them as that indicator, documents print the framework's name.
 */
export const INDICATORS_2562: readonly IndicatorDef[] = [
  { id: "I1", number: 1, name: "การปฏิบัติหน้าที่", tool: "iit" },
  { id: "I2", number: 2, name: "การใช้งบประมาณ", tool: "iit" },
  { id: "I3", number: 3, name: "การใช้อำนาจ", tool: "iit" },
  { id: "I4", number: 4, name: "การใช้ทรัพย์สินของราชการ", tool: "iit", aliases: ["การใช้ทรัพย์สินของทางราชการ", "การใช้ทรัพย์สินราชการ"] },
  { id: "I5", number: 5, name: "การแก้ไขปัญหาการทุจริต", tool: "iit" },
  { id: "E6", number: 6, name: "คุณภาพการดำเนินงาน", tool: "eit" },
  { id: "E7", number: 7, name: "ประสิทธิภาพการสื่อสาร", tool: "eit" },
  { id: "E8", number: 8, name: "การปรับปรุงการทำงาน", tool: "eit", aliases: ["การปรับปรุงระบบการทำงาน"] },
  { id: "O9", number: 9, name: "การเปิดเผยข้อมูล", tool: "oit", aliases: ["การเปิดเผยข้อมูลสาธารณะ"] },
  { id: "O10", number: 10, name: "การป้องกันการทุจริต", tool: "oit" },
];

/**
 * 2568 renamed indicator 10 (ita-reference.md: "ป้องกันการทุจริตในประเด็นสินบน /
 * ส่งเสริมคุณธรรมและความโปร่งใส"). Which of the two wordings the 2568 result
 * sheet prints is not confirmed (provisional, see frameworks/index.ts); both,
 * and the old name, are accepted as indicator 10.
 */
export const INDICATORS_2568: readonly IndicatorDef[] = INDICATORS_2562.map((i) =>
  i.id === "O10"
    ? { ...i, name: "การป้องกันการทุจริตในประเด็นสินบน", aliases: ["การส่งเสริมคุณธรรมและความโปร่งใส", i.name] }
    : i,
);

export const GRADES_2562: readonly GradeBand[] = [
  { grade: "AA", min: 95 },
  { grade: "A", min: 85 },
  { grade: "B", min: 75 },
  { grade: "C", min: 65 },
  { grade: "D", min: 55 },
  { grade: "E", min: 50 },
  { grade: "F", min: 0 },
];

/**
 * Result labels, published instead of grades from fiscal 2566 (ita-reference.md:
 * ThaiPBS on the 2566 results, สสวท.'s and สตง.'s published histories).
 * ผ่านดีเยี่ยม and ผ่านดี need every tool at the band too: สตง. 2568 scored
 * 94.64 and was "ผ่าน" because its EIT was under 85. The bands under 85 are
 * from secondary sources; the 70 boundary is not confirmed (provisional note
 * in frameworks/index.ts).
 */
export const LABELS_2566: readonly LabelRule[] = [
  { label: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95 },
  { label: "ผ่านดี", minTotal: 85, minEachTool: 85 },
  { label: "ผ่าน", minTotal: 85 },
  { label: "ต้องปรับปรุง", minTotal: 70 },
  { label: "ต้องปรับปรุงโดยด่วน", minTotal: 0 },
];

export const PASS_MARK = 85;
