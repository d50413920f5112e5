/**
 * @module
 * `--shard i/n`: scenario ids sorted by code point, dealt round-robin, so each id always lands on the same shard for
 * the same set of files and the shards are balanced.
 */

export interface Shard {
  index: number;
  total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new Error(`--shard "${text}" is not a shard — expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  }
  return { index, total };
}

export function inShard<T>(items: readonly T[], idOf: (item: T) => string, shard: Shard | null): T[] {
  if (!shard) return [...items];
  const sorted = [...items].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.total === shard.index - 1);
}
