/**
 * @module
 * Seeded randomness. Every random choice in synclab (fault probabilities, retry jitter, generated ids, faker data)
 * comes from a generator made here from the run's seed, so the same seed gives the same run (G-08).
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** A child generator whose sequence depends only on this seed and `label`, not on how much the parent was used. */
  fork(label: string): Rng;
  readonly seed: number;
}

/** sfc32: small, fast, and good enough for simulation (not for cryptography). */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35);
  let d = seed | 0;
  const next = (): number => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // warm up so nearby seeds diverge
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    fork: (label) => createRng(hashSeed(seed, label)),
  };
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit seed for a named sub-stream. */
export function hashSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
