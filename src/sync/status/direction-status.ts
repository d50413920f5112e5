/**
 * STAT-04: one direction's status for one rep and object, exactly the values of the seed's Tables 5–6.
 */
import type { DirectionStatus, EffectiveConfig } from '../model.ts';

export type DirectionKey = 'Contact:salesforce-to-exchange' | 'Contact:exchange-to-salesforce' | 'Event:salesforce-to-exchange' | 'Event:exchange-to-salesforce';

export const DIRECTION_STATUSES: readonly DirectionStatus[] = [
  'Not started', 'Initial sync in progress', 'Initial sync completed', 'Sync in progress', 'In sync', 'Exchange configuration not set to sync',
];

export interface DirectionFacts {
  /** The rep's effective config syncs this object in this direction (CFG-01/03). */
  configured: boolean;
  /** The initial sync of this direction has completed at some point (RepState.initialSyncDone). */
  initialSyncDone: boolean;
  /** The initial sync completed in the cycle being reported. */
  initialCompletedThisCycle: boolean;
  /** The engine has begun syncing this rep (a cycle ran or is running for it). */
  started: boolean;
  /** Writes still to do in this direction (planned and not yet applied, or failed and retried). */
  pending: number;
}

export function directionStatus(f: DirectionFacts): DirectionStatus {
  if (!f.configured) return 'Exchange configuration not set to sync';
  if (!f.started && !f.initialSyncDone) return 'Not started';
  if (!f.initialSyncDone) return 'Initial sync in progress';
  if (f.initialCompletedThisCycle && f.pending === 0) return 'Initial sync completed';
  if (f.pending > 0) return 'Sync in progress';
  return 'In sync';
}

export function directionConfigured(config: EffectiveConfig | undefined, key: DirectionKey): boolean {
  if (!config) return false;
  const [object, direction] = key.split(':') as ['Contact' | 'Event', 'salesforce-to-exchange' | 'exchange-to-salesforce'];
  const setting = object === 'Contact' ? config.contacts.direction : config.events.direction;
  return setting === 'both' || setting === direction;
}
