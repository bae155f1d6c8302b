/**
 * A year file is a few kilobytes; 2 MB leaves room for long texts and refuses a 50 MB accident.
 * In a module of its own: the command's thread reads the input files (src/cli/discover.ts) of a
 * build that workers parse, and importing the bound from load-yaml.ts loaded the YAML parser there.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
