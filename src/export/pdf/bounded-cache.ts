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
import { ownString } from "../own-string.js";

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
