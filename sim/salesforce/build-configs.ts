/**
 * @module
 * A world ConfigSpec → a LightningSyncConfig record (world.ts vocabulary mapped to the sObject's picklist values)
 * plus its user and profile assignments. Saved through the same rules as any client save, so CFG-05/CFG-07
 * violations in a world fail the build with the same message.
 */
import { insertRecord } from './dml.ts';
import type { Org } from './org.ts';
import type { ConfigSpec, SyncDirection } from './world.ts';
import { LIGHTNING_SYNC_OBJECTS as LS } from './world.ts';

const sys = { system: true, allowDuplicates: true } as const;

const CONFLICT = { 'latest-change-wins': 'LatestChangeWins', 'salesforce-wins': 'SalesforceWins', 'exchange-wins': 'ExchangeWins' } as const;
const CONTACT_FILTER = { 'selected-users-records': 'SelectedUsersRecords', 'selected-only': 'SelectedOnly', all: 'AllContacts' } as const;
const DIRECTION: Record<SyncDirection, string> = {
  'dont-sync': 'DontSync',
  'salesforce-to-exchange': 'SalesforceToExchange',
  'exchange-to-salesforce': 'ExchangeToSalesforce',
  both: 'BothWays',
};

export function buildConfig(org: Org, adminId: string, c: ConfigSpec, ref: (kind: string, name: string, where: string) => string): void {
  const filter = c.events?.filter ?? 'TODAY';
  const days = filter.startsWith('LAST_N_DAYS:') ? Number(filter.split(':')[1]) : null;
  const id = insertRecord(org, adminId, LS.config, {
    Name: c.name,
    IsActive: c.active ?? true,
    ContactSyncDirection: DIRECTION[c.contacts?.direction ?? 'both'],
    EventSyncDirection: DIRECTION[c.events?.direction ?? 'both'],
    ContactFilter: CONTACT_FILTER[c.contacts?.filter ?? 'selected-users-records'],
    ContactFieldFilters: c.contacts?.fieldFilters ? JSON.stringify(c.contacts.fieldFilters) : null,
    EventScope: c.events?.scope === 'selected' ? 'UserSelectedEvents' : 'AllEvents',
    EventFilter: days !== null ? 'LAST_N_DAYS' : filter,
    EventFilterDays: days,
    SyncPrivateEvents: c.events?.syncPrivate ?? false,
    DeleteSyncedEvents: c.events?.deleteSynced ?? false,
    AutoRelateEvents: c.events?.autoRelate ?? false,
    SyncEventSeries: c.events?.syncSeries ?? false,
    ConflictPolicy: CONFLICT[c.conflictPolicy ?? 'latest-change-wins'],
    ContactFieldMapping: c.contacts?.mapping ? JSON.stringify(c.contacts.mapping) : null,
    EventFieldMapping: c.events?.mapping ? JSON.stringify(c.events.mapping) : null,
  }, sys);
  org.refs.set(`config:${c.name}`, id);
  for (const user of c.users ?? []) {
    insertRecord(org, adminId, LS.assignment, { ConfigId: id, AssigneeType: 'User', AssigneeId: ref('user', user, `config "${c.name}"`) }, sys);
  }
  for (const profile of c.profiles ?? []) {
    insertRecord(org, adminId, LS.assignment, { ConfigId: id, AssigneeType: 'Profile', AssigneeId: ref('profile', profile, `config "${c.name}"`) }, sys);
  }
}
