/** Which lines differ between two versions (longest common subsequence of lines), for the conflict view. */
export interface LineDiff {
  /** 0-based line numbers of `a` not in the common part. */
  readonly changedA: ReadonlySet<number>;
  readonly changedB: ReadonlySet<number>;
}

export function lineDiff(a: readonly string[], b: readonly string[]): LineDiff {
  // Common head and tail first: an edit usually touches a few lines of a long file.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const n = midA.length;
  const m = midB.length;
  const changedA = new Set<number>();
  const changedB = new Set<number>();
  if (n * m > 4_000_000) {
    // Too large to compare line by line in the page: mark the whole middle.
    for (let i = 0; i < n; i++) changedA.add(head + i);
    for (let j = 0; j < m; j++) changedB.add(head + j);
    return { changedA, changedB };
  }
  const len = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * (m + 1) + j] = midA[i] === midB[j] ? len[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(len[(i + 1) * (m + 1) + j]!, len[i * (m + 1) + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      i++;
      j++;
    } else if (len[(i + 1) * (m + 1) + j]! >= len[i * (m + 1) + j + 1]!) changedA.add(head + i++);
    else changedB.add(head + j++);
  }
  while (i < n) changedA.add(head + i++);
  while (j < m) changedB.add(head + j++);
  return { changedA, changedB };
}
