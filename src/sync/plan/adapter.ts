/**
 * What the generic pairing logic (pairs.ts, unpaired.ts) needs to know about one object type. contacts.ts and
 * events.ts implement it; the rules particular to an object (filters, window, private, series, accounts) live there.
 */
import type { FindingKind, RuleId } from '../api.ts';
import type { SyncDirectionSetting } from './context.ts';
import type { MappedValues } from '../mapping/hash.ts';
import type { Pairing, SyncedValues } from '../model.ts';

export interface Skip {
  rule: RuleId;
  reason: string;
  /** Report it as a finding too (e.g. private-event-withheld); otherwise it is a summary line only. */
  finding?: FindingKind;
}

export interface UpdateRequest {
  pairing: Pairing;
  /** Current version of the target item when known (EX ChangeKey), else the pairing's. */
  changeKey: string;
  values: MappedValues;
  keys: string[];
  before: MappedValues;
  rule: RuleId;
  synced: SyncedValues;
}

export interface ObjectAdapter<S, E> {
  readonly object: 'Contact' | 'Event';
  readonly direction: SyncDirectionSetting;
  /** Rule ids used for this object's pair / create / delete decisions. */
  readonly rules: { match: RuleId; createEx: RuleId; createSf: RuleId; update: RuleId; delete: RuleId };
  /** Keys merged as one unit in a conflict (conflicts.ts). */
  readonly mergeGroups?: string[][];
  sfId(item: S): string;
  exId(item: E): string;
  sfModified(item: S): string;
  exModified(item: E): string;
  exChangeKey(item: E): string;
  sfValues(item: S, pairing?: Pairing): MappedValues;
  exValues(item: E): MappedValues;
  /** Match keys in priority order (CON-04: email, then name + company; EVT-08: subject + start + end). */
  sfMatchKeys(item: S, values: MappedValues): string[];
  exMatchKeys(item: E, values: MappedValues): string[];
  /** Why this item must not be written to the other side (null = it may). */
  sfSkip(item: S, values: MappedValues, mode: 'create' | 'update'): Skip | null;
  exSkip(item: E, values: MappedValues, mode: 'create' | 'update'): Skip | null;
  /**
   * May this item be offered as a match partner at all? Items that could never sync themselves (another folder or
   * calendar, an occurrence of a series, someone else's event, a withheld private event) must not be paired (G-04).
   */
  sfPoolable?(item: S): boolean;
  exPoolable?(item: E): boolean;
  /** EVT-02: a pair whose item became private (flag off) is frozen instead of synced. */
  freezeReason?(values: MappedValues): string | null;
  /** Rule for reporting a field the target held that a write replaces. */
  overwriteRule(target: 'salesforce' | 'exchange'): RuleId;
  /** Before creating or pairing one more: is the cap reached (CON-07)? Returns a skip when it is. */
  capSkip?(): Skip | null;
  createEx(item: S, values: MappedValues, rule: RuleId, reason: string): void;
  createSf(item: E, values: MappedValues, rule: RuleId, reason: string): void;
  updateEx(request: UpdateRequest): void;
  updateSf(request: UpdateRequest): void;
  /** EVT-05: delete the partner of an item deleted on `deletedSide`. Absent for contacts (CON-06: never). */
  deletePartner?(pairing: Pairing, deletedSide: 'salesforce' | 'exchange'): boolean;
}
