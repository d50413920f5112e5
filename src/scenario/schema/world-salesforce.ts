/**
 * @module
 * Zod mirror of sim/salesforce/world.ts (SalesforceWorld). The type assertion at the bottom fails to compile when the
 * contract and this schema drift apart.
 */
import { z } from 'zod';
import type { SalesforceWorld } from '../../../sim/salesforce/world.ts';
import { Instant, Ref } from './primitives.ts';

const Permission = z.enum(['CustomizeApplication', 'ManageUsers', 'ManageLightningSync', 'ViewAllData', 'ApiEnabled', 'ModifyAllData']);
const Sharing = z.enum(['Private', 'Read', 'ReadWrite']);
export const SyncDirection = z.enum(['dont-sync', 'salesforce-to-exchange', 'exchange-to-salesforce', 'both']);
const FieldFilter = z.strictObject({
  field: z.string(),
  operator: z.enum(['equals', 'not-equals', 'contains', 'starts-with']),
  value: z.string(),
});
const Mapping = z.record(z.string(), z.union([z.string(), z.null()]));

export const EventFilter = z.union([
  z.literal('TODAY'),
  z.literal('LAST_MONTH'),
  z.templateLiteral(['LAST_N_DAYS:', z.number().int()]),
]).meta({ description: 'CFG-07 event filter: TODAY, LAST_MONTH or LAST_N_DAYS:<n> (n ≤ 180)' });

export const ConfigSchema = z.strictObject({
  name: z.string().min(1),
  active: z.boolean().optional(),
  users: z.array(z.string()).optional(),
  profiles: z.array(z.string()).optional(),
  contacts: z
    .strictObject({
      direction: SyncDirection.optional(),
      filter: z.enum(['selected-users-records', 'selected-only', 'all']).optional(),
      fieldFilters: z.array(FieldFilter).optional(),
      mapping: Mapping.optional(),
    })
    .optional(),
  events: z
    .strictObject({
      direction: SyncDirection.optional(),
      scope: z.enum(['all', 'selected']).optional(),
      filter: EventFilter.optional(),
      syncPrivate: z.boolean().optional(),
      deleteSynced: z.boolean().optional(),
      autoRelate: z.boolean().optional(),
      syncSeries: z.boolean().optional(),
      mapping: Mapping.optional(),
    })
    .optional(),
  conflictPolicy: z.enum(['latest-change-wins', 'salesforce-wins', 'exchange-wins']).optional(),
});

export const UserSchema = z.strictObject({
  ref: Ref,
  username: z.string().optional(),
  email: z.string().optional(),
  emailFixed: z.boolean().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  profile: z.string().optional(),
  permissionSets: z.array(z.string()).optional(),
  isActive: z.boolean().optional(),
  timeZone: z.string().optional(),
  outlookIntegrationSetUp: z.boolean().optional(),
  password: z.string().optional(),
  admin: z.boolean().optional(),
});

export const SfContactSchema = z.strictObject({
  ref: Ref.optional(),
  owner: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string(),
  email: z.string().optional(),
  account: z.string().optional(),
  title: z.string().optional(),
  department: z.string().optional(),
  phone: z.string().optional(),
  mobilePhone: z.string().optional(),
  homePhone: z.string().optional(),
  fax: z.string().optional(),
  assistantName: z.string().optional(),
  assistantPhone: z.string().optional(),
  birthdate: z.string().optional(),
  description: z.string().optional(),
  mailingStreet: z.string().optional(),
  mailingCity: z.string().optional(),
  mailingState: z.string().optional(),
  mailingPostalCode: z.string().optional(),
  mailingCountry: z.string().optional(),
});

export const SfEventSchema = z.strictObject({
  ref: Ref.optional(),
  owner: z.string().optional(),
  subject: z.string(),
  start: Instant,
  end: Instant,
  isAllDay: z.boolean().optional(),
  location: z.string().optional(),
  description: z.string().optional(),
  isPrivate: z.boolean().optional(),
  showAs: z.enum(['Busy', 'Free', 'OutOfOffice']).optional(),
  who: z.string().optional(),
  what: z.string().optional(),
  classicRecurrence: z
    .strictObject({ type: z.enum(['RecursDaily', 'RecursWeekly', 'RecursMonthly']), interval: z.number().int().positive().optional(), endDate: z.string() })
    .optional(),
  series: z.strictObject({ rrule: z.string() }).optional(),
});

const Generate = z.strictObject({ generate: z.number().int().min(0).max(60_000), owner: z.string().optional() });

export const OrgSchema = z.strictObject({
  id: Ref,
  kind: z.enum(['production', 'sandbox']),
  edition: z.enum(['Professional', 'Enterprise', 'Performance', 'Unlimited', 'Developer', 'Essentials', 'Group']).optional(),
  domain: z.string().optional(),
  dailyApiLimit: z.number().int().positive().optional(),
  sessionSeconds: z.number().int().positive().optional(),
  sharing: z
    .strictObject({ Account: Sharing.optional(), Contact: Sharing.optional(), Lead: Sharing.optional(), Event: Sharing.optional() })
    .optional(),
  connectedApps: z.array(z.strictObject({ clientId: z.string(), clientSecret: z.string() })).optional(),
  lightningSync: z
    .strictObject({
      method: z.enum(['service-account', 'oauth']).optional(),
      serviceAccountUsername: z.string().optional(),
      autodiscoverUrl: z.string().optional(),
      ewsUrl: z.string().optional(),
      additionalDomains: z.array(z.string()).optional(),
      outlookIntegrationEnabled: z.boolean().optional(),
      oauthTenantId: z.string().optional(),
    })
    .optional(),
  profiles: z.array(z.strictObject({ name: z.string(), permissions: z.array(Permission).optional() })).optional(),
  permissionSets: z.array(z.strictObject({ name: z.string(), permissions: z.array(Permission) })).optional(),
  users: z.array(UserSchema).optional(),
  accounts: z.array(z.strictObject({ ref: Ref.optional(), name: z.string(), owner: z.string().optional() })).optional(),
  contacts: z.array(z.union([Generate, SfContactSchema])).optional(),
  leads: z
    .array(z.strictObject({ ref: Ref.optional(), owner: z.string().optional(), firstName: z.string().optional(), lastName: z.string(), company: z.string(), email: z.string().optional() }))
    .optional(),
  events: z.array(z.union([Generate, SfEventSchema])).optional(),
  configs: z.array(ConfigSchema).optional(),
  duplicateRules: z.array(z.strictObject({ object: z.enum(['Contact', 'Lead', 'Account']), matchOn: z.array(z.string()) })).optional(),
});

export const SalesforceWorldSchema = z
  .strictObject({ orgs: z.array(OrgSchema).min(1) })
  .meta({ description: 'Salesforce side: orgs with users, records and Lightning Sync configurations (sim/salesforce/world.ts)' });

// Compile-time guard: every value the schema accepts is a valid SalesforceWorld.
const _assignable = (w: z.infer<typeof SalesforceWorldSchema>): SalesforceWorld => w;
void _assignable;
