/**
 * @module
 * Filters on text fields that work on the stored string, skipping the lower-cased copy the generic path makes per
 * row: LIKE (its pattern is already case-insensitive) and =, !=, IN, NOT IN (equality with a length pre-check).
 */
import type { Condition, LiteralValue } from './ast.ts';
import { compileLike } from './like.ts';
import { toOperand, type DateContext } from './literal-operand.ts';
import type { RunContext } from './resolve.ts';
import type { ObjectSchema } from './types.ts';

/** LIKE on the stored string: the compiled pattern is already case-insensitive, so nothing is lower-cased. */
export function likeTest(lit: LiteralValue, ctx: RunContext, leaf: ObjectSchema['fields'][number], clock: DateContext): (raw: unknown) => boolean {
  if (lit.kind === 'null') return () => false;
  if (lit.kind !== 'string') toOperand(ctx.text, lit, leaf, 'text', clock); // throws Salesforce's type error
  const re = compileLike(lit.kind === 'string' ? lit.raw : '');
  return (raw) => raw !== null && raw !== undefined && raw !== '' && re.test(typeof raw === 'string' ? raw : String(raw));
}

/**
 * Fast path for the commonest filters on big orgs (`Email = 'x'`, `Name IN (…)`): compares the stored string
 * directly and lower-cases only when the length could match. When every literal is ASCII a length mismatch is
 * decisive, because no character lower-cases into ASCII while changing length.
 */
export function textEqualityTest(
  cond: Extract<Condition, { kind: 'compare' | 'set' }>, ctx: RunContext, leaf: ObjectSchema['fields'][number], clock: DateContext,
): ((raw: unknown) => boolean) | undefined {
  const negate = cond.op === '!=' || cond.op === 'NOT IN';
  if (cond.kind === 'compare' ? cond.op !== '=' && cond.op !== '!=' : cond.op !== 'IN' && cond.op !== 'NOT IN') return undefined;
  const literals = cond.kind === 'compare' ? [cond.value] : cond.values;
  const operands = literals.map((lit) => toOperand(ctx.text, lit, leaf, 'text', clock));
  const matchesNull = operands.some((o) => o.kind === 'null');
  const values = new Set(operands.flatMap((o) => (o.kind === 'point' ? [String(o.value)] : [])));
  const allAscii = [...values].every((v) => /^[\x00-\x7f]*$/.test(v));
  const lengths = new Set([...values].map((v) => v.length));
  const equals = (raw: unknown): boolean => {
    if (raw === null || raw === undefined || raw === '') return matchesNull;
    const s = typeof raw === 'string' ? raw : String(raw);
    if (allAscii && !lengths.has(s.length)) return false;
    return values.has(s) || values.has(s.toLowerCase());
  };
  return negate ? (raw) => !equals(raw) : equals;
}
