/**
 * @module
 * Step kinds. A step is a one-key object: the key names the kind (`sync`, `advance`, `exchange.update`, …) and the
 * value holds its arguments. `STEP_SCHEMAS` is what the loader validates each step against (so an error names the
 * exact step kind); `StepSchema` is the union exported to JSON Schema for editors.
 */
import { z } from 'zod';
import { ConfigSchema } from './world-salesforce.ts';
import { ExContactSchema, ExEventSchema } from './world-exchange.ts';
import { Duration, Instant, Ref, Scalar, SetValues } from './primitives.ts';
import { ExchangeAdminStep } from './exchange-admin.ts';

const OrgId = z.string().min(1).meta({ description: 'Org id from world.salesforce.orgs[].id' });
const Mailbox = z.string().min(1).meta({ description: 'Mailbox address from world.exchange.mailboxes[].address' });
/** Identify an existing item: a ref, or a selector by field values (first match). */
const ItemSelector = z.union([Ref, z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))]);

const Sync = z.union([
  OrgId,
  z.strictObject({ org: OrgId, cycles: z.number().int().min(1).max(50).optional() }),
]).meta({ description: 'Run sync cycles of one org engine: `sync: prod` or `sync: { org: prod, cycles: 2 }` (`all` = every org)' });

const ExCreate = z.strictObject({ mailbox: Mailbox, contact: ExContactSchema.optional(), event: ExEventSchema.optional() });
/** Address parts for `businessAddress` / `homeAddress` in an Exchange edit: only the parts given change. */
const AddressPatch = z.strictObject({
  street: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  countryOrRegion: z.string().optional(),
});
const ExSetValues = z
  .record(z.string(), z.union([Scalar, AddressPatch]))
  .meta({ description: 'World field name → new value (null clears); businessAddress / homeAddress take {street, city, state, postalCode, countryOrRegion}, and only the parts given change' });
const ExUpdate = z.strictObject({ mailbox: Mailbox, item: ItemSelector, set: ExSetValues });
const ExItem = z.strictObject({ mailbox: Mailbox, item: ItemSelector });
const ExMove = z.strictObject({ mailbox: Mailbox, item: ItemSelector, to: z.string().min(1).meta({ description: 'Folder: contacts, Salesforce_Sync, deleteditems, or a subfolder' }) });

const SfContactCreate = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const SfCreate = z.strictObject({
  org: OrgId,
  as: z.string().min(1).meta({ description: 'User ref acting (the record owner)' }),
  ref: Ref.optional(),
  contact: SfContactCreate.optional(),
  event: SfContactCreate.optional(),
});
const SfTarget = {
  org: OrgId,
  as: z.string().min(1),
  item: ItemSelector.optional(),
  contact: ItemSelector.optional(),
  event: ItemSelector.optional(),
};
const SfUpdate = z.strictObject({ ...SfTarget, set: SetValues });
const SfDelete = z.strictObject(SfTarget);

const ConfigRef = { org: OrgId, config: z.string().min(1) };

const FaultEffect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('server-busy'), backOffMs: z.number().int().nonnegative(), form: z.enum(['soap-fault', 'response-message']).optional() }),
  z.strictObject({ kind: z.literal('http-503'), retryAfterSeconds: z.number().int().nonnegative().optional() }),
  z.strictObject({ kind: z.literal('connection-count') }),
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), wallMs: z.number().int().nonnegative().optional() }),
  z.strictObject({ kind: z.literal('connection-reset') }),
  z.strictObject({ kind: z.literal('sf-error'), errorCode: z.string(), status: z.number().int().optional(), message: z.string().optional() }),
  z.strictObject({ kind: z.literal('ews-error'), responseCode: z.string(), message: z.string().optional() }),
]);
const StringOrList = z.union([z.string(), z.array(z.string())]);
export const FaultEntrySchema = z.strictObject({
  id: z.string().min(1),
  sim: z.enum(['exchange', 'salesforce']),
  /** Salesforce: which org's server (each org has its own). Exchange: ignored. */
  org: OrgId.optional(),
  match: z
    .strictObject({
      operation: StringOrList.optional(),
      target: StringOrList.optional(),
      nth: z.union([z.number().int().positive(), z.array(z.number().int().positive())]).optional(),
      after: z.number().int().positive().optional(),
      from: Instant.optional(),
      until: Instant.optional(),
      within: Duration.optional().meta({ description: 'Window from now (scenario time), e.g. 30m; alternative to until' }),
      probability: z.number().min(0).max(1).optional(),
      times: z.number().int().positive().optional(),
    })
    .optional(),
  effect: FaultEffect,
});

export const STEP_SCHEMAS = {
  sync: Sync,
  advance: Duration,
  'advance-to': Instant,
  'exchange.create': ExCreate,
  'exchange.update': ExUpdate,
  'exchange.delete': ExItem,
  'exchange.move': ExMove,
  'exchange.mark-private': ExItem,
  'exchange.log-to-salesforce': ExItem,
  'exchange.admin': ExchangeAdminStep,
  'salesforce.create': SfCreate,
  'salesforce.update': SfUpdate,
  'salesforce.delete': SfDelete,
  'admin.edit-config': z.strictObject({ ...ConfigRef, set: ConfigSchema.partial().omit({ name: true }) }),
  'admin.create-config': z.strictObject({ org: OrgId, config: ConfigSchema }),
  'admin.activate-config': z.strictObject(ConfigRef),
  'admin.deactivate-config': z.strictObject(ConfigRef),
  'admin.assign': z.strictObject({ ...ConfigRef, users: z.array(z.string()).optional(), profiles: z.array(z.string()).optional() }),
  'admin.unassign': z.strictObject({ ...ConfigRef, users: z.array(z.string()).optional(), profiles: z.array(z.string()).optional() }),
  'admin.reset-sync': z.strictObject({ org: OrgId, user: z.string().min(1) }),
  'admin.connection-test': z.strictObject({ org: OrgId, rep: z.string().min(1), ref: Ref.optional() }),
  'admin.edit-setup': z.strictObject({
    org: OrgId,
    set: SetValues.meta({ description: 'LightningSyncSetup fields, e.g. AdditionalDomains: "acme-eu.test", OutlookIntegrationEnabled: false' }),
  }),
  'admin.fix-sandbox-email': z.strictObject({ org: OrgId, user: z.string().min(1) }),
  'engine.restart': OrgId.meta({ description: 'Drop the org engine and start a new one from its persisted state (G-05)' }),
  faults: z.union([z.array(FaultEntrySchema), z.literal('clear')]),
} as const;

export type StepKind = keyof typeof STEP_SCHEMAS;
export const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** Keys allowed next to the kind key on every step. */
export const StepCommon = {
  name: z.string().optional().meta({ description: 'Label shown in the timeline' }),
  expectError: z.union([z.string(), z.literal(true)]).optional()
    .meta({ description: 'The step must fail (with a message containing this text): a PASS/FAIL result, and the run goes on' }),
};

export type StepArgs<K extends StepKind> = z.infer<(typeof STEP_SCHEMAS)[K]>;
export type Step = { [K in StepKind]: { kind: K; args: StepArgs<K>; name?: string; index: number; expectError?: string | true } }[StepKind];

export const StepSchema = z.union(
  STEP_KINDS.map((kind) => z.strictObject({ [kind]: STEP_SCHEMAS[kind], ...StepCommon })) as unknown as [z.ZodTypeAny, ...z.ZodTypeAny[]],
);
