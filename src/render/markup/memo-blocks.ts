/**
 * The blocks of an official memo (หนังสือภายใน): its header, a signature, and
 * the approval a superior signs. Thai defaults are the standard labels of the
 * ระเบียบงานสารบรรณ form.
 */
import type { Approval, MemoHeader, Signature } from "../../model/document.js";
import { CONTENT } from "./elements.js";
import { opt } from "./optional.js";
import { collapseText } from "./runs.js";
import type { Named, VocabularyChecker } from "./vocabulary.js";

export function memoHeader(v: VocabularyChecker, el: Named<"memo-header">): MemoHeader {
  const a = v.attrs(el);
  v.empty(el);
  return {
    type: "memoHeader",
    ...opt("emblem", a.emblem),
    title: a.title ?? "บันทึกข้อความ",
    division: a.division ?? "",
    number: a.number ?? "",
    date: a.date ?? "",
    subject: a.subject ?? "",
    labels: {
      division: a["label-division"] ?? "ส่วนราชการ",
      number: a["label-number"] ?? "ที่",
      date: a["label-date"] ?? "วันที่",
      subject: a["label-subject"] ?? "เรื่อง",
    },
  };
}

export function signature(v: VocabularyChecker, el: Named<"signature">): Signature {
  const a = v.attrs(el);
  const positions = v.children(el.children, "<signature>", CONTENT.signature).map((p) => v.plainText(p));
  return {
    type: "signature",
    name: collapseText(a.name ?? ""),
    positions,
    ...opt("date", a.date),
    signLines: a["sign-lines"] ?? 3,
  };
}

export function approval(v: VocabularyChecker, el: Named<"approval">): Approval[] {
  const a = v.attrs(el);
  const parts = v.children(el.children, "<approval>", CONTENT.approval);
  const signers = parts.filter((p): p is Named<"signature"> => p.name === "signature");
  if (signers.length !== 1) {
    v.fail("E_TEMPLATE_MARKUP", `<approval> needs exactly one <signature>, found ${signers.length}`, el.line,
      { type: "element", name: "approval" }, "approval");
  }
  const signer = signers[0];
  if (!signer) return [];
  const texts = (name: "option" | "comment") => parts.filter((p): p is Named<typeof name> => p.name === name).map((p) => v.plainText(p));
  return [{
    type: "approval",
    ...(a.to !== undefined && a.to.trim() !== "" ? { to: a.to } : {}),
    salutation: a.salutation ?? "เรียน",
    options: texts("option"),
    comments: texts("comment"),
    commentLines: a["comment-lines"] ?? 0,
    signer: signature(v, signer),
  }];
}
