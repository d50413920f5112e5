/**
 * STAT-03 / STAT-04: one rep's LightningSyncUserStatus values (field names as in the sObject), computed from the
 * effective config, the rep's state and the connection facts ENG-IO observed. `changedFields` lets the caller write
 * only what changed, so a cycle with no change writes nothing (G-02).
 */
import type { EffectiveConfig, RepState } from '../model.ts';
import { directionConfigured, directionStatus, type DirectionKey } from './direction-status.ts';

export interface UserConnectionFacts {
  /** null = not checked (e.g. no config): the status is left empty rather than guessed. */
  mailboxSupportedVersion: boolean | null;
  recognizedByServiceAccount: boolean | null;
  contactsFolderFound: boolean | null;
  calendarFolderFound: boolean | null;
  emailLinked: boolean | null;
}

export interface UserStatusInput {
  userId: string;
  config: EffectiveConfig | undefined;
  state: RepState | undefined;
  connection: UserConnectionFacts;
  outlookIntegrationSetUp: boolean;
  /** The cycle being reported: writes still pending per direction, directions whose initial sync just finished. */
  cycle?: { pending?: Partial<Record<DirectionKey, number>>; initialCompleted?: DirectionKey[] };
}

export interface UserStatusFields {
  UserId: string;
  ResetStatus: 'MarkedForReset' | 'ResetInProgress' | null;
  AssignedToActiveConfig: boolean;
  MailboxSupportedVersion: boolean | null;
  RecognizedByServiceAccount: boolean | null;
  OutlookIntegrationSetUp: boolean;
  ContactsFolderFound: boolean | null;
  CalendarFolderFound: boolean | null;
  EmailLinked: boolean | null;
  ContactsSfToExStatus: string;
  ContactsExToSfStatus: string;
  EventsSfToExStatus: string;
  EventsExToSfStatus: string;
  ContactsInSync: number;
  EventsInSync: number;
  LastSyncTime: string | null;
}

const FIELD_BY_KEY: Record<DirectionKey, 'ContactsSfToExStatus' | 'ContactsExToSfStatus' | 'EventsSfToExStatus' | 'EventsExToSfStatus'> = {
  'Contact:salesforce-to-exchange': 'ContactsSfToExStatus',
  'Contact:exchange-to-salesforce': 'ContactsExToSfStatus',
  'Event:salesforce-to-exchange': 'EventsSfToExStatus',
  'Event:exchange-to-salesforce': 'EventsExToSfStatus',
};

export function userStatus(input: UserStatusInput): UserStatusFields {
  const { state, config } = input;
  const started = !!state && (state.pairings.length > 0 || state.syncLog.length > 0 || Object.keys(state.syncStates).length > 0
    || Object.keys(state.sfWatermarks).length > 0 || Object.values(state.initialSyncDone).some(Boolean));
  const statuses = {} as Record<(typeof FIELD_BY_KEY)[DirectionKey], string>;
  for (const [key, field] of Object.entries(FIELD_BY_KEY) as Array<[DirectionKey, (typeof FIELD_BY_KEY)[DirectionKey]]>) {
    statuses[field] = directionStatus({
      configured: directionConfigured(config, key),
      initialSyncDone: state?.initialSyncDone[key] === true,
      initialCompletedThisCycle: input.cycle?.initialCompleted?.includes(key) ?? false,
      started,
      pending: input.cycle?.pending?.[key] ?? 0,
    });
  }
  const live = (object: 'Contact' | 'Event') => state?.pairings.filter((p) => p.object === object && !p.frozen && !p.orphaned).length ?? 0;
  const lastAt = state?.syncLog.reduce((max, e) => Math.max(max, e.at), -Infinity) ?? -Infinity;
  return {
    UserId: input.userId,
    ResetStatus: state?.resetStatus ?? null,
    AssignedToActiveConfig: !!config,
    MailboxSupportedVersion: input.connection.mailboxSupportedVersion,
    RecognizedByServiceAccount: input.connection.recognizedByServiceAccount,
    OutlookIntegrationSetUp: input.outlookIntegrationSetUp,
    ContactsFolderFound: input.connection.contactsFolderFound,
    CalendarFolderFound: input.connection.calendarFolderFound,
    EmailLinked: input.connection.emailLinked,
    ...statuses,
    ContactsInSync: live('Contact'),
    EventsInSync: live('Event'),
    LastSyncTime: lastAt === -Infinity ? null : new Date(lastAt).toISOString(),
  };
}

/** Fields whose value differs from what the org holds: write only these (G-02). */
export function changedFields(previous: Partial<UserStatusFields> | undefined, next: UserStatusFields): Partial<UserStatusFields> {
  const out: Partial<UserStatusFields> = {};
  for (const [key, value] of Object.entries(next) as Array<[keyof UserStatusFields, unknown]>) {
    if ((previous?.[key] ?? null) !== (value ?? null)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Display text of a reset status (STAT-03); absent when no reset is pending. */
export function resetStatusLabel(status: UserStatusFields['ResetStatus']): string | undefined {
  return status === 'MarkedForReset' ? 'Marked for reset' : status === 'ResetInProgress' ? 'Reset in progress' : undefined;
}
