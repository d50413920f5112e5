/**
 * @module
 * The scenario format: one YAML file per scenario, validated by these zod schemas. `ScenarioFileSchema` describes the
 * whole file for editors (exported to schemas/scenario.schema.json by `scenarioJsonSchema()`); the loader validates
 * the top level with `ScenarioTopSchema` and each step / expectation against its own kind's schema, so an error names
 * the exact kind and field. See docs/scenarios.md for the reference and a tour.
 */
import { z } from 'zod';
import { Instant, TimeZone } from './schema/primitives.ts';
import { CATALOGUE } from './catalogue.ts';
import { ExchangeWorldSchema } from './schema/world-exchange.ts';
import { SalesforceWorldSchema } from './schema/world-salesforce.ts';
import { STEP_SCHEMAS, StepCommon, type Step } from './schema/steps.ts';
import { EXPECT_SCHEMAS, ExpectCommon, ExpectationSchema, type Expectation } from './schema/expectations.ts';
import type { ExchangeWorld } from '../../sim/exchange/world.ts';
import type { SalesforceWorld } from '../../sim/salesforce/world.ts';

export { STEP_SCHEMAS, STEP_KINDS, type Step, type StepKind, type StepArgs } from './schema/steps.ts';
export { EXPECT_SCHEMAS, EXPECT_KINDS, type Expectation, type ExpectKind, type ExpectArgs } from './schema/expectations.ts';

export const ScenarioId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a scenario id — expected lower-case words joined by - and /, e.g. overwrite/ex-only-overwrites-sf-notes`,
  });

export const ClockSchema = z.strictObject({
  start: Instant.meta({ description: 'Scenario start instant (ISO 8601)' }),
  zone: TimeZone.optional().meta({ description: 'Time zone used to display times; reps keep their own TimeZoneSidKey' }),
});

export const WorldSchema = z.strictObject({
  exchange: ExchangeWorldSchema.optional(),
  salesforce: SalesforceWorldSchema.optional(),
});

const top = {
  id: ScenarioId,
  title: z.string().min(1),
  description: z.string().optional(),
  rules: z.array(z.string()).min(1, { error: 'rules must list at least one SPEC ID, e.g. [EVT-03]' }),
  tags: z.array(z.string()).optional(),
  seed: z.number().int().nonnegative().optional().meta({ description: 'Seed for faker data, fault probabilities and ids (default 1; --seed overrides)' }),
  clock: ClockSchema.optional(),
  world: WorldSchema,
};

/** The top level, with steps and expectations left for per-kind validation. */
export const ScenarioTopSchema = z.strictObject({
  ...top,
  steps: z.array(z.unknown()).optional(),
  expect: z.array(z.unknown()).optional(),
});

/** Mid-run checkpoint: `- expect: [...]` as a step. */
const CheckpointStep = z.strictObject({ expect: z.array(ExpectationSchema), ...StepCommon });

/** The whole file, for JSON Schema (editors). */
export const ScenarioFileSchema = z
  .strictObject({
    ...top,
    rules: z.array(z.enum(CATALOGUE.map((r) => r.id) as [string, ...string[]])).min(1).meta({ description: 'SPEC IDs this scenario covers' }),
    steps: z.array(z.union([...Object.entries(STEP_SCHEMAS).map(([kind, schema]) => z.strictObject({ [kind]: schema, ...StepCommon })), CheckpointStep] as unknown as [z.ZodTypeAny, ...z.ZodTypeAny[]])).optional(),
    expect: z.array(ExpectationSchema).optional(),
  })
  .meta({ title: 'synclab scenario', description: 'One synclab scenario: world, steps and expectations (docs/scenarios.md)' });

export type CheckpointStep = { kind: 'expect'; args: Expectation[]; name?: string; index: number };
export type ScenarioStep = Step | CheckpointStep;

/** A validated scenario, as the runner consumes it. */
export interface Scenario {
  id: string;
  title: string;
  description?: string;
  rules: string[];
  tags: string[];
  seed: number;
  clock: { start: string; zone: string };
  world: { exchange: ExchangeWorld; salesforce: SalesforceWorld };
  steps: ScenarioStep[];
  expect: Expectation[];
  /** Where it came from, for messages. */
  source: { file: string };
}

export const DEFAULT_SEED = 1;
export const DEFAULT_CLOCK = { start: '2026-03-02T08:00:00Z', zone: 'UTC' } as const;

/** All keys allowed next to the kind key of a step / expectation. */
export const STEP_COMMON_KEYS = Object.keys(StepCommon);
export const EXPECT_COMMON_KEYS = Object.keys(ExpectCommon);
export { ExpectCommon, StepCommon };
void EXPECT_SCHEMAS;

/** JSON Schema of a scenario file (draft 2020-12), as committed in schemas/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioFileSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input', reused: 'ref' });
  return { ...schema, $id: 'https://synclab.dev/schemas/scenario.schema.json' };
}
