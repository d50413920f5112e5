/**
 * G-09: both sides changed a pair since the last sync. Fields changed on one side only are merged (nothing is lost);
 * fields changed on both sides to different values are decided by the configured policy — latest change wins
 * (EX LastModifiedTime vs SF SystemModstamp; a tie goes to Salesforce, the system of record), Salesforce wins, or
 * Exchange wins (docs/decisions/0006-conflict-merge.md).
 */
import type { EffectiveConfig } from '../model.ts';
import type { MappedValues } from '../mapping/hash.ts';

export type Side = 'salesforce' | 'exchange';

export function policyWinner(policy: EffectiveConfig['conflictPolicy'], sfModified: string, exModified: string): Side {
  if (policy === 'salesforce-wins') return 'salesforce';
  if (policy === 'exchange-wins') return 'exchange';
  return Date.parse(exModified) > Date.parse(sfModified) ? 'exchange' : 'salesforce';
}

export interface MergeResult {
  merged: MappedValues;
  /** Keys both sides changed to different values: the policy decided them. */
  conflicts: string[];
}

/**
 * Three-way merge against the last synced values. `groups` are keys that only make sense together (an event's start,
 * end and all-day flag): a group is taken whole from one side — the side that changed it, or the policy's winner when
 * both did — so a merge can never pair one side's start with the other side's end.
 */
export function mergeWithBase(base: MappedValues, sf: MappedValues, ex: MappedValues, winner: Side, groups: string[][] = []): MergeResult {
  const merged: MappedValues = {};
  const conflicts: string[] = [];
  const grouped = new Set(groups.flat());
  for (const group of groups) {
    const changed = (side: MappedValues) => group.some((k) => (side[k] ?? null) !== (base[k] ?? null));
    const sfChanged = changed(sf);
    const exChanged = changed(ex);
    const same = group.every((k) => (sf[k] ?? null) === (ex[k] ?? null));
    const from = same || !exChanged ? sf : !sfChanged ? ex : winner === 'salesforce' ? sf : ex;
    if (!same && sfChanged && exChanged) conflicts.push(...group.filter((k) => (sf[k] ?? null) !== (ex[k] ?? null)));
    for (const k of group) if (k in sf || k in ex) merged[k] = from[k] ?? null;
  }
  for (const key of unionKeys(sf, ex)) {
    if (grouped.has(key)) continue;
    const s = sf[key] ?? null;
    const e = ex[key] ?? null;
    const b = base[key] ?? null;
    if (s === e) merged[key] = s;
    else if (s === b) merged[key] = e;
    else if (e === b) merged[key] = s;
    else {
      merged[key] = winner === 'salesforce' ? s : e;
      conflicts.push(key);
    }
  }
  return { merged, conflicts };
}

/**
 * Two items paired by matching have no common past. An empty value never overwrites a filled one (first pairing
 * must not erase data, G-03); two different filled values are decided by the policy.
 */
export function mergeWithoutBase(sf: MappedValues, ex: MappedValues, winner: Side): MergeResult {
  const merged: MappedValues = {};
  const conflicts: string[] = [];
  for (const key of unionKeys(sf, ex)) {
    const s = sf[key] ?? null;
    const e = ex[key] ?? null;
    if (s === e || e === null) merged[key] = s;
    else if (s === null) merged[key] = e;
    else {
      merged[key] = winner === 'salesforce' ? s : e;
      conflicts.push(key);
    }
  }
  return { merged, conflicts };
}

function unionKeys(a: MappedValues, b: MappedValues): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
