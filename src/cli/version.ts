/** The tool's version: printed by --version and part of every document's rebuild key. */
export const VERSION = "0.1.0";
