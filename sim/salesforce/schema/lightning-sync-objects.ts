/**
 * @module
 * The Lightning Sync sObjects of world.ts (LIGHTNING_SYNC_OBJECTS): setup, configurations, assignments, the error
 * report and per-user statuses. Edits to setup/config/assignment/status need CustomizeApplication + ManageUsers +
 * ManageLightningSync; reading errors needs ViewAllData (CONN-10). CFG-07's "N ≤ 180" is enforced in validation.
 */
import { KEY_PREFIXES } from '../ids.ts';
import { LIGHTNING_SYNC_OBJECTS } from '../world.ts';
import { bool, field, picklist, reference, systemFields, text } from './fields.ts';
import type { ObjectSchema } from './types.ts';

export const DIRECTIONS = ['DontSync', 'SalesforceToExchange', 'ExchangeToSalesforce', 'BothWays'];
export const MAX_EVENT_FILTER_DAYS = 180;

const syncAdmin = { access: 'lightning-sync' as const, createable: true, updateable: true, deletable: true, queryable: true };

export const lightningSyncSetupSchema: ObjectSchema = {
  name: LIGHTNING_SYNC_OBJECTS.setup,
  label: 'Lightning Sync Setup',
  labelPlural: 'Lightning Sync Setups',
  keyPrefix: KEY_PREFIXES.LightningSyncSetup,
  ...syncAdmin,
  fields: [
    ...systemFields(),
    picklist('ConnectionMethod', ['ServiceAccount', 'OAuth2'], { defaultValue: 'ServiceAccount', nillable: false }),
    text('ServiceAccountUsername', 255),
    field('AutodiscoverUrl', 'url'),
    field('EwsUrl', 'url'),
    text('AdditionalDomains', 1000),
    bool('OutlookIntegrationEnabled', { defaultValue: true }),
    text('OAuthTenantId', 80),
  ],
};

export const lightningSyncConfigSchema: ObjectSchema = {
  name: LIGHTNING_SYNC_OBJECTS.config,
  label: 'Lightning Sync Configuration',
  labelPlural: 'Lightning Sync Configurations',
  keyPrefix: KEY_PREFIXES.LightningSyncConfig,
  ...syncAdmin,
  fields: [
    ...systemFields(),
    text('Name', 80, { required: true }),
    bool('IsActive', { defaultValue: true }),
    picklist('ContactSyncDirection', DIRECTIONS, { defaultValue: 'BothWays', nillable: false }),
    picklist('EventSyncDirection', DIRECTIONS, { defaultValue: 'BothWays', nillable: false }),
    picklist('ContactFilter', ['SelectedUsersRecords', 'SelectedOnly', 'AllContacts'], { defaultValue: 'SelectedUsersRecords', nillable: false }),
    field('ContactFieldFilters', 'textarea', { length: 32000 }),
    picklist('EventScope', ['AllEvents', 'UserSelectedEvents'], { defaultValue: 'AllEvents', nillable: false }),
    picklist('EventFilter', ['TODAY', 'LAST_MONTH', 'LAST_N_DAYS'], { defaultValue: 'TODAY', nillable: false }),
    field('EventFilterDays', 'int'),
    bool('SyncPrivateEvents'),
    bool('DeleteSyncedEvents'),
    bool('AutoRelateEvents'),
    bool('SyncEventSeries'),
    picklist('ConflictPolicy', ['LatestChangeWins', 'SalesforceWins', 'ExchangeWins'], { defaultValue: 'LatestChangeWins', nillable: false }),
    field('ContactFieldMapping', 'textarea', { length: 32000 }),
    field('EventFieldMapping', 'textarea', { length: 32000 }),
  ],
};

export const lightningSyncConfigAssignmentSchema: ObjectSchema = {
  name: LIGHTNING_SYNC_OBJECTS.assignment,
  label: 'Lightning Sync Configuration Assignment',
  labelPlural: 'Lightning Sync Configuration Assignments',
  keyPrefix: KEY_PREFIXES.LightningSyncConfigAssignment,
  ...syncAdmin,
  fields: [
    ...systemFields(),
    reference('ConfigId', [LIGHTNING_SYNC_OBJECTS.config], { required: true, relationshipName: 'Config' }),
    picklist('AssigneeType', ['User', 'Profile'], { required: true }),
    reference('AssigneeId', ['User', 'Profile'], { required: true, relationshipName: 'Assignee' }),
  ],
};

export const lightningSyncErrorSchema: ObjectSchema = {
  name: LIGHTNING_SYNC_OBJECTS.error,
  label: 'Lightning Sync Error',
  labelPlural: 'Lightning Sync Errors',
  keyPrefix: KEY_PREFIXES.LightningSyncError,
  access: 'lightning-sync-error',
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  fields: [
    ...systemFields(),
    reference('UserId', ['User'], { relationshipName: 'User' }),
    picklist('ObjectType', ['Contact', 'Event']),
    text('Direction', 40),
    text('SalesforceRecordId', 18),
    text('ExchangeItemId', 512),
    text('ErrorCode', 80),
    field('Message', 'textarea', { length: 32000 }),
    field('SuggestedFix', 'textarea', { length: 32000 }),
    field('OccurredAt', 'datetime'),
  ],
};

export const lightningSyncUserStatusSchema: ObjectSchema = {
  name: LIGHTNING_SYNC_OBJECTS.userStatus,
  label: 'Lightning Sync User Status',
  labelPlural: 'Lightning Sync User Statuses',
  keyPrefix: KEY_PREFIXES.LightningSyncUserStatus,
  ...syncAdmin,
  fields: [
    ...systemFields(),
    reference('UserId', ['User'], { required: true, relationshipName: 'User' }),
    picklist('ResetStatus', ['MarkedForReset', 'ResetInProgress'], { restrictedPicklist: false }),
    bool('AssignedToActiveConfig'),
    bool('MailboxSupportedVersion'),
    bool('RecognizedByServiceAccount'),
    bool('OutlookIntegrationSetUp'),
    bool('ContactsFolderFound'),
    bool('CalendarFolderFound'),
    bool('EmailLinked'),
    text('ContactsSfToExStatus', 80),
    text('ContactsExToSfStatus', 80),
    text('EventsSfToExStatus', 80),
    text('EventsExToSfStatus', 80),
    field('ContactsInSync', 'int'),
    field('EventsInSync', 'int'),
    field('LastSyncTime', 'datetime'),
  ],
};
