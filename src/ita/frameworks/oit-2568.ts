/**
 * OIT items of fiscal 2568 as one organisation published them: 26 items,
 * O1–O26, all under indicator 9 (a public ITA admin tool's "OIT 26 ข้อ" list
 * for ปีงบประมาณ 2568, with its categories; the 9.1–9.5 numbering of the
 * categories as another public 2568 OIT tool numbers them). ita-reference.md: 2568
 * restructured OIT; whether อปท. have the same list is not known. This
 * catalogue is therefore provisional: its names are printed where the clerk
 * typed none, and an id outside it is a warning, not an error.
 */
import type { OitItemDef } from "../framework.js";
import { numberedCatalogue, type CatalogueGroup } from "./catalogue.js";

const GROUPS: readonly CatalogueGroup[] = [
  ["O9", "9.1 ข้อมูลพื้นฐาน", ["โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "ข้อมูลการติดต่อ", "ข่าวประชาสัมพันธ์", "Q&A", "Social Network", "นโยบายคุ้มครองข้อมูลส่วนบุคคล"]],
  ["O9", "9.2 การบริหารงาน", ["แผนดำเนินงานและการใช้งบประมาณประจำปี", "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน", "รายงานผลการดำเนินงานประจำปี", "คู่มือหรือมาตรฐานการปฏิบัติงาน", "คู่มือหรือมาตรฐานการให้บริการ", "ข้อมูลเชิงสถิติการให้บริการ", "รายงานผลการสำรวจความพึงพอใจการให้บริการ", "E-Service"]],
  ["O9", "9.3 การจัดซื้อจัดจ้าง", ["แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "ความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ", "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี"]],
  ["O9", "9.4 การบริหารและพัฒนาทรัพยากรบุคคล", ["นโยบายหรือแผนการบริหารทรัพยากรบุคคล", "การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล", "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"]],
  ["O9", "9.5 การส่งเสริมความโปร่งใส", ["แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"]],
];

export const OIT_CATALOGUE_2568: readonly OitItemDef[] = numberedCatalogue(GROUPS);
