/**
 * Which document sections a year file has, from its top-level keys: a kind's
 * section is its key (memo:, measures:, report:, progress:), so the page offers
 * only the documents the file can make, even while the text does not parse.
 */
export function topLevelKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)) keys.add(m[1]!);
  return keys;
}
