/**
 * The writes a decided pair needs: compare what each side holds with the values they should both hold, update only
 * the fields that differ, and report every field a write replaces that the target had changed on its own (G-03,
 * EVT-03 overwrites, G-09 conflicts).
 */
import { changedKeys, hashValues, type MappedValues } from '../mapping/hash.ts';
import type { Pairing, SyncedValues } from '../model.ts';
import type { ObjectAdapter } from './adapter.ts';
import type { PlanBuilder } from './context.ts';

export interface PairState {
  pairing: Pairing;
  exChangeKey: string;
  /** What each side holds now. */
  sfCurrent: MappedValues;
  exCurrent: MappedValues;
  /** What each side held at the last sync (absent for a new match: every differing filled value is reported). */
  base?: MappedValues;
}

export function synced(values: MappedValues): SyncedValues {
  return { hash: hashValues(values), values };
}

/** Emit the updates that bring both sides to `target`; returns whether anything was written. */
export function writeBoth<S, E>(b: PlanBuilder, a: ObjectAdapter<S, E>, s: PairState, target: MappedValues, rule: string, conflictKeys: string[] = []): boolean {
  const sync = synced(target);
  const exKeys = changedKeys(s.exCurrent, target);
  const sfKeys = changedKeys(s.sfCurrent, target);
  if (exKeys.length) {
    reportOverwrites(b, a, s, 'exchange', s.exCurrent, target, exKeys, conflictKeys);
    a.updateEx({ pairing: s.pairing, changeKey: s.exChangeKey, values: target, keys: exKeys, before: s.exCurrent, rule, synced: sync });
  }
  if (sfKeys.length) {
    reportOverwrites(b, a, s, 'salesforce', s.sfCurrent, target, sfKeys, conflictKeys);
    a.updateSf({ pairing: s.pairing, changeKey: s.exChangeKey, values: target, keys: sfKeys, before: s.sfCurrent, rule, synced: sync });
  }
  return exKeys.length + sfKeys.length > 0;
}

function reportOverwrites<S, E>(
  b: PlanBuilder, a: ObjectAdapter<S, E>, s: PairState, side: 'salesforce' | 'exchange',
  current: MappedValues, target: MappedValues, keys: string[], conflictKeys: string[],
): void {
  for (const key of keys) {
    const before = current[key] ?? null;
    const after = target[key] ?? null;
    const ownEdit = s.base ? before !== (s.base[key] ?? null) : before !== null;
    if (!ownEdit) continue;
    const rule = conflictKeys.includes(key) ? 'G-09' : a.overwriteRule(side);
    b.find('overwrite', rule,
      `${a.object} ${key} in ${side === 'salesforce' ? 'Salesforce' : 'Exchange'} overwritten: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
      { object: a.object, sfId: s.pairing.sfId, exId: s.pairing.exId, field: key, before, after });
  }
}

/** A create sends only what has a value: an empty field is simply not set on a new item. */
export function withoutNulls<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as T;
}
