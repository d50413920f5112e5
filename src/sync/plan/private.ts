/**
 * EVT-02 private events. Flag off: a private event never leaves its side, and a synced event that becomes private
 * stops syncing (the pair is frozen, the partner stays). Flag on: it syncs and stays private on both sides.
 * Which EX sensitivities count as private is configurable (docs/decisions/0003-private-sensitivities.md).
 */
import type { MappedValues } from '../mapping/hash.ts';
import { isPrivateSensitivity } from '../mapping/conversions.ts';
import type { ExEvent, ExSensitivity, SfEvent } from '../model.ts';
import type { Skip } from './adapter.ts';

export function sfEventIsPrivate(item: SfEvent): boolean {
  return item.IsPrivate === true;
}

export function exEventIsPrivate(item: ExEvent, privateSensitivities: readonly ExSensitivity[]): boolean {
  return isPrivateSensitivity(item.sensitivity, privateSensitivities);
}

export function privateSkip(isPrivate: boolean, syncPrivate: boolean, from: 'Salesforce' | 'Exchange'): Skip | null {
  if (!isPrivate || syncPrivate) return null;
  return {
    rule: 'EVT-02',
    reason: `private in ${from} and "Sync private events" is off: it stays on its side`,
    finding: 'private-event-withheld',
  };
}

/** A paired event whose changed values are private while the flag is off → freeze the pair. */
export function freezeReason(values: MappedValues, syncPrivate: boolean): string | null {
  if (syncPrivate || values.IsPrivate !== true) return null;
  return 'Event became private after it was synced and "Sync private events" is off: it stops syncing; the partner already written stays';
}
