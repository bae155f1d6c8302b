/**
 * The error of a pdfmake other than the one the PDF export was written for, apart from
 * internals/pdfmake.ts so that a build can recognise it without loading the PDF export
 * (a run that makes only DOCX never does).
 */

/** The pdfmake version these adapters were written against; any other stops the PDF export when it first loads pdfmake. */
export const PDFMAKE_VERSION = "0.3.11";

/** The installed pdfmake is not the one the adapters were written for: itadoc's fault, not the clerk's (E_INTERNAL). */
export class PdfEngineMismatch extends Error {
  constructor(readonly installed: string) {
    super(
      `pdfmake ${installed} is installed, but itadoc's PDF export was written for pdfmake ${PDFMAKE_VERSION} ` +
        `(src/export/pdf/internals/pdfmake.ts uses its private modules); reinstall itadoc's dependencies (npm ci)`,
    );
  }
}
