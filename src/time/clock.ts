/**
 * @module
 * The one clock that the simulators and the engine read.
 *
 * Scenario time is the rule: nothing in synclab sleeps on wall time while a scenario runs. The engine's back-off
 * (G-06), the sims' LastModifiedTime / SystemModstamp, token expiry and fault windows all read `now()` from the same
 * injected Clock, so one seed reproduces one run byte for byte (G-08).
 */

export interface Clock {
  /** Epoch milliseconds, UTC. */
  now(): number;
  /**
   * Wait `ms` of this clock's time. A ScenarioClock advances itself instead of waiting, so a 5-minute
   * BackOffMilliseconds costs no wall time in a scenario; a SystemClock really waits.
   */
  sleep(ms: number): Promise<void>;
}

export type ClockListener = (now: number, previous: number) => void;

/** Virtual time, moved only by `advance`, `set` or `sleep`. Time never goes backwards. */
export class ScenarioClock implements Clock {
  #now: number;
  readonly #listeners = new Set<ClockListener>();

  constructor(start: number | string | Date) {
    this.#now = toEpochMs(start);
  }

  now(): number {
    return this.#now;
  }

  async sleep(ms: number): Promise<void> {
    this.advance(ms);
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ScenarioClock.advance needs a finite, non-negative number of ms; got ${ms}`);
    }
    return this.set(this.#now + ms);
  }

  set(to: number | string | Date): number {
    const next = toEpochMs(to);
    if (next < this.#now) {
      throw new RangeError(
        `ScenarioClock cannot go back in time (now ${new Date(this.#now).toISOString()}, asked ${new Date(next).toISOString()})`,
      );
    }
    const previous = this.#now;
    this.#now = next;
    for (const listener of this.#listeners) listener(next, previous);
    return next;
  }

  onChange(listener: ClockListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** Wall time, for `synclab serve` and `synclab sync` against real servers. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

export function toEpochMs(value: number | string | Date): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`not a valid instant: ${String(value)} (expected ISO 8601, e.g. 2026-03-02T08:00:00Z)`);
  }
  return ms;
}

/** Parses durations like `15m`, `2h`, `1d`, `500ms`, `90s`, `1h30m`. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  const trimmed = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = re.exec(trimmed); match; match = re.exec(trimmed)) {
    total += Number(match[1]) * units[match[2]!]!;
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== trimmed.length) {
    throw new RangeError(`not a duration: "${text}" (expected e.g. 500ms, 90s, 15m, 2h, 1d, 1h30m)`);
  }
  return total;
}
