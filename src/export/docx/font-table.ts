/**
 * word/fontTable.xml: what Word and LibreOffice know about each face the
 * document names when that face is not installed, so they substitute by
 * charset, family, pitch and PANOSE instead of falling back to a default
 * (an empty table made LibreOffice pick Loma/DejaVu and the memo grow a page).
 *
 * The values are those of TH SarabunPSK's design as carried by Debian's
 * fonts-tlwg-laksaman (Laksaman.ttf, "based on TH Sarabun New"): OS/2 PANOSE
 * 2 11 5 0 4 2 0 2 0 3, Unicode ranges A100006F 5000205A, code pages
 * 60010183 80000000 (Thai 874 among them). The siblings share the design.
 * w:charset DE is Windows' THAI_CHARSET; altName names a sibling that draws
 * the same text with the same metrics, for a PC that has only that one.
 */
import type { OfficialFont } from "../../model/official-fonts.js";
import { esc, XML_DECLARATION_STANDALONE } from "./xml.js";

interface FontTableEntry {
  readonly altName: string;
}

const FACES: Readonly<Record<OfficialFont, FontTableEntry>> = {
  "TH SarabunPSK": { altName: "TH Sarabun New" },
  "TH Sarabun New": { altName: "TH SarabunPSK" },
  "TH SarabunIT๙": { altName: "TH SarabunPSK" },
};

const SARABUN_DESIGN =
  '<w:panose1 w:val="020B0500040200020003"/><w:charset w:val="DE"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
  '<w:sig w:usb0="A100006F" w:usb1="5000205A" w:usb2="00000000" w:usb3="00000000" w:csb0="60010183" w:csb1="80000000"/>';

const FONTS_OPEN =
  '<w:fonts xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';

/** The font table of a document whose runs name `family`; CT_Font's children in schema order. */
export function fontTableXml(family: OfficialFont): string {
  const face = FACES[family];
  return (
    `${XML_DECLARATION_STANDALONE}${FONTS_OPEN}` +
    `<w:font w:name="${esc(family)}"><w:altName w:val="${esc(face.altName)}"/>${SARABUN_DESIGN}</w:font>` +
    "</w:fonts>"
  );
}
