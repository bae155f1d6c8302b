/**
 * Expands a glob pattern (*, ?, [...], and ** for any depth) against the file
 * system, for shells that do not expand globs themselves (Windows cmd) and
 * for quoted patterns. Results are sorted, so a build is the same whatever
 * order the directory lists in.
 */
import { readdir } from "node:fs/promises";
import { isAbsolute, join, sep } from "node:path";

export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function segmentRegex(seg: string): RegExp {
  let re = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === "*") re += "[^/\\\\]*";
    else if (c === "?") re += "[^/\\\\]";
    else if (c === "[") {
      const end = seg.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += `[${seg.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]+/).filter((p, i) => p !== "" || i === 0);
  const absolute = isAbsolute(pattern);
  const start = absolute ? sep : cwd;
  const out = new Set<string>();
  const walk = async (dir: string, rel: string, i: number): Promise<void> => {
    if (i === parts.length) {
      out.add(rel);
      return;
    }
    const part = parts[i]!;
    if (part === "" && i === 0) return walk(dir, absolute ? sep : rel, i + 1);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    if (part === "**") {
      await walk(dir, rel, i + 1);
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith(".")) await walk(join(dir, e.name), join(rel, e.name), i);
      return;
    }
    if (!isGlob(part)) {
      if (entries.some((e) => e.name === part)) await walk(join(dir, part), join(rel, part), i + 1);
      return;
    }
    const re = segmentRegex(part);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (re.test(e.name) && (i === parts.length - 1 || e.isDirectory())) await walk(join(dir, e.name), join(rel, e.name), i + 1);
    }
  };
  await walk(start, "", 0);
  return [...out].sort();
}
