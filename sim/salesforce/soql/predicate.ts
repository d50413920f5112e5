/**
 * @module
 * WHERE → one predicate closure, built once per query: fields resolved, literals converted and type-checked, LIKE
 * patterns compiled, IN lists turned into Sets, date literals turned into ranges. Per row only the field value is
 * normalised and compared. SOQL null semantics: `= x`, `< x`, IN, LIKE, INCLUDES never match null; `!= x` and
 * NOT IN do (as on Salesforce); `= null` / `!= null` test for absence. With a range operand (TODAY, LAST_N_DAYS:n):
 * `=` within, `<` before the start, `<=` before the end, `>` at or after the end, `>=` at or after the start.
 */
import type { ComparisonOperator, Condition, LiteralValue, SetOperator } from './ast.ts';
import { errorAt } from './errors.ts';
import { toOperand, type DateContext, type Operand } from './literal-operand.ts';
import { categoryOf, normaliserFor, type Category, type Normalised } from './operand.ts';
import { resolveField, type RunContext } from './resolve.ts';
import { likeTest, textEqualityTest } from './text-filters.ts';
import type { ObjectSchema } from './types.ts';

export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;
type ValueTest = (v: Normalised) => boolean;

export function compileCondition(cond: Condition, root: ObjectSchema, ctx: RunContext, clock: DateContext): Predicate {
  switch (cond.kind) {
    case 'and': {
      const parts = cond.items.map((c) => compileCondition(c, root, ctx, clock));
      return (row) => {
        for (const p of parts) if (!p(row)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = cond.items.map((c) => compileCondition(c, root, ctx, clock));
      return (row) => {
        for (const p of parts) if (p(row)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(cond.item, root, ctx, clock);
      return (row) => !inner(row);
    }
    case 'compare':
    case 'set': {
      const field = resolveField(cond.field, root, ctx);
      if (field.leaf.filterable === false) {
        throw errorAt(ctx.text, cond.field.at, 'INVALID_FIELD', `field '${field.leaf.name}' can not be filtered in a query call`);
      }
      const category = categoryOf(field.leaf.type);
      const read = field.read;
      const rawTest = category !== 'text'
        ? undefined
        : cond.kind === 'compare' && cond.op === 'LIKE'
          ? likeTest(cond.value, ctx, field.leaf, clock)
          : textEqualityTest(cond, ctx, field.leaf, clock);
      if (rawTest) return (row) => rawTest(read(row));
      const normalise = normaliserFor(category);
      const test = cond.kind === 'compare'
        ? compareTest(cond.op, cond.value, category, field.leaf, ctx, clock, cond.opAt)
        : setTest(cond.op, cond.values, category, field.leaf, ctx, clock, cond.opAt);
      return (row) => test(normalise(read(row)));
    }
  }
}

function compareTest(
  op: ComparisonOperator, lit: LiteralValue, category: Category, leaf: ObjectSchema['fields'][number],
  ctx: RunContext, clock: DateContext, opAt: number,
): ValueTest {
  if (op === 'LIKE') throw invalidOperator(ctx.text, opAt, op, leaf.type); // text fields take the raw path
  if (category === 'boolean' && op !== '=' && op !== '!=') throw invalidOperator(ctx.text, opAt, op, leaf.type);
  if (category === 'multipicklist' && op !== '=' && op !== '!=') throw invalidOperator(ctx.text, opAt, op, leaf.type);
  const operand = toOperand(ctx.text, lit, leaf, category, clock);
  return operatorTest(op, operand);
}

function operatorTest(op: Exclude<ComparisonOperator, 'LIKE'>, operand: Operand): ValueTest {
  if (operand.kind === 'null') {
    if (op === '=') return (v) => v === null;
    if (op === '!=') return (v) => v !== null;
    return () => false;
  }
  if (operand.kind === 'range') {
    const { start, end } = operand;
    switch (op) {
      case '=': return (v) => v !== null && v >= start && v < end;
      case '!=': return (v) => v === null || v < start || v >= end;
      case '<': return (v) => v !== null && v < start;
      case '<=': return (v) => v !== null && v < end;
      case '>': return (v) => v !== null && v >= end;
      case '>=': return (v) => v !== null && v >= start;
    }
  }
  const x = operand.value;
  switch (op) {
    case '=': return (v) => v === x;
    case '!=': return (v) => v !== x;
    case '<': return (v) => v !== null && v < x;
    case '<=': return (v) => v !== null && v <= x;
    case '>': return (v) => v !== null && v > x;
    case '>=': return (v) => v !== null && v >= x;
  }
}

function setTest(
  op: SetOperator, values: LiteralValue[], category: Category, leaf: ObjectSchema['fields'][number],
  ctx: RunContext, clock: DateContext, opAt: number,
): ValueTest {
  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    if (category !== 'multipicklist') {
      throw errorAt(ctx.text, opAt, 'INVALID_QUERY_FILTER_OPERATOR', `includes or excludes operator only valid on multipicklist field`);
    }
    // Each value is a ';'-separated group that must be entirely present: INCLUDES ('a;b', 'c') = (a AND b) OR c.
    const groups = values.map((lit) => {
      const operand = toOperand(ctx.text, lit, leaf, category, clock);
      return operand.kind === 'point' ? String(operand.value).split(';') : [];
    });
    const includes = (v: Normalised) => {
      if (v === null) return false;
      const have = new Set((v as string).split(';'));
      return groups.some((g) => g.length > 0 && g.every((x) => have.has(x)));
    };
    return op === 'INCLUDES' ? includes : (v) => !includes(v);
  }
  if (category === 'multipicklist') throw invalidOperator(ctx.text, opAt, op, leaf.type);
  const operands = values.map((lit) => toOperand(ctx.text, lit, leaf, category, clock));
  const points = new Set<Normalised>();
  const ranges: ValueTest[] = [];
  for (const o of operands) {
    if (o.kind === 'null') points.add(null);
    else if (o.kind === 'point') points.add(o.value);
    else ranges.push(operatorTest('=', o));
  }
  const inList: ValueTest = ranges.length === 0 ? (v) => points.has(v) : (v) => points.has(v) || ranges.some((r) => r(v));
  return op === 'IN' ? inList : (v) => !inList(v);
}

function invalidOperator(text: string, at: number, op: string, type: string) {
  return errorAt(text, at, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator ${op} on ${type} field`);
}
