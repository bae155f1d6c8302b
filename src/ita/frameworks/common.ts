/**
 * Tools, indicators and grade bands shared by fiscal years 2561–2568
 * (ita-reference.md). A year that changes one of these gets its own copy in
 * frameworks/index.ts.
 */
import type { GradeBand, IndicatorDef, LabelRule, ToolDef } from "../framework.js";

export const TOOLS_2562: readonly ToolDef[] = [
  { id: "iit", code: "IIT", name: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", weight: 0.3, indicators: ["I1", "I2", "I3", "I4", "I5"] },
  { id: "eit", code: "EIT", name: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", weight: 0.3, indicators: ["E6", "E7", "E8"] },
  { id: "oit", code: "OIT", name: "แบบตรวจการเปิดเผยข้อมูลสาธารณะ", weight: 0.4, indicators: ["O9", "O10"] },
];

export const INDICATORS_2562: readonly IndicatorDef[] = [
  { id: "I1", number: 1, name: "การปฏิบัติหน้าที่", tool: "iit" },
  { id: "I2", number: 2, name: "การใช้งบประมาณ", tool: "iit" },
  { id: "I3", number: 3, name: "การใช้อำนาจ", tool: "iit" },
  { id: "I4", number: 4, name: "การใช้ทรัพย์สินของราชการ", tool: "iit" },
  { id: "I5", number: 5, name: "การแก้ไขปัญหาการทุจริต", tool: "iit" },
  { id: "E6", number: 6, name: "คุณภาพการดำเนินงาน", tool: "eit" },
  { id: "E7", number: 7, name: "ประสิทธิภาพการสื่อสาร", tool: "eit" },
  { id: "E8", number: 8, name: "การปรับปรุงการทำงาน", tool: "eit" },
  { id: "O9", number: 9, name: "การเปิดเผยข้อมูล", tool: "oit" },
  { id: "O10", number: 10, name: "การป้องกันการทุจริต", tool: "oit" },
];

export const GRADES_2562: readonly GradeBand[] = [
  { grade: "AA", min: 95 },
  { grade: "A", min: 85 },
  { grade: "B", min: 75 },
  { grade: "C", min: 65 },
  { grade: "D", min: 55 },
  { grade: "E", min: 50 },
  { grade: "F", min: 0 },
];

/** Result labels used from fiscal 2567 (provisional bands, ita-reference.md). */
export const LABELS_2567: readonly LabelRule[] = [
  { label: "ผ่านดีเยี่ยม", minTotal: 95, minEachTool: 95 },
  { label: "ผ่านดี", minTotal: 85, minEachTool: 85 },
  { label: "ผ่าน", minTotal: 85 },
  { label: "ต้องปรับปรุง", minTotal: 70 },
  { label: "ต้องปรับปรุงโดยด่วน", minTotal: 0 },
];

export const PASS_MARK = 85;
