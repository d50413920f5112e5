/**
 * @module
 * The Salesforce world: orgs (production and sandboxes) with users, profiles, permissions, records and Lightning Sync
 * setup. This file is a contract between sim/salesforce (which builds it), src/scenario (which maps YAML onto it) and,
 * through the sObject names and fields at the bottom, the engine (which reads and writes them over REST).
 */

export type Edition = 'Professional' | 'Enterprise' | 'Performance' | 'Unlimited' | 'Developer' | 'Essentials' | 'Group';
export type Permission = 'CustomizeApplication' | 'ManageUsers' | 'ManageLightningSync' | 'ViewAllData' | 'ApiEnabled' | 'ModifyAllData';
export type SharingDefault = 'Private' | 'Read' | 'ReadWrite';

export interface OrgSpec {
  /** Scenario label, e.g. prod, uat. Also the sandbox name for sandboxes. */
  id: string;
  kind: 'production' | 'sandbox';
  edition?: Edition; // default Enterprise
  /** Company domain of usernames, e.g. acme.test. Sandbox usernames get `.${id}` appended (ORG-03). */
  domain?: string;
  /** Daily API request budget (REQUEST_LIMIT_EXCEEDED past it). Default 100000. */
  dailyApiLimit?: number;
  /** Session lifetime in seconds (INVALID_SESSION_ID after). Default 7200. */
  sessionSeconds?: number;
  /** added by SF: lock a user out after this many failed logins in a row, for `lockoutMinutes` (Salesforce's
   *  password policy; default 10 attempts, 15 minutes). 0 = never lock out. */
  maxLoginAttempts?: number;
  lockoutMinutes?: number;
  /** Org-wide defaults per object. Default ReadWrite for everything. */
  sharing?: Partial<Record<'Account' | 'Contact' | 'Lead' | 'Event', SharingDefault>>;
  /** OAuth connected apps allowed to log in with the username-password flow. */
  connectedApps?: Array<{ clientId: string; clientSecret: string }>;
  /** Lightning Sync setup (→ sObject LightningSyncSetup). */
  lightningSync?: LightningSyncSetupSpec;
  profiles?: ProfileSpec[];
  permissionSets?: PermissionSetSpec[];
  users?: UserSpec[];
  accounts?: AccountSpec[];
  contacts?: Array<ContactRecordSpec | { generate: number; owner?: string }>;
  leads?: LeadSpec[];
  events?: Array<EventRecordSpec | { generate: number; owner?: string }>;
  configs?: ConfigSpec[];
  /** Duplicate rules on insert (DUPLICATES_DETECTED), off by default. */
  duplicateRules?: Array<{ object: 'Contact' | 'Lead' | 'Account'; matchOn: string[] }>;
}

export interface LightningSyncSetupSpec {
  method?: 'service-account' | 'oauth'; // default service-account
  /** Service account user name as the admin typed it (UPN or DOMAIN\user). */
  serviceAccountUsername?: string;
  /** Autodiscover endpoint; the scenario runner fills in the running Exchange sim's URL when absent. */
  autodiscoverUrl?: string;
  /** EWS URL when Autodiscover is bypassed. */
  ewsUrl?: string;
  /** Extra email domains whose reps are recognised (CONN-03). */
  additionalDomains?: string[];
  /** Org-level Outlook integration setting (CFG-04, STAT-01). Default true. */
  outlookIntegrationEnabled?: boolean;
  /** OAuth: the Azure AD tenant that granted consent. */
  oauthTenantId?: string;
}

export interface ProfileSpec {
  name: string;
  permissions?: Permission[];
}

export interface PermissionSetSpec {
  name: string;
  permissions: Permission[];
}

export interface UserSpec {
  ref: string;
  /** Default `${ref}@${domain}`, plus `.${orgId}` in a sandbox. */
  username?: string;
  /** Default `${ref}@${domain}`; in a sandbox copied from production it is `${email}.invalid` unless `emailFixed`. */
  email?: string;
  /** Sandbox only: the admin fixed the .invalid email (ORG-03). Default false. */
  emailFixed?: boolean;
  firstName?: string;
  lastName?: string;
  profile?: string; // default 'Standard User'
  permissionSets?: string[];
  isActive?: boolean;
  timeZone?: string; // TimeZoneSidKey, default America/Los_Angeles
  /** The user set up the Outlook integration (STAT-03, CFG-04). */
  outlookIntegrationSetUp?: boolean;
  password?: string;
  /** An integration / admin user rather than a rep. */
  admin?: boolean;
}

export interface AccountSpec {
  ref?: string;
  name: string;
  owner?: string;
}

export interface ContactRecordSpec {
  ref?: string;
  /** User ref of the owner. */
  owner?: string;
  firstName?: string;
  lastName: string;
  email?: string;
  /** Account ref or name. */
  account?: string;
  title?: string;
  department?: string;
  phone?: string;
  mobilePhone?: string;
  homePhone?: string;
  fax?: string;
  assistantName?: string;
  assistantPhone?: string;
  birthdate?: string;
  description?: string;
  mailingStreet?: string;
  mailingCity?: string;
  mailingState?: string;
  mailingPostalCode?: string;
  mailingCountry?: string;
}

export interface LeadSpec {
  ref?: string;
  owner?: string;
  firstName?: string;
  lastName: string;
  company: string;
  email?: string;
}

export interface EventRecordSpec {
  ref?: string;
  owner?: string;
  subject: string;
  start: string;
  end: string;
  isAllDay?: boolean;
  location?: string;
  description?: string;
  isPrivate?: boolean;
  showAs?: 'Busy' | 'Free' | 'OutOfOffice';
  /** Contact or lead ref. */
  who?: string;
  /** Account ref. */
  what?: string;
  /** Classic recurring event (EVT-06: never syncs). */
  classicRecurrence?: { type: 'RecursDaily' | 'RecursWeekly' | 'RecursMonthly'; interval?: number; endDate: string };
  /** Lightning event series (IsRecurrence2) with an RRULE, e.g. FREQ=WEEKLY;INTERVAL=1;COUNT=5. */
  series?: { rrule: string };
}

export type SyncDirection = 'dont-sync' | 'salesforce-to-exchange' | 'exchange-to-salesforce' | 'both';

export interface ConfigSpec {
  name: string;
  active?: boolean; // default true
  /** User refs assigned individually. */
  users?: string[];
  /** Profile names. */
  profiles?: string[];
  contacts?: {
    direction?: SyncDirection; // default both
    /** CFG-06: 'selected-users-records' (both boxes), 'selected-only' (misconfigured: nothing syncs), 'all'. */
    filter?: 'selected-users-records' | 'selected-only' | 'all';
    fieldFilters?: Array<{ field: string; operator: 'equals' | 'not-equals' | 'contains' | 'starts-with'; value: string }>;
    /** SF field → EX property overrides of the default mapping (CON-08). */
    mapping?: Record<string, string | null>;
  };
  events?: {
    direction?: SyncDirection; // default both
    scope?: 'all' | 'selected'; // CFG-04, default all
    /** CFG-07, default TODAY */
    filter?: 'TODAY' | 'LAST_MONTH' | `LAST_N_DAYS:${number}`;
    syncPrivate?: boolean; // default false
    deleteSynced?: boolean; // default false
    autoRelate?: boolean; // default false
    syncSeries?: boolean; // default false
    mapping?: Record<string, string | null>;
  };
  conflictPolicy?: 'latest-change-wins' | 'salesforce-wins' | 'exchange-wins';
}

export interface SalesforceWorld {
  orgs: OrgSpec[];
}

/**
 * The sObjects through which the engine reads Lightning Sync's setup and writes its results. They are synclab's own
 * model of what the product keeps in Setup; real orgs expose no such public objects (docs/decisions/0002).
 * Editing the Setup/Config/Assignment/UserStatus objects needs CustomizeApplication + ManageUsers +
 * ManageLightningSync; reading LightningSyncError needs ViewAllData (CONN-10).
 */
export const LIGHTNING_SYNC_OBJECTS = {
  /** One per org. Fields: ConnectionMethod ('ServiceAccount'|'OAuth2'), ServiceAccountUsername, AutodiscoverUrl,
   *  EwsUrl, AdditionalDomains (comma-separated), OutlookIntegrationEnabled, OAuthTenantId. Key prefix 0Lx. */
  setup: 'LightningSyncSetup',
  /** Fields: Name (unique), IsActive, ContactSyncDirection, EventSyncDirection ('DontSync' | 'SalesforceToExchange' |
   *  'ExchangeToSalesforce' | 'BothWays'), ContactFilter ('SelectedUsersRecords'|'SelectedOnly'|'AllContacts'),
   *  ContactFieldFilters (JSON), EventScope ('AllEvents'|'UserSelectedEvents'), EventFilter ('TODAY'|'LAST_MONTH'|
   *  'LAST_N_DAYS'), EventFilterDays, SyncPrivateEvents, DeleteSyncedEvents, AutoRelateEvents, SyncEventSeries,
   *  ConflictPolicy ('LatestChangeWins'|'SalesforceWins'|'ExchangeWins'), ContactFieldMapping (JSON),
   *  EventFieldMapping (JSON), LastModifiedDate. Key prefix 0Ly. */
  config: 'LightningSyncConfig',
  /** Fields: ConfigId, AssigneeType ('User'|'Profile'), AssigneeId, CreatedDate. Key prefix 0Lz. */
  assignment: 'LightningSyncConfigAssignment',
  /** Written by the engine. Fields: UserId, ObjectType ('Contact'|'Event'), Direction, SalesforceRecordId,
   *  ExchangeItemId, ErrorCode, Message, SuggestedFix, OccurredAt. Key prefix 0Le. */
  error: 'LightningSyncError',
  /** One per rep; ResetStatus is set by the admin ('MarkedForReset'), the rest by the engine (STAT-03/04).
   *  Fields: UserId, ResetStatus, AssignedToActiveConfig, MailboxSupportedVersion, RecognizedByServiceAccount,
   *  OutlookIntegrationSetUp, ContactsFolderFound, CalendarFolderFound, EmailLinked, ContactsSfToExStatus,
   *  ContactsExToSfStatus, EventsSfToExStatus, EventsExToSfStatus, ContactsInSync, EventsInSync, LastSyncTime.
   *  Key prefix 0Lu. */
  userStatus: 'LightningSyncUserStatus',
} as const;

/** Field on User: the rep has set up the Outlook integration (CFG-04, STAT-03). */
export const USER_OUTLOOK_SETUP_FIELD = 'OutlookIntegrationSetUp';
