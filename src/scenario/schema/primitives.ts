/**
 * @module
 * Small schema pieces shared by the world, step and expectation schemas: durations, instants, refs and field
 * matchers. Every message says what was given and what is expected, because the loader prints it as is after
 * `file:line:col path:`.
 */
import { z } from 'zod';

const DURATION_RE = /^(\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const show = (value: unknown): string => JSON.stringify(typeof value === 'string' ? value : String(value));

/** `15m`, `2h`, `1d`, `500ms`, `1h30m` (src/time/clock.ts parseDuration). */
export const Duration = z
  .string({ error: (issue) => `${show(issue.input)} is not a duration — expected e.g. 15m, 2h, 1d` })
  .regex(DURATION_RE, { error: (issue) => `${show(issue.input)} is not a duration — expected e.g. 15m, 2h, 1d` })
  .meta({ description: 'Scenario-time duration, e.g. 500ms, 90s, 15m, 2h, 1d, 1h30m', examples: ['15m', '2h'] });

/** ISO 8601 instant or date. Zone-less instants are read as UTC. */
export const Instant = z
  .string({ error: (issue) => `${show(issue.input)} is not an instant — expected ISO 8601, e.g. 2026-03-02T08:00:00Z` })
  .regex(INSTANT_RE, { error: (issue) => `${show(issue.input)} is not an instant — expected ISO 8601, e.g. 2026-03-02T08:00:00Z` })
  .refine((text) => Number.isFinite(Date.parse(text)), {
    error: (issue) => `${show(issue.input)} is not a real date — expected ISO 8601, e.g. 2026-03-02T08:00:00Z`,
  })
  .meta({ description: 'ISO 8601 instant, e.g. 2026-03-02T08:00:00Z' });

/** IANA time zone, checked against the runtime's zone database. */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { error: (issue) => `${show(issue.input)} is not an IANA time zone — expected e.g. America/New_York, Europe/Berlin, UTC` })
  .meta({ description: 'IANA time zone, e.g. America/New_York' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A scenario handle (`ref: kickoff`) for items created in the world or by steps. */
export const Ref = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, { error: (issue) => `${show(issue.input)} is not a valid ref — expected a name like kickoff, acme-contact, m1` })
  .meta({ description: 'Scenario handle for an item, resolved across steps and expectations' });

export const Email = z
  .string()
  .regex(/^[^@\s]+@[^@\s]+$/, { error: (issue) => `${show(issue.input)} is not an email address — expected e.g. marianne@acme.test` });

export const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Field-level matching: a scalar means "equals" (null = empty/absent); an object picks one operator.
 * `{ absent: true }` = field not set, `{ contains: "x" }`, `{ matches: "^re$" }`, `{ oneOf: [...] }`,
 * `{ gte: n }` / `{ lte: n }` for numbers and instants, `{ not: value }`.
 */
export const FieldMatcher = z.union([
  Scalar,
  z.strictObject({ equals: Scalar }),
  z.strictObject({ not: Scalar }),
  z.strictObject({ contains: z.string() }),
  z.strictObject({ matches: z.string() }),
  z.strictObject({ oneOf: z.array(Scalar).min(1) }),
  z.strictObject({ absent: z.boolean() }),
  z.strictObject({ gte: z.union([z.number(), z.string()]) }),
  z.strictObject({ lte: z.union([z.number(), z.string()]) }),
]);
export type FieldMatcher = z.infer<typeof FieldMatcher>;

export const Fields = z.record(z.string(), FieldMatcher).meta({ description: 'Field name → expected value or matcher' });

/** A count: exact number or a bound. */
export const CountMatcher = z.union([
  z.number().int().nonnegative(),
  z.strictObject({ eq: z.number().int().nonnegative() }),
  z.strictObject({ lte: z.number().int().nonnegative() }),
  z.strictObject({ gte: z.number().int().nonnegative() }),
  z.strictObject({ gte: z.number().int().nonnegative(), lte: z.number().int().nonnegative() }),
]);
export type CountMatcher = z.infer<typeof CountMatcher>;

export const SetValues = z.record(z.string(), Scalar).meta({ description: 'Field name → new value (null clears)' });
