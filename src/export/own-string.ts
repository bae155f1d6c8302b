/**
 * Strings kept across documents (the PDF and DOCX exporters' caches) as copies of their own
 * characters, so that a kept word never keeps the whole rendered document it was cut from.
 */

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
