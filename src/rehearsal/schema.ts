/**
 * @module
 * ORG.yaml, the admin's description of their company for `synclab rehearse`: the orgs with their Lightning Sync
 * configurations, the Exchange side and the population as groups of reps with volumes and risk shapes. Shares are
 * applied by exact allocation (round(share × n), the chosen items picked by the seed), so the number of each seeded
 * risk follows from the file alone (docs/rehearsal.md).
 */
import { z } from 'zod';

const Share = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();
const Direction = z.enum(['dont-sync', 'salesforce-to-exchange', 'exchange-to-salesforce', 'both']);

export const ConfigSchema = z.strictObject({
  name: z.string().min(1),
  active: z.boolean().optional().meta({ description: 'Default true. An inactive config with reps assigned is an ORG-02 risk' }),
  groups: z.array(z.string()).optional().meta({ description: 'Population groups whose reps are assigned to this config individually' }),
  profiles: z.array(z.string()).optional().meta({ description: 'Profiles assigned to this config' }),
  contacts: z.strictObject({ direction: Direction.optional() }).optional(),
  events: z
    .strictObject({
      direction: Direction.optional(),
      syncPrivate: z.boolean().optional(),
      filter: z.union([z.enum(['TODAY', 'LAST_MONTH']), z.string().regex(/^LAST_N_DAYS:\d+$/)]).optional(),
    })
    .optional(),
});

export const OrgSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*$/, { error: 'org id must be lower-case letters and digits, e.g. prod or uat' }),
  kind: z.enum(['production', 'sandbox']),
  dailyApiLimit: z.number().int().positive().optional().meta({ description: 'Daily API request limit (default 100000)' }),
  configs: z.array(ConfigSchema).default([]),
});

export const ExchangeSchema = z.strictObject({
  domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]+$/, { error: 'domain must be an e-mail domain, e.g. acme.test' }),
  version: z.enum(['Exchange2010', 'Exchange2013_SP1', 'Exchange2016', 'Exchange2019', 'ExchangeOnline']).optional(),
  hybrid: z.boolean().optional(),
  connection: z.enum(['service-account', 'oauth']).optional().meta({ description: 'How Lightning Sync connects to Exchange (CONN-01), default service-account. oauth needs version: ExchangeOnline and no hybrid' }),
  consent: z.enum(['granted', 'missing']).optional().meta({ description: 'oauth only, default granted. missing: no global admin granted consent to the app, so no rep can sync (CONN-05)' }),
  basicAuthRetired: z.boolean().optional().meta({ description: 'service-account on ExchangeOnline only: Microsoft retired Basic authentication for the tenant, so the service account gets 401 (CONN-08)' }),
  scope: z.string().optional().meta({ description: "Service account's impersonation recipient filter (default Department -eq 'Sales'); not with oauth (the app reaches every mailbox)" }),
  additionalDomains: z.array(z.string()).optional().meta({ description: "Lightning Sync setup's additional domains (CONN-03); service-account only" }),
  busyProbability: Share.optional().meta({ description: 'Probability that an EWS call answers ErrorServerBusy (default 0.002)' }),
});

export const GroupSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'group name must be lower-case words joined by -, e.g. east-sales' }),
  orgs: z.array(z.string()).min(1).meta({ description: 'Orgs where these reps are users (two orgs = reps in two orgs, ORG-01)' }),
  profile: z.string().optional(),
  department: z.string().optional().meta({ description: "Exchange Department (default Sales)" }),
  reps: Count,
  contacts: Count.optional().meta({ description: 'Salesforce contacts each rep owns' }),
  outlookContacts: Count.optional().meta({ description: 'Contacts each rep keeps in Outlook Salesforce_Sync' }),
  eventsPerWeek: Count.optional(),
  privateShare: Share.optional(),
  sfNotesShare: Share.optional().meta({ description: 'Share of future events that also exist in Salesforce with notes in Description (EVT-03)' }),
  recurringShare: Share.optional(),
  pastShare: Share.optional().meta({ description: 'Share of events that ended before the rehearsal starts (CFG-07 window)' }),
  noAccountShare: Share.optional().meta({ description: "Share of Outlook contacts whose company has no Salesforce Account (CON-05)" }),
  invalidEmailShare: Share.optional().meta({ description: 'Share of sandbox users whose email still ends in .invalid (ORG-03)' }),
  outsideScope: Count.optional().meta({ description: 'Reps whose mailbox is outside the impersonation scope (CONN-04)' }),
  legacy2010: Count.optional().meta({ description: 'Reps on an Exchange 2010 mailbox (CONN-06)' }),
  onlineMailboxes: Count.optional().meta({ description: 'Hybrid tenants: reps whose mailbox is in Exchange Online (the rest stay on-premises, CONN-07)' }),
  overCap: Count.optional().meta({ description: 'Reps whose contacts exceed the 50,000-contact cap (CON-07); they get 50,001 contacts' }),
});

export const OrgFileSchema = z
  .strictObject({
    seed: z.number().int().nonnegative().optional(),
    start: z.iso.datetime().optional().meta({ description: 'Scenario start (default 2026-03-02T08:00:00Z)' }),
    exchange: ExchangeSchema,
    orgs: z.array(OrgSchema).min(1),
    groups: z.array(GroupSchema).min(1),
  })
  .meta({ title: 'synclab rehearsal org', description: 'An admin company description for synclab rehearse (docs/rehearsal.md)' });

export type OrgFile = z.infer<typeof OrgFileSchema>;
export type GroupDef = z.infer<typeof GroupSchema>;
export type OrgDef = z.infer<typeof OrgSchema>;

export function orgJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(OrgFileSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  return { ...schema, $id: 'https://synclab.dev/schemas/org.schema.json' };
}
