/**
 * @module
 * The Exchange world a scenario (or `synclab serve`) describes: tenant, servers, service accounts, mailboxes and
 * their items. This file is a contract between sim/exchange (which builds the world) and src/scenario (which maps
 * YAML onto it). Property names follow EWS, in camelCase.
 */

export type ExchangeVersionName = 'Exchange2010' | 'Exchange2013_SP1' | 'Exchange2016' | 'Exchange2019' | 'ExchangeOnline';

export interface TenantSpec {
  /** Primary SMTP domain, e.g. acme.test. */
  domain: string;
  /** NetBIOS domain for down-level logons (ACME\svc). Default: first label of `domain`, upper-cased. */
  netbiosDomain?: string;
  /** Default version of every mailbox server. Default Exchange2019. */
  version?: ExchangeVersionName;
  /** Some mailboxes on-premises and some online (CONN-07). Mailboxes then say where they live. */
  hybrid?: boolean;
  auth?: {
    basic?: boolean; // default true
    ntlm?: boolean; // default true
    oauth?: boolean; // default true when version is ExchangeOnline
    /** Exchange Online with Basic retired (CONN-08): Basic answers 401 even with the right password. */
    basicRetired?: boolean;
  };
  /** Which service-account user-name forms the server accepts (CONN-02). Default both. */
  userNameForms?: Array<'upn' | 'downlevel'>;
  /** Azure cloud of an Online tenant (CONN-05): only 'global' is supported by the product. */
  cloud?: 'global' | 'usgov' | 'china' | 'germany';
  /** EWSMaxConcurrency per impersonating account (SIM-EX-03). Default 27. */
  maxConcurrency?: number;
  /**
   * Optional EWS throttling budget per impersonating account (SIM-EX-03), on the scenario clock: more than
   * `maxRequestsPerMinute` requests in any 60 s window answer ErrorServerBusy with BackOffMilliseconds = the time
   * until the oldest request leaves the window. Absent = no budget (faults can still inject ErrorServerBusy).
   */
  ewsThrottling?: { maxRequestsPerMinute: number };
}

export interface ServiceAccountSpec {
  /** UPN, e.g. svc-sync@acme.test. */
  username: string;
  password: string;
  /**
   * ApplicationImpersonation through a management scope (CONN-04). Absent = no impersonation right at all.
   * `recipientFilter` uses Exchange's OPATH subset: -eq -ne -like -and -or -not and parentheses over mailbox
   * properties (Department, PrimarySmtpAddress, DisplayName, CustomAttribute1..5, Office, Company).
   */
  impersonation?: { scopeName?: string; recipientFilter?: string };
}

export interface OAuthAppSpec {
  clientId: string;
  clientSecret: string;
  /** Admin consent granted by a global admin (CONN-05). */
  consent?: { grantedBy: string; at?: string };
  /** Access-token lifetime in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
}

export interface MailboxSpec {
  address: string;
  displayName?: string;
  department?: string;
  office?: string;
  company?: string;
  customAttributes?: Partial<Record<'customAttribute1' | 'customAttribute2' | 'customAttribute3' | 'customAttribute4' | 'customAttribute5', string>>;
  /** Password for the mailbox's own logon (rarely needed). */
  password?: string;
  /** Overrides the tenant's version (a legacy 2010 mailbox, CONN-06). */
  version?: ExchangeVersionName;
  /** In a hybrid tenant: where this mailbox lives. */
  location?: 'on-premises' | 'online';
  /** Whether Salesforce_Sync already exists under Contacts. Default false (the engine creates it, CON-01). */
  salesforceSyncFolder?: boolean;
  /** Creating Salesforce_Sync fails (CON-01 negative status). */
  denyFolderCreation?: boolean;
  /** Extra calendars besides the default one (EVT-01). */
  extraCalendars?: string[];
  contacts?: Array<ContactSpec | GenerateSpec>;
  calendar?: Array<EventSpec | GenerateSpec>;
}

/** Ask for N seeded faker-made items instead of listing them. */
export interface GenerateSpec {
  generate: number;
  /** For contacts: where they go. Default 'Salesforce_Sync'. */
  folder?: string;
  /** For events: share private (0–1), share recurring, days around "now" to spread over. */
  privateShare?: number;
  recurringShare?: number;
  spreadDays?: number;
}

export interface PhysicalAddressSpec {
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  countryOrRegion?: string;
}

export interface ContactSpec {
  /** Scenario handle for later steps and expectations. */
  ref?: string;
  /** 'contacts' (the default Contacts folder) or 'Salesforce_Sync' (default) or another subfolder name. */
  folder?: string;
  givenName?: string;
  surname?: string;
  middleName?: string;
  companyName?: string;
  jobTitle?: string;
  department?: string;
  email1?: string;
  email2?: string;
  email3?: string;
  businessPhone?: string;
  mobilePhone?: string;
  homePhone?: string;
  businessFax?: string;
  assistantName?: string;
  assistantPhone?: string;
  /** ISO date. */
  birthday?: string;
  body?: string;
  categories?: string[];
  businessAddress?: PhysicalAddressSpec;
  homeAddress?: PhysicalAddressSpec;
}

export type Sensitivity = 'Normal' | 'Personal' | 'Private' | 'Confidential';
export type FreeBusy = 'Free' | 'Tentative' | 'Busy' | 'OOF' | 'WorkingElsewhere' | 'NoData';

export interface RecurrenceSpec {
  pattern: 'daily' | 'weekly' | 'monthly' | 'yearly';
  interval?: number;
  /** weekly: Monday..Sunday */
  daysOfWeek?: string[];
  /** monthly/yearly: day of month */
  dayOfMonth?: number;
  /** yearly: January..December */
  month?: string;
  /** ISO date the series ends on, or a number of occurrences. Neither = no end. */
  endDate?: string;
  count?: number;
  /** Occurrence start instants (ISO) deleted from the series. */
  deletedOccurrences?: string[];
  /** Modified occurrences: original start (ISO) → changed fields. */
  exceptions?: Array<{ originalStart: string; set: Partial<EventSpec> }>;
}

export interface EventSpec {
  ref?: string;
  /** 'default' (the default calendar) or the name of an extra calendar. */
  calendar?: string;
  subject?: string;
  body?: string;
  /** ISO instants. For all-day events, midnight-to-midnight in `timeZone`. */
  start: string;
  end: string;
  timeZone?: string;
  isAllDay?: boolean;
  location?: string;
  sensitivity?: Sensitivity;
  legacyFreeBusyStatus?: FreeBusy;
  /** SMTP address; default the mailbox owner. An event organized by someone else is a meeting the rep attends. */
  organizer?: string;
  requiredAttendees?: string[];
  optionalAttendees?: string[];
  recurrence?: RecurrenceSpec;
  /** Logged to Salesforce through the Outlook integration (CFG-04 "Events users select"). */
  loggedToSalesforce?: boolean;
  categories?: string[];
}

export interface ExchangeWorld {
  tenant?: TenantSpec;
  serviceAccounts?: ServiceAccountSpec[];
  oauthApps?: OAuthAppSpec[];
  mailboxes?: MailboxSpec[];
}

/**
 * Extended properties (EWS ExtendedFieldURI) that synclab's engine and the sim agree on. They are ordinary MAPI
 * named properties to the sim: stored, returned and synced like any other property.
 */
export const SYNCLAB_PROPERTY_SET_ID = '8c1a6c5e-5f2b-4d0e-9a55-53796e636c61';
export const EXTENDED_PROPERTIES = {
  /** The Outlook integration's "logged to Salesforce" marker (Boolean), set by the rep, read by the engine (CFG-04). */
  loggedToSalesforce: { propertySetId: SYNCLAB_PROPERTY_SET_ID, name: 'SalesforceLogged', type: 'Boolean' },
  /** 18-char org id of the org whose engine wrote the item (String) — the ORG-01 collision stamp. */
  salesforceOrgId: { propertySetId: SYNCLAB_PROPERTY_SET_ID, name: 'SalesforceOrgId', type: 'String' },
  /** Id of the Salesforce record the item is paired with (String). */
  salesforceRecordId: { propertySetId: SYNCLAB_PROPERTY_SET_ID, name: 'SalesforceRecordId', type: 'String' },
} as const;
