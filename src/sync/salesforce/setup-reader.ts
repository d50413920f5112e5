/**
 * @module
 * Reads what an admin configured in the org: LightningSyncSetup, configurations, assignments, users and the
 * per-user status records (docs/decisions/0002). Object names are configurable (engine.yaml `objects:`) so the
 * engine can run against a real org where an admin created them as custom objects.
 */
import type { RawAssignmentRecord, RawConfigRecord, RawUserRecord } from '../config/index.ts';
import type { SalesforceSession } from './sf-session.ts';
import { queryRecords } from './soql.ts';

export interface LightningSyncObjectNames {
  setup: string;
  config: string;
  assignment: string;
  error: string;
  userStatus: string;
}

export const DEFAULT_OBJECT_NAMES: LightningSyncObjectNames = {
  setup: 'LightningSyncSetup',
  config: 'LightningSyncConfig',
  assignment: 'LightningSyncConfigAssignment',
  error: 'LightningSyncError',
  userStatus: 'LightningSyncUserStatus',
};

export interface SetupRecord {
  Id?: string;
  ConnectionMethod?: string | null;
  ServiceAccountUsername?: string | null;
  AutodiscoverUrl?: string | null;
  EwsUrl?: string | null;
  AdditionalDomains?: string | null;
  OutlookIntegrationEnabled?: boolean | null;
  OAuthTenantId?: string | null;
}

export interface SfUser extends RawUserRecord {
  FirstName?: string | null;
  LastName?: string | null;
  TimeZoneSidKey?: string | null;
  OutlookIntegrationSetUp?: boolean | null;
}

export interface UserStatusRecord {
  Id: string;
  UserId: string;
  ResetStatus?: string | null;
  [field: string]: unknown;
}

export interface OrgSetup {
  setup: SetupRecord | undefined;
  configs: RawConfigRecord[];
  assignments: RawAssignmentRecord[];
  users: SfUser[];
  statuses: Map<string, UserStatusRecord>;
}

export const USER_STATUS_FIELDS = [
  'ResetStatus', 'AssignedToActiveConfig', 'MailboxSupportedVersion', 'RecognizedByServiceAccount', 'OutlookIntegrationSetUp',
  'ContactsFolderFound', 'CalendarFolderFound', 'EmailLinked', 'ContactsSfToExStatus', 'ContactsExToSfStatus',
  'EventsSfToExStatus', 'EventsExToSfStatus', 'ContactsInSync', 'EventsInSync', 'LastSyncTime',
] as const;

export async function readOrgSetup(session: SalesforceSession, names: LightningSyncObjectNames): Promise<OrgSetup> {
  const all = <T>(soql: string) => queryRecords<T>(session, soql);
  const [setups, configs, assignments, users, statuses] = await Promise.all([
    all<SetupRecord>(`SELECT Id, ConnectionMethod, ServiceAccountUsername, AutodiscoverUrl, EwsUrl, AdditionalDomains, OutlookIntegrationEnabled, OAuthTenantId FROM ${names.setup}`),
    all<RawConfigRecord>(
      `SELECT Id, Name, IsActive, ContactSyncDirection, EventSyncDirection, ContactFilter, ContactFieldFilters, EventScope, EventFilter, EventFilterDays, SyncPrivateEvents, DeleteSyncedEvents, AutoRelateEvents, SyncEventSeries, ConflictPolicy, ContactFieldMapping, EventFieldMapping, LastModifiedDate FROM ${names.config}`,
    ),
    all<RawAssignmentRecord>(`SELECT Id, ConfigId, AssigneeType, AssigneeId, CreatedDate FROM ${names.assignment}`),
    all<SfUser>('SELECT Id, Username, Email, FirstName, LastName, ProfileId, IsActive, TimeZoneSidKey, OutlookIntegrationSetUp FROM User'),
    all<UserStatusRecord>(`SELECT Id, UserId, ${USER_STATUS_FIELDS.join(', ')} FROM ${names.userStatus}`),
  ]);
  return {
    setup: setups[0],
    configs,
    assignments,
    users,
    statuses: new Map(statuses.map((s) => [s.UserId, s])),
  };
}
