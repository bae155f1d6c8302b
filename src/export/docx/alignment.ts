import { AlignmentType, VerticalAlignTable } from "docx";
import type { Align, VAlign } from "../../model/document.js";

type DocxAlign = (typeof AlignmentType)[keyof typeof AlignmentType];

/**
 * "justify" is written as Word's Thai Distributed (w:jc thaiDistribute): plain
 * "both" only widens spaces, and Thai lines have few, so Word leaves gaps.
 * Word is where the memo is edited; LibreOffice 7.4 lays thaiDistribute out
 * ragged right (seen on its rendered pages), which is acceptable there.
 */
export function docxAlign(a: Align): DocxAlign {
  switch (a) {
    case "left":
      return AlignmentType.LEFT;
    case "center":
      return AlignmentType.CENTER;
    case "right":
      return AlignmentType.RIGHT;
    case "justify":
      return AlignmentType.THAI_DISTRIBUTE;
  }
}

export function docxVAlign(v: VAlign): (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable] {
  switch (v) {
    case "top":
      return VerticalAlignTable.TOP;
    case "middle":
      return VerticalAlignTable.CENTER;
    case "bottom":
      return VerticalAlignTable.BOTTOM;
  }
}
