/**
 * @module
 * Scenario configuration settings (ConfigSpec, kebab-case values) → LightningSyncConfig sObject fields, for admin
 * steps that create or edit a configuration. Only the settings given are converted, so an edit changes just those.
 */
import type { ConfigSpec, SyncDirection } from '../../../sim/salesforce/world.ts';

const DIRECTION: Record<SyncDirection, string> = {
  'dont-sync': 'DontSync',
  'salesforce-to-exchange': 'SalesforceToExchange',
  'exchange-to-salesforce': 'ExchangeToSalesforce',
  both: 'BothWays',
};
const CONTACT_FILTER = { 'selected-users-records': 'SelectedUsersRecords', 'selected-only': 'SelectedOnly', all: 'AllContacts' } as const;
const CONFLICT = { 'latest-change-wins': 'LatestChangeWins', 'salesforce-wins': 'SalesforceWins', 'exchange-wins': 'ExchangeWins' } as const;

export function configFields(spec: Partial<ConfigSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (spec.name !== undefined) out.Name = spec.name;
  if (spec.active !== undefined) out.IsActive = spec.active;
  const c = spec.contacts;
  if (c?.direction) out.ContactSyncDirection = DIRECTION[c.direction];
  if (c?.filter) out.ContactFilter = CONTACT_FILTER[c.filter];
  if (c?.fieldFilters) out.ContactFieldFilters = JSON.stringify(c.fieldFilters);
  if (c?.mapping) out.ContactFieldMapping = JSON.stringify(c.mapping);
  const e = spec.events;
  if (e?.direction) out.EventSyncDirection = DIRECTION[e.direction];
  if (e?.scope) out.EventScope = e.scope === 'selected' ? 'UserSelectedEvents' : 'AllEvents';
  if (e?.filter) {
    const days = e.filter.startsWith('LAST_N_DAYS:') ? Number(e.filter.split(':')[1]) : null;
    out.EventFilter = days !== null ? 'LAST_N_DAYS' : e.filter;
    out.EventFilterDays = days;
  }
  if (e?.syncPrivate !== undefined) out.SyncPrivateEvents = e.syncPrivate;
  if (e?.deleteSynced !== undefined) out.DeleteSyncedEvents = e.deleteSynced;
  if (e?.autoRelate !== undefined) out.AutoRelateEvents = e.autoRelate;
  if (e?.syncSeries !== undefined) out.SyncEventSeries = e.syncSeries;
  if (e?.mapping) out.EventFieldMapping = JSON.stringify(e.mapping);
  if (spec.conflictPolicy) out.ConflictPolicy = CONFLICT[spec.conflictPolicy];
  return out;
}
