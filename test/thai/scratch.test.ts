import { test } from "vitest";
import { segmentThai } from "../../src/thai/segment.js";
test("x", () => {
for (const t of ["สำนักงาน ป.ป.ช. ประจำปีงบประมาณ พ.ศ.2564 ได้ผลคะแนน 95.26 คะแนน (ร้อยละ 50%) “ความโปร่งใส”", "ช่องทางการรับฟังความคิดเห็น", "O17 E-Service การให้บริการ https://www.khonkaen.go.th/ita", "ผู้อำนวยการกองคลัง เทศบาลนครขอนแก่น อำเภอเมือง", "น้ำท่วมที่นี้ ผู้ปั้นฟ้าฝั่ง ต่าง ๆ ฯลฯ"]) console.log(segmentThai(t).join("|"));
});
