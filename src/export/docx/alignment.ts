import type { Align, VAlign } from "../../model/document.js";

/**
 * "justify" is written as Word's Thai Distributed (w:jc thaiDistribute): plain
 * "both" only widens spaces, and Thai lines have few, so Word leaves gaps.
 * Word is where the memo is edited; LibreOffice 7.4 lays thaiDistribute out
 * ragged right (seen on its rendered pages), which is acceptable there.
 */
export function docxAlign(a: Align): string {
  switch (a) {
    case "left":
      return "left";
    case "center":
      return "center";
    case "right":
      return "right";
    case "justify":
      return "thaiDistribute";
  }
}

/** w:vAlign of a table cell. */
export function docxVAlign(v: VAlign): string {
  switch (v) {
    case "top":
      return "top";
    case "middle":
      return "center";
    case "bottom":
      return "bottom";
  }
}
