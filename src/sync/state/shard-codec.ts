/**
 * @module
 * The text form of a rep's shard, built so that a rep with nothing to do never parses its pairings (issue #6: a
 * quiet cycle of 1,000 reps parsed ~850 KB of pairings per rep, ~0.9 GB of JSON, and the garbage made the collector
 * the biggest cost of the cycle). Two lines:
 *
 *   {"version":1,"org":…,"syncStates":…,"pairingCounts":{"Contact":500,"Event":1000},…}   ← everything else
 *   [{"object":"Contact","sfId":…},…]                                                        ← the pairings
 *
 * `state.pairings` is a lazy property: the second line is parsed the first time anything reads it, and written back
 * as it was read if nothing did. A shard in the old one-line form (every pairing inside the object) still reads.
 * Still one file, written whole through steno (temp file + rename): the G-05 write-ahead order is unchanged.
 */
import type { Pairing, RepState } from '../model.ts';

/** The unparsed second line of a state whose pairings nobody has read yet. */
const unread = new WeakMap<RepState, string>();

export function parseShard(text: string, file: string): RepState {
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  const state = JSON.parse(head) as Partial<RepState>;
  if (!state || typeof state !== 'object' || state.version !== 1) {
    throw new Error(`state: ${file} is not a synclab rep state (version 1); delete it to resync this rep from scratch`);
  }
  if (newline < 0) {
    if (!Array.isArray(state.pairings)) throw new Error(`state: ${file} has no pairings list; delete it to resync this rep from scratch`);
    return state as RepState;
  }
  const rest = text.slice(newline + 1).trim();
  const out = state as RepState;
  unread.set(out, rest);
  Object.defineProperty(out, 'pairings', {
    configurable: true,
    enumerable: true,
    get(): Pairing[] {
      const pairings = JSON.parse(unread.get(out) ?? '[]') as unknown;
      if (!Array.isArray(pairings)) throw new Error(`state: ${file} line 2 is not a list of pairings; delete it to resync this rep from scratch`);
      materialize(out, pairings as Pairing[]);
      return pairings as Pairing[];
    },
    set(value: Pairing[]) {
      materialize(out, value);
    },
  });
  return out;
}

function materialize(state: RepState, pairings: Pairing[]): void {
  unread.delete(state);
  Object.defineProperty(state, 'pairings', { value: pairings, writable: true, enumerable: true, configurable: true });
}

/** Whether the pairings were parsed (read or replaced) since the shard was loaded. */
export function pairingsLoaded(state: RepState): boolean {
  return !unread.has(state);
}

/** Pairings of one object, without loading them if they were not read: then the count of the last write. */
export function pairingCount(state: RepState, object: Pairing['object']): number {
  if (!pairingsLoaded(state)) return state.pairingCounts?.[object] ?? 0;
  let n = 0;
  for (const p of state.pairings) if (p.object === object) n++;
  return n;
}

export function stringifyShard(state: RepState): string {
  const head: Record<string, unknown> = {};
  for (const key of Object.keys(state)) if (key !== 'pairings') head[key] = (state as unknown as Record<string, unknown>)[key];
  const raw = unread.get(state);
  if (raw === undefined) head.pairingCounts = { Contact: pairingCount(state, 'Contact'), Event: pairingCount(state, 'Event') };
  return `${JSON.stringify(head)}\n${raw ?? JSON.stringify(state.pairings)}`;
}
