/**
 * A memo table that cannot outgrow its limit: a process that exports every
 * organisation of the country must not keep every word it ever shaped.
 *
 * Two generations instead of a true LRU list: hits are one or two Map
 * lookups and nothing is reordered on a hit. New entries go to the young
 * generation; when it is full it becomes the old one and the previous old
 * one is dropped. An old entry that is read again moves back to the young
 * generation, so what a run keeps using survives and at most 2 × limit
 * entries are ever held.
 *
 * A string key or value is stored as a copy of its own characters
 * (ownString): the texts a document's caches see are cut out of the whole
 * document, and a cut-out string kept in a cache keeps the whole document
 * alive.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`cache limit must be at least 1, got ${limit}`);
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(typeof key === "string" ? (ownString(key) as K) : key, typeof value === "string" ? (ownString(value) as V) : value);
  }

  /** The cached value, or `make()`'s result, which is then cached. */
  getOrSet(key: K, make: () => V): V {
    const known = this.get(key);
    if (known !== undefined) return known;
    const value = make();
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

/**
 * Below this length V8 copies a cut-out or joined string instead of pointing
 * into its parts (SlicedString::kMinLength, ConsString::kMinLength).
 */
const SHARED_FROM_LENGTH = 13;

/**
 * `s` as a string that holds only its own characters. In V8 a string cut out
 * of a larger one (slice, substring, a match) points into the whole, and one
 * joined from parts (+=) points to the parts, until it is flattened. Kept in
 * a cache, such a string kept the whole rendered document it was cut from:
 * thai-wrap.ts's paragraph and phrase caches held slices of ~900 documents'
 * texts (12–27 KB each) in a worker after 1,800 organisations, 23 of its
 * 70 MB live heap and the reason the heap grew through a long run
 * (bench/RESULTS.md, "wip/heap"). Joining a space in front and cutting it
 * off again makes V8 copy the characters into a string of their own.
 */
export function ownString(s: string): string {
  return s.length < SHARED_FROM_LENGTH ? s : (" " + s).slice(1);
}
