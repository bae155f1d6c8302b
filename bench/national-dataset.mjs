#!/usr/bin/env node
/**
 * Deterministic synthetic national dataset for bulk benchmarks: 7,850 local
 * governments of the real types, each a folder with org.yaml, 2566.yaml
 * (results) and 2567.yaml (results, memo and a 10–40 row measures plan for
 * 2568), plausible scores and weak OIT items with Thai text.
 *
 *   node bench/national-dataset.mjs <out-dir> [count]
 *
 * Same arguments → same files (seeded PRNG, no clock).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
const total = Number(process.argv[3] ?? 7850);
if (!out) {
  console.error("usage: node bench/national-dataset.mjs <out-dir> [count]");
  process.exit(2);
}

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(2567);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const between = (lo, hi) => lo + rand() * (hi - lo);
const score = (lo, hi) => (Math.round(between(lo, hi) * 100) / 100).toFixed(2);

// Shares of the real ~7,850 local governments (DLA figures, rounded).
const TYPES = [
  ["เทศบาลนคร", 30, "นายกเทศมนตรีนคร"],
  ["เทศบาลเมือง", 195, "นายกเทศมนตรีเมือง"],
  ["เทศบาลตำบล", 2247, "นายกเทศมนตรีตำบล"],
  ["องค์การบริหารส่วนตำบล", 5300, "นายกองค์การบริหารส่วนตำบล"],
  ["องค์การบริหารส่วนจังหวัด", 76, "นายกองค์การบริหารส่วนจังหวัด"],
];
const PROVINCES = ["ขอนแก่น", "นครราชสีมา", "เชียงใหม่", "อุดรธานี", "สงขลา", "ชลบุรี", "นครสวรรค์", "อุบลราชธานี", "พิษณุโลก", "สุราษฎร์ธานี", "ลำปาง", "บุรีรัมย์", "ร้อยเอ็ด", "สกลนคร", "นครศรีธรรมราช", "ศรีสะเกษ"];
const PLACES = ["บ้านเป็ด", "ศิลา", "โนนทอง", "ท่าพระ", "หนองเรือ", "บ้านทุ่ม", "พระลับ", "สำราญ", "ดอนหัน", "โคกสี", "บึงเนียม", "แดงใหญ่", "ท่าศาลา", "หนองตูม", "บ้านแฮด", "เมืองเก่า"];
const DISTRICTS = ["เมือง", "บ้านไผ่", "ชุมแพ", "น้ำพอง", "พล", "หนองเรือ", "กระนวน", "ภูเวียง"];
const ITEMS = [
  ["O2", "ข้อมูลผู้บริหาร"], ["O10", "แผนดำเนินงานประจำปี"], ["O11", "รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน"],
  ["O15", "ข้อมูลเชิงสถิติการให้บริการ"], ["O17", "E-Service"], ["O18", "แผนการใช้จ่ายงบประมาณประจำปี"],
  ["O23", "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน"], ["O25", "นโยบายการบริหารทรัพยากรบุคคล"],
  ["O28", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี"], ["O30", "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"],
  ["O36", "การประเมินความเสี่ยงการทุจริตประจำปี"], ["O41", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี"],
];
const ANALYSES = [
  "ข้อมูลที่เผยแพร่ไม่เป็นปัจจุบันและไม่ครบถ้วนตามประเด็นของข้อคำถาม",
  "เจ้าหน้าที่ไม่ได้นำข้อมูลขึ้นเผยแพร่บนเว็บไซต์ของหน่วยงานภายในระยะเวลาที่กำหนด",
  "ตำแหน่งที่อยู่ของข้อมูลบนเว็บไซต์ไม่ชัดเจน ผู้ตรวจประเมินเข้าถึงได้ยาก",
];
const RECOMMENDATIONS = [
  "มอบหมายผู้รับผิดชอบตรวจสอบและปรับปรุงข้อมูลบนเว็บไซต์ทุกเดือน",
  "จัดทำข้อมูลใหม่ให้ตรงตามประเด็นข้อคำถามและเผยแพร่ในหัวข้อที่เข้าถึงง่าย",
  "จัดอบรมเจ้าหน้าที่ผู้ดูแลเว็บไซต์ให้เข้าใจเกณฑ์การประเมิน",
];
const MEASURES = ["การเปิดเผยข้อมูลสาธารณะ", "การเพิ่มประสิทธิภาพในการปฏิบัติหน้าที่", "การใช้จ่ายงบประมาณอย่างโปร่งใส", "การป้องกันการรับสินบน", "การจัดการเรื่องร้องเรียนการทุจริต", "การส่งเสริมวัฒนธรรมองค์กรสุจริต"];
const STEPS = ["จัดประชุมชี้แจงแนวทางแก่บุคลากร", "ปรับปรุงข้อมูลบนเว็บไซต์ให้เป็นปัจจุบัน", "จัดทำคู่มือการปฏิบัติงาน", "ติดตามและรายงานผลต่อผู้บริหาร", "เปิดช่องทางรับฟังความคิดเห็นของประชาชน"];
const OWNERS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองยุทธศาสตร์และงบประมาณ"];

function scores(base) {
  const i = () => score(base - 6, Math.min(100, base + 6));
  return { I1: i(), I2: i(), I3: i(), I4: i(), I5: i(), E6: i(), E7: i(), E8: i(), O9: score(base - 25, 100), O10: score(base - 30, 100) };
}

function yearFile(year, s, extra) {
  const lines = [`fiscal_year: ${year}`, "assessment:", `  indicator_count: ${Math.floor(between(40, 48))}`, "  scores:"];
  for (const [k, v] of Object.entries(s)) lines.push(`    ${k}: ${v}`);
  return lines.join("\n") + "\n" + extra;
}

function weakItems(n) {
  const chosen = [...ITEMS].sort(() => rand() - 0.5).slice(0, n);
  return chosen
    .sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))
    .map(([id]) => `    - id: ${id}\n      score: 0\n      previous: ${pick(["0", "100"])}\n      analysis: ${pick(ANALYSES)}\n      recommendation: ${pick(RECOMMENDATIONS)}`)
    .join("\n");
}

// Organisations per type in proportion to the real shares; the remainder goes to the largest type.
const shares = TYPES.map(([, count]) => Math.floor((count * total) / 7848));
shares[3] += total - shares.reduce((a, b) => a + b, 0);

let made = 0;
for (const [t, [type, , head]] of TYPES.entries()) {
  for (let k = 0; k < shares[t]; k++, made++) {
    const province = PROVINCES[made % PROVINCES.length];
    const place = `${pick(PLACES)}${made}`;
    const name = `${type}${place}`;
    const dir = join(out, `province-${String(made % PROVINCES.length).padStart(2, "0")}`, `org-${String(made).padStart(4, "0")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "org.yaml"),
      `organisation:\n  name: ${name}\n  type: ${type}\n  district: ${pick(DISTRICTS)}\n  province: ${province}\n  division: กองยุทธศาสตร์และงบประมาณ\n  mayor_title: ${head}${place}\nsettings:\n  numerals: thai\n`,
    );
    const base = between(62, 96);
    writeFileSync(join(dir, "2566.yaml"), yearFile(2566, scores(base - 3), ""));
    const nMeasures = 10 + Math.floor(rand() * 31);
    const measures = Array.from({ length: nMeasures }, (_, m) => {
      const steps = Array.from({ length: 2 + Math.floor(rand() * 3) }, (_, s) => `${s + 1}. ${pick(STEPS)}`);
      return `    - measure: ${m + 1}. ${pick(MEASURES)}\n      steps: [${steps.join(", ")}]\n      owner: [${pick(OWNERS)}]\n      deadline: กันยายน 2568\n      reporting: รายไตรมาส`;
    }).join("\n");
    const memo = `memo:
  number: ${province.slice(0, 2)} ${String(5200 + (made % 700))}/${String(made % 1000).padStart(3, "0")}
  date: 2567-09-30
  subject: รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA) ประจำปีงบประมาณ พ.ศ. 2567
  opening:
    - ตามที่สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2567 นั้น
    - บัดนี้ กองยุทธศาสตร์และงบประมาณ ขอรายงานผลการวิเคราะห์ผลการประเมินของ${name} ดังนี้
  signer: { name: นายสมชาย ใจดี, position: นักวิเคราะห์นโยบายและแผนชำนาญการ }
  approvals:
    - { to: ปลัด${type === "องค์การบริหารส่วนตำบล" ? "องค์การบริหารส่วนตำบล" : "เทศบาล"}, options: [เพื่อโปรดทราบ], comment_lines: 2, signer: { name: นางสาวสมหญิง รักงาน, position: ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ } }
measures:
  fiscal_year: 2568
  analyses: 2567
  items:
${measures}
`;
    const weak = `  oit_items:\n${weakItems(1 + Math.floor(rand() * 6))}\n`;
    writeFileSync(join(dir, "2567.yaml"), yearFile(2567, scores(base), weak + memo));
  }
}
console.log(`${made} organisations written to ${out}`);
