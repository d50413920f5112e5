/**
 * Matching before create (CON-04, EVT-08, RST-01): a pool of unpaired items on one side, indexed once by match key
 * (no O(n²)), from which each source item takes at most one partner. Claimed ids are shared with the pairing pass,
 * so an item already paired is never paired again and one item never gets two partners (G-04).
 */

export class MatchPool<T> {
  readonly #byKey = new Map<string, string[]>();
  readonly #items = new Map<string, T>();

  constructor(
    items: Iterable<T>,
    readonly idOf: (item: T) => string,
    keysOf: (item: T) => string[],
    readonly claimed: Set<string>,
  ) {
    for (const item of items) {
      const id = idOf(item);
      if (claimed.has(id) || this.#items.has(id)) continue;
      this.#items.set(id, item);
      for (const key of keysOf(item)) {
        const ids = this.#byKey.get(key);
        if (ids) ids.push(id); else this.#byKey.set(key, [id]);
      }
    }
    // Smallest id first, so the same inputs always pair the same way (G-08).
    for (const ids of this.#byKey.values()) ids.sort();
  }

  get(id: string): T | undefined {
    return this.claimed.has(id) ? undefined : this.#items.get(id);
  }

  /** Take the first unclaimed item under the first key (in priority order) that has one. */
  take(keys: string[]): T | undefined {
    for (const key of keys) {
      for (const id of this.#byKey.get(key) ?? []) {
        if (!this.claimed.has(id)) {
          this.claimed.add(id);
          return this.#items.get(id);
        }
      }
    }
    return undefined;
  }

  takeId(id: string): T | undefined {
    const item = this.get(id);
    if (item) this.claimed.add(id);
    return item;
  }
}

/** Match-key text: case and surrounding blanks do not distinguish people or meetings. */
export function keyPart(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : value === null || value === undefined ? '' : String(value);
}
