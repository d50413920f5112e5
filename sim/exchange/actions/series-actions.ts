/**
 * @module
 * Rep actions on recurring series (SIM-EX-04): delete one occurrence, change one (an exception), or put it back.
 * Each is an update of the master, so SyncFolderItems reports the master as updated, as Exchange does.
 */
import { toEpochMs } from '#time/clock.ts';
import type { ModifiedOccurrenceValue } from '../items/values.ts';
import type { ExchangeStore } from '../store/store.ts';
import type { StoredItem } from '../store/types.ts';
import { eventProps } from '../world/spec-to-props.ts';
import type { EventSpec } from '../world.ts';
import type { Lookup } from './lookup.ts';

const EXCEPTION_FIELDS = ['Subject', 'Location', 'Body', 'Sensitivity', 'LegacyFreeBusyStatus', 'IsAllDayEvent'];

export class SeriesActions {
  constructor(
    private readonly store: () => ExchangeStore,
    private readonly lookup: Lookup,
  ) {}

  #series(address: string, ref: string, originalStart: string): { item: StoredItem; at: number } {
    const item = this.lookup.item(address, ref);
    if (!item.props['Recurrence']) throw new Error(`exchange action: item "${ref}" is not a recurring series`);
    return { item, at: toEpochMs(originalStart) };
  }

  deleteOccurrence(address: string, ref: string, originalStart: string): StoredItem {
    const { item, at } = this.#series(address, ref, originalStart);
    return this.store().updateItem(item.uid, (i) => {
      const deleted = new Set((i.props['DeletedOccurrences'] as number[] | undefined) ?? []);
      deleted.add(at);
      i.props['DeletedOccurrences'] = [...deleted].sort((a, b) => a - b);
    });
  }

  modifyOccurrence(address: string, ref: string, originalStart: string, set: Partial<EventSpec>): StoredItem {
    const { item, at } = this.#series(address, ref, originalStart);
    const duration = (item.props['End'] as number) - (item.props['Start'] as number);
    const base = { start: new Date(at).toISOString(), end: new Date(at + duration).toISOString() };
    const { props } = eventProps({ ...base, ...set } as EventSpec, item.mailbox, `exchange action modifyOccurrence (${ref})`);
    const overrides: Record<string, unknown> = { Start: props['Start'], End: props['End'] };
    for (const key of EXCEPTION_FIELDS) if (props[key] !== undefined) overrides[key] = props[key];
    return this.store().updateItem(item.uid, (i) => {
      const mods = [...((i.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? [])];
      const existing = mods.find((m) => m.originalStart === at);
      if (existing) {
        existing.props = { ...existing.props, ...overrides };
        existing.version++;
      } else mods.push({ originalStart: at, uid: `${i.uid}@${at}`, version: 1, props: overrides });
      i.props['ModifiedOccurrences'] = mods;
    });
  }

  restoreOccurrence(address: string, ref: string, originalStart: string): StoredItem {
    const { item, at } = this.#series(address, ref, originalStart);
    return this.store().updateItem(item.uid, (i) => {
      i.props['DeletedOccurrences'] = ((i.props['DeletedOccurrences'] as number[] | undefined) ?? []).filter((d) => d !== at);
      i.props['ModifiedOccurrences'] = ((i.props['ModifiedOccurrences'] as ModifiedOccurrenceValue[] | undefined) ?? []).filter((m) => m.originalStart !== at);
    });
  }
}
