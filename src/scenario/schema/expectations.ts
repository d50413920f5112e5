/**
 * @module
 * Expectation kinds. Like steps, an expectation is a one-key object (`salesforce.event: {...}`, `finding: {...}`,
 * `counts: {...}`) plus common keys: `name`, `rules` (which SPEC IDs this check evidences; default the scenario's),
 * and `within` (keep running sync cycles, up to N, until the check passes — "converges within N cycles").
 */
import { z } from 'zod';
import { CountMatcher, FieldMatcher, Fields, Ref } from './primitives.ts';
import { EngineStatusSchema } from './engine-status.ts';

const OrgId = z.string().min(1);
const Selector = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** Common selection + assertion block of the state expectations. */
const StateCheck = {
  ref: Ref.optional().meta({ description: 'Item ref from the world or a step; resolves to its partner on the other side' }),
  where: Selector.optional().meta({ description: 'Select items whose fields equal these values' }),
  fields: Fields.optional(),
  absent: z.boolean().optional().meta({ description: 'true: no item matches the selection' }),
  count: CountMatcher.optional().meta({ description: 'How many items match the selection' }),
};

const FINDING_KINDS = [
  'conflict', 'overwrite', 'deletion', 'private-event-withheld', 'private-event-synced', 'unresolved-account',
  'company-removed', 'multi-org-collision', 'inactive-config-risk', 'unlinked-email', 'impersonation-denied',
  'unsupported-mailbox', 'contact-cap', 'out-of-window', 'error',
] as const;

export const EXPECT_SCHEMAS = {
  'exchange.contact': z.strictObject({ mailbox: z.string(), folder: z.string().optional(), email: z.string().optional(), ...StateCheck }),
  'exchange.event': z.strictObject({ mailbox: z.string(), calendar: z.string().optional(), subject: z.string().optional(), ...StateCheck }),
  'salesforce.contact': z.strictObject({ org: OrgId, email: z.string().optional(), ...StateCheck }),
  'salesforce.event': z.strictObject({ org: OrgId, subject: z.string().optional(), ...StateCheck }),
  'salesforce.record': z.strictObject({
    org: OrgId,
    object: z.string().min(1).meta({ description: 'sObject name, e.g. Account, LightningSyncSetup, EventRelation' }),
    ...StateCheck,
  }),
  'salesforce.user-status': z.strictObject({ org: OrgId, user: z.string(), fields: Fields }),
  'engine.status': EngineStatusSchema,
  'salesforce.error': z.strictObject({
    org: OrgId,
    user: z.string().optional(),
    code: z.string().optional(),
    object: z.enum(['Contact', 'Event']).optional(),
    count: CountMatcher.optional(),
  }),
  finding: z.strictObject({
    kind: z.enum(FINDING_KINDS).optional(),
    rule: z.string().optional(),
    org: OrgId.optional(),
    rep: z.string().optional(),
    object: z.enum(['Contact', 'Event']).optional(),
    field: z.string().optional(),
    before: FieldMatcher.optional(),
    after: FieldMatcher.optional(),
    otherOrg: z.string().optional(),
    count: CountMatcher.optional().meta({ description: 'Default: at least one. 0 = no such finding' }),
  }),
  counts: z.strictObject({
    org: OrgId.optional().meta({ description: 'Whose cycles (default: the last cycle of any org)' }),
    cycle: z.union([z.literal('last'), z.literal('all'), z.number().int().positive()]).optional()
      .meta({ description: 'last (default), all, or the nth cycle of the org (1-based)' }),
    sim: z.enum(['exchange', 'salesforce', 'both']).optional(),
    operation: z.string().optional(),
    requests: CountMatcher.optional(),
    writes: CountMatcher.optional(),
    errors: CountMatcher.optional().meta({ description: 'Errors the engine reported in those cycles' }),
    errorCode: z.string().min(1).optional().meta({ description: 'Count only engine errors with this code (e.g. HttpUnauthorized); with errors' }),
    errorRule: z.string().min(1).optional().meta({ description: 'Count only engine errors citing this rule (e.g. CONN-08); with errors' }),
  }),
  backoff: z.strictObject({
    fault: z.string().min(1).meta({ description: 'Id of a faults: entry with a server-busy (backOffMs) or http-503 (retryAfterSeconds) effect' }),
  }).meta({ description: 'G-06: after each firing of the fault, no request to the same target before the back-off passed (scenario time)' }),
  replay: z.strictObject({}).meta({
    description: 'G-08: run the whole scenario again on fresh sims with the same seed; cycles, findings and the final-state diff must be identical',
  }),
  'connection-test': z.strictObject({
    ref: Ref,
    verdict: z.enum(['Connectivity Test Successful', 'Connectivity Test Successful with Warnings', 'Connectivity Test Failed']).optional(),
    failing: z.string().optional().meta({ description: 'Name (or part) of a check that must have failed' }),
    detail: z.string().optional().meta({ description: 'Text the detail or fix of a failed or warning check must contain (what to do)' }),
  }),
} as const;

export type ExpectKind = keyof typeof EXPECT_SCHEMAS;
export const EXPECT_KINDS = Object.keys(EXPECT_SCHEMAS) as ExpectKind[];
export { FINDING_KINDS };

export const ExpectCommon = {
  name: z.string().optional(),
  rules: z.array(z.string()).optional(),
  within: z.number().int().min(1).max(10).optional(),
};

export type ExpectArgs<K extends ExpectKind> = z.infer<(typeof EXPECT_SCHEMAS)[K]>;
export type Expectation = {
  [K in ExpectKind]: { kind: K; args: ExpectArgs<K>; name?: string; rules?: string[]; within?: number };
}[ExpectKind];

export const ExpectationSchema = z.union(
  EXPECT_KINDS.map((kind) => z.strictObject({ [kind]: EXPECT_SCHEMAS[kind], ...ExpectCommon })) as unknown as [z.ZodTypeAny, ...z.ZodTypeAny[]],
);
