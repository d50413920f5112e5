/**
 * @module
 * Zod mirror of sim/exchange/world.ts (ExchangeWorld). The type assertion at the bottom fails to compile when the
 * contract and this schema drift apart.
 */
import { z } from 'zod';
import type { ExchangeWorld } from '../../../sim/exchange/world.ts';
import { Email, Instant, Ref, TimeZone } from './primitives.ts';

const Version = z.enum(['Exchange2010', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019', 'ExchangeOnline']);

export const TenantSchema = z.strictObject({
  domain: z.string().min(1),
  netbiosDomain: z.string().optional(),
  version: Version.optional(),
  hybrid: z.boolean().optional(),
  auth: z
    .strictObject({ basic: z.boolean().optional(), ntlm: z.boolean().optional(), oauth: z.boolean().optional(), basicRetired: z.boolean().optional() })
    .optional(),
  userNameForms: z.array(z.enum(['upn', 'downlevel'])).optional(),
  cloud: z.enum(['global', 'usgov', 'china', 'germany']).optional(),
  maxConcurrency: z.number().int().positive().optional(),
});

export const ServiceAccountSchema = z.strictObject({
  username: z.string().min(1),
  password: z.string(),
  impersonation: z.strictObject({ scopeName: z.string().optional(), recipientFilter: z.string().optional() }).optional(),
});

export const OAuthAppSchema = z.strictObject({
  clientId: z.string().min(1),
  clientSecret: z.string(),
  consent: z.strictObject({ grantedBy: z.string(), at: Instant.optional() }).optional(),
  tokenLifetimeSeconds: z.number().int().positive().optional(),
});

export const GenerateSchema = z
  .strictObject({
    generate: z.number().int().min(0).max(60_000),
    folder: z.string().optional(),
    privateShare: z.number().min(0).max(1).optional(),
    recurringShare: z.number().min(0).max(1).optional(),
    spreadDays: z.number().int().positive().optional(),
  })
  .meta({ description: 'N seeded faker-made items (driven by the scenario seed)' });

const Address = z.strictObject({
  street: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  countryOrRegion: z.string().optional(),
});

export const ExContactSchema = z.strictObject({
  ref: Ref.optional(),
  folder: z.string().optional(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  middleName: z.string().optional(),
  companyName: z.string().optional(),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  email1: z.string().optional(),
  email2: z.string().optional(),
  email3: z.string().optional(),
  businessPhone: z.string().optional(),
  mobilePhone: z.string().optional(),
  homePhone: z.string().optional(),
  businessFax: z.string().optional(),
  assistantName: z.string().optional(),
  assistantPhone: z.string().optional(),
  birthday: z.string().optional(),
  body: z.string().optional(),
  categories: z.array(z.string()).optional(),
  businessAddress: Address.optional(),
  homeAddress: Address.optional(),
});

const Sensitivity = z.enum(['Normal', 'Personal', 'Private', 'Confidential']);
const FreeBusy = z.enum(['Free', 'Tentative', 'Busy', 'OOF', 'WorkingElsewhere', 'NoData']);

const EventFields = {
  ref: Ref.optional(),
  calendar: z.string().optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  timeZone: TimeZone.optional(),
  isAllDay: z.boolean().optional(),
  location: z.string().optional(),
  sensitivity: Sensitivity.optional(),
  legacyFreeBusyStatus: FreeBusy.optional(),
  organizer: z.string().optional(),
  requiredAttendees: z.array(z.string()).optional(),
  optionalAttendees: z.array(z.string()).optional(),
  loggedToSalesforce: z.boolean().optional(),
  categories: z.array(z.string()).optional(),
};

const Recurrence = z.strictObject({
  pattern: z.enum(['daily', 'weekly', 'monthly', 'yearly']),
  interval: z.number().int().positive().optional(),
  daysOfWeek: z.array(z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])).optional(),
  dayOfMonth: z.number().int().min(1).max(31).optional(),
  month: z.string().optional(),
  endDate: z.string().optional(),
  count: z.number().int().positive().optional(),
  deletedOccurrences: z.array(Instant).optional(),
  exceptions: z
    .array(z.strictObject({ originalStart: Instant, set: z.strictObject({ ...EventFields, start: Instant.optional(), end: Instant.optional() }) }))
    .optional(),
});

export const ExEventSchema = z.strictObject({ ...EventFields, start: Instant, end: Instant, recurrence: Recurrence.optional() });

export const MailboxSchema = z.strictObject({
  address: Email,
  displayName: z.string().optional(),
  department: z.string().optional(),
  office: z.string().optional(),
  company: z.string().optional(),
  customAttributes: z
    .strictObject({
      customAttribute1: z.string().optional(),
      customAttribute2: z.string().optional(),
      customAttribute3: z.string().optional(),
      customAttribute4: z.string().optional(),
      customAttribute5: z.string().optional(),
    })
    .optional(),
  password: z.string().optional(),
  version: Version.optional(),
  location: z.enum(['on-premises', 'online']).optional(),
  salesforceSyncFolder: z.boolean().optional(),
  denyFolderCreation: z.boolean().optional(),
  extraCalendars: z.array(z.string()).optional(),
  contacts: z.array(z.union([GenerateSchema, ExContactSchema])).optional(),
  calendar: z.array(z.union([GenerateSchema, ExEventSchema])).optional(),
});

export const ExchangeWorldSchema = z
  .strictObject({
    tenant: TenantSchema.optional(),
    serviceAccounts: z.array(ServiceAccountSchema).optional(),
    oauthApps: z.array(OAuthAppSchema).optional(),
    mailboxes: z.array(MailboxSchema).optional(),
  })
  .meta({ description: 'Exchange side: tenant, service accounts, OAuth apps, mailboxes (sim/exchange/world.ts)' });

// Compile-time guard: every value the schema accepts is a valid ExchangeWorld.
const _assignable = (w: z.infer<typeof ExchangeWorldSchema>): ExchangeWorld => w;
void _assignable;
