/** Optional fields are left out rather than set to undefined, so models compare equal to golden JSON. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The in-place form of `...opt(key, value)`: sets the field only when it has a value, so an
 * object built by a run of these has the keys, in the order, the spread of opt()s gave it,
 * without a small object made and spread per field (paragraphs and cells are made by the
 * thousand per document).
 */
export function putOpt<T, K extends keyof T>(target: Mutable<T>, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
