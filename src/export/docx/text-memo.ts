/**
 * Texts that most documents make again from the same few inputs (the content
 * types, the relationships, the core properties, a page-number header): kept
 * by a short key of those inputs, so a document gets the same string object
 * back. Building the text again, and then hashing a fresh 2–4 KB string to
 * find its compressed bytes (index.ts packXml), cost more than the key.
 * Bounded: when full it starts again. Keys and texts are kept as copies of
 * their own, so a piece cut from a rendered document does not keep the
 * document alive (bounded-cache.ts, ownString).
 */
import { ownString } from "../own-string.js";

export class TextMemo {
  private readonly texts = new Map<string, string>();

  constructor(private readonly limit: number) {}

  get(key: string, make: () => string): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      text = ownString(make());
      if (this.texts.size >= this.limit) this.texts.clear();
      this.texts.set(ownString(key), text);
    }
    return text;
  }
}
